return GoCart.Lambda.Cli.Entry.Run(args);
