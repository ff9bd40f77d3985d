namespace GoCart.Site.Admin;

/// <summary>
/// <c>dotnet GoCart.Site.dll hash-password</c>: reads a password from standard input (one line) and prints the
/// hash to put in CARTOGRAM_ADMIN_PASSWORD_HASH. The password never appears in arguments or logs.
/// </summary>
public static class HashPasswordCommand
{
    public const string Name = "hash-password";
    public const int MinimumLength = 12;

    public static int Run(TextReader input, TextWriter output, TextWriter error)
    {
        if (!Console.IsInputRedirected)
        {
            error.WriteLine("Type the admin password and press Enter:");
        }

        var password = input.ReadLine() ?? "";
        if (password.Length < MinimumLength)
        {
            error.WriteLine($"The password must be at least {MinimumLength} characters long.");
            return 1;
        }

        output.WriteLine(PasswordHash.Create(password));
        return 0;
    }
}
