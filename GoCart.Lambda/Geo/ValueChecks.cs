using System.Globalization;

namespace GoCart.Lambda.Geo;

/// <summary>
/// The values as the engine needs them: each finite and zero or more, at least one positive, and a finite
/// total (three values of 1e308 are each valid, but their sum is infinite and every region's share would be
/// 0 or NaN). Shared by the site, the JSON API, the Lambda and the CLI, so each refuses the same data.
/// </summary>
public static class ValueChecks
{
    /// <summary>Throws an <see cref="UnusableValueException"/> naming the region to fix; regions with a null value are missing.</summary>
    public static void Check(IEnumerable<(string Region, double? Value)> values)
    {
        var total = 0.0;
        var anyValue = false;
        foreach (var (region, value) in values)
        {
            if (value is not { } v)
            {
                continue;
            }

            anyValue = true;
            if (!double.IsFinite(v))
            {
                throw new UnusableValueException($"Region \"{region}\" has the value {Text(v)}, which is not a finite number. Give a number of zero or more, or leave it empty for a missing value.") { Region = region };
            }

            if (v < 0)
            {
                throw new UnusableValueException($"Region \"{region}\" has the value {Text(v)}, which is negative. Cartogram values are sizes and must be zero or more.") { Region = region };
            }

            total += v;
            if (!double.IsFinite(total))
            {
                throw new UnusableValueException($"The values add up to more than {Text(double.MaxValue)} (the total overflows at region \"{region}\"), too large to compute with. Give them in a larger unit, for example millions or billions.") { Region = region };
            }
        }

        if (total <= 0)
        {
            throw new UnusableValueException(anyValue
                ? "Every value is zero: give at least one region a positive number."
                : "No region has a value: give at least one region a number.");
        }
    }

    private static string Text(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
