namespace GoCart.Lambda.Cli;

/// <summary>Chooses what the executable is: the Lambda custom runtime when AWS starts it, otherwise the `gocart` CLI.</summary>
public static class Entry
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("gocart: not wired yet");
        return args.Length == 0 ? 2 : 2;
    }
}
