using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using GoCart.Lambda.Pipeline.Simplification;

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

    /// <summary>--max-points: the output's budget per inset, 10,000 by default, 0 for every point, else at least 100.</summary>
    public static Option<int> MaxPoints()
    {
        var option = new Option<int>("--max-points")
        {
            Description = $"Most points per inset in the output, each point neighbours share counted once (default {OutputBudget.DefaultMaxPoints}; 0 writes every point, no simplification; otherwise at least {OutputBudget.MinMaxPoints}; rings keep at least {AreaAwareSimplifier.MinRingPoints}).",
            DefaultValueFactory = _ => OutputBudget.DefaultMaxPoints,
        };
        option.Validators.Add(result =>
        {
            if (OutputBudget.MaxPointsProblem("--max-points", result.GetValueOrDefault<int>()) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }

    /// <summary>--tolerance: a distance in the output's units within which points are removed beyond the budget.</summary>
    public static Option<double?> Tolerance()
    {
        var option = new Option<double?>("--tolerance")
        {
            Description = "Also remove points whose removal keeps every border within this distance of the computed one, in the output's units (metres for a longitude/latitude map): the output keeps whichever of --max-points and --tolerance gives fewer points (default: no tolerance).",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } tolerance && OutputBudget.ToleranceProblem("--tolerance", tolerance) is { } problem)
            {
                result.AddError(problem);
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
