using System.Globalization;

namespace GoCart.Lambda.Cli;

/// <summary>
/// The parsed arguments of one command: `--name value` options and `--flag` switches, each allowed at most once.
/// Anything unknown or malformed is a <see cref="UsageException"/> that names it.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options;

    private CommandLine(string command, Dictionary<string, string?> options)
    {
        Command = command;
        _options = options;
    }

    public string Command { get; }

    /// <summary>Parses args; <paramref name="valued"/> lists the options that take a value, <paramref name="flags"/> those that do not.</summary>
    public static CommandLine Parse(string command, IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"Unexpected argument '{arg}' for '{command}'.");
            }

            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            if (valued.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new UsageException($"--{name} needs a value.");
                    }

                    value = args[++i];
                }
            }
            else if (!flags.Contains(name) || value is not null)
            {
                throw new UsageException($"Unknown option --{name} for '{command}'.");
            }

            if (!options.TryAdd(name, value))
            {
                throw new UsageException($"--{name} is given twice.");
            }
        }

        return new CommandLine(command, options);
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Value(string name) => _options.TryGetValue(name, out var value) ? value : null;

    public string Required(string name) =>
        Value(name) is { Length: > 0 } value ? value : throw new UsageException($"'{Command}' needs --{name}.");

    public double Number(string name, double fallback, double min, double max)
    {
        if (Value(name) is not { } text)
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"--{name} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{text}'.");
        }

        return value;
    }

    public int WholeNumber(string name, int fallback, int min, int max)
    {
        if (Value(name) is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"--{name} must be a whole number from {min} to {max}, not '{text}'.");
        }

        return value;
    }
}
