using System.Globalization;

namespace GoCart.Lambda.Pipeline;

/// <summary>
/// Whether a cartogram reached its accuracy goal and, when it did not, the sentence that says so: the engine's
/// best effort on a column whose targets it cannot reach (a density, a rate, values many orders of magnitude
/// apart) is a usable picture but not a cartogram to scale, and must never read as a clean success.
/// </summary>
public static class Convergence
{
    /// <summary>Null when every region is within <paramref name="goal"/>; else the largest error, its region and what to try.</summary>
    public static string? Shortfall(IReadOnlyList<string> ids, IReadOnlyList<double> errors, double goal)
    {
        var worst = -1;
        for (var i = 0; i < errors.Count; i++)
        {
            if (worst < 0 || Math.Abs(errors[i]) > Math.Abs(errors[worst]))
            {
                worst = i;
            }
        }

        if (worst < 0 || Math.Abs(errors[worst]) <= goal)
        {
            return null;
        }

        return $"Did not converge: the largest area error is {Percent(Math.Abs(errors[worst]))} ({ids[worst]}), above the {Percent(goal)} goal, so the regions are not drawn to scale; " +
               "try a column of totals (people, money, votes) instead of a rate or a density, leave out the regions whose values dwarf their area, or accept a larger error.";
    }

    private static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{fraction * 100:#,0.#} %");
}
