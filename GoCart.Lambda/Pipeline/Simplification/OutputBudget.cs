using System.Globalization;
using GoCart.Lambda.Contract;

namespace GoCart.Lambda.Pipeline.Simplification;

/// <summary>
/// How compact each inset's output is made: at most <see cref="MaxPoints"/> distinct points (a point neighbours
/// share counted once; <see cref="DefaultMaxPoints"/> unless the request says otherwise, null when it asks for
/// 0), and, with a <see cref="Tolerance"/>, every further point whose line stays within that distance (in the
/// output's units) of the engine's line removed too: the simplifier stops at whichever keeps fewer points. With
/// neither, every point the engine moved is written.
/// </summary>
public sealed record OutputBudget(int? MaxPoints, double? Tolerance)
{
    /// <summary>The budget cartogram-cpp delivers, points per inset.</summary>
    public const int DefaultMaxPoints = 10_000;

    /// <summary>The smallest budget a request may ask for (0, no budget, aside).</summary>
    public const int MinMaxPoints = 100;

    public static OutputBudget Default { get; } = new(DefaultMaxPoints, null);

    /// <summary>False when neither a budget nor a tolerance asks for anything to be removed.</summary>
    public bool SimplifiesAnything => MaxPoints is not null || Tolerance is not null;

    /// <summary>The request's budget: null maxPoints is the default, 0 no budget; a wrong value is a 400 naming the option.</summary>
    public static OutputBudget From(CartogramOptions? options)
    {
        var maxPoints = options?.MaxPoints;
        var tolerance = options?.Tolerance;
        var problem = (maxPoints is { } points ? MaxPointsProblem("options.maxPoints", points) : null)
            ?? (tolerance is { } t ? ToleranceProblem("options.tolerance", t) : null);
        if (problem is not null)
        {
            throw new CartogramException(CartogramErrorKind.InvalidInput, problem);
        }

        return new OutputBudget(maxPoints switch { null => DefaultMaxPoints, 0 => null, var n => n }, tolerance);
    }

    /// <summary>What is wrong with a budget, said with the option's <paramref name="name"/>; null when it is 0 or at least <see cref="MinMaxPoints"/>.</summary>
    public static string? MaxPointsProblem(string name, int maxPoints) =>
        maxPoints is 0 or >= MinMaxPoints
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"{name} must be 0 (write every point) or at least {MinMaxPoints} points per inset (the default is {DefaultMaxPoints:N0}), not {maxPoints}.");

    /// <summary>What is wrong with a tolerance, said with the option's <paramref name="name"/>; null when it is a positive, finite distance.</summary>
    public static string? ToleranceProblem(string name, double tolerance) =>
        double.IsFinite(tolerance) && tolerance > 0
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"{name} must be a distance above 0 in the output's units (metres for a longitude/latitude map, the map's own units for a projected one), not {tolerance}; leave it out for no tolerance.");
}
