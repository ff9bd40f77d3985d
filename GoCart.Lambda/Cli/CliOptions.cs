using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GoCart.Lambda.Cli;

/// <summary>
/// Options the commands share or build alike, with the range checks that turn a wrong value into a one-line
/// usage error naming the option (System.CommandLine reports it before any work starts).
/// </summary>
public static class CliOptions
{
    public static Option<string> Required(string name, string description) =>
        new(name) { Description = description, Required = true };

    public static Option<string?> Optional(string name, string description) => new(name) { Description = description };

    public static Option<double> Number(string name, string description, double fallback, double min, double max)
    {
        var option = new Option<double>(name) { Description = description, DefaultValueFactory = _ => fallback };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is var value && !(value >= min && value <= max))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number from {min} to {max}, not '{Given(result)}'."));
            }
        });
        return option;
    }

    public static Option<int> WholeNumber(string name, string description, int fallback, int min, int max)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => fallback };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var value && (value < min || value > max))
            {
                result.AddError($"{name} must be a whole number from {min} to {max}, not '{Given(result)}'.");
            }
        });
        return option;
    }

    /// <summary>An option taking one of a few words, listed in --help; another word is a usage error naming them.</summary>
    public static Option<string?> OneOf(string name, string description, params string[] words)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = string.Join('|', words) };
        option.AcceptOnlyFromAmong(words);
        return option;
    }

    /// <summary>--grid: the first lattice's long side, a power of two from 64 to 2048; without it the engine chooses.</summary>
    public static Option<int?> Grid()
    {
        var option = new Option<int?>("--grid") { Description = "The first lattice's long side: 64, 128, 256, 512, 1024 or 2048 (default: the engine chooses)." };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } grid && (grid < 64 || grid > 2048 || (grid & (grid - 1)) != 0))
            {
                result.AddError($"--grid must be a power of two (64, 128, 256, 512, 1024 or 2048), not {Given(result)}.");
            }
        });
        return option;
    }

    private static string Given(OptionResult result) => string.Join(' ', result.Tokens.Select(t => t.Value));
}
