namespace GoCart.Lambda;

/// <summary>The `gocart` executable: the Lambda custom runtime when AWS starts it, otherwise the CLI.</summary>
internal static class GocartProgram
{
    private static int Main(string[] args) => Cli.Entry.Run(args);
}
