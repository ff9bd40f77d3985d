using System.Globalization;
using System.Text.RegularExpressions;

namespace GoCart.Lambda.Guardrail;

/// <summary>
/// Tells a total from a rate before a cartogram is computed (docs/guardrail.md), in the spirit of the method's
/// authors' cartogram advisor: a cartogram sizes regions by a quantity that adds up, so a column is flagged as
/// intensive when (1) its name or unit says rate, percent, per capita, per 1,000, density, index, average, mean,
/// median, ratio or share; (2) it is a percentage (every value within 0–100 and a % or "percent" in its name); or
/// (3) when the map has a population column, its values do not grow with population: the least-squares slope of
/// log(value) on log(population) over at least <see cref="MinimumRegionsForSlope"/> regions is below
/// <see cref="MinimumSlope"/> (totals scale about linearly, slopes 0.7–1.3; per-capita figures and densities
/// stay near 0).
/// </summary>
public static partial class ValueColumnClassifier
{
    /// <summary>
    /// Below this log-log slope against population a column is taken as intensive. On go-cart.io's library the
    /// totals other than population have slopes 1.05 (Switzerland's GDP) and 1.13 (Croatia's Covid cases), while an
    /// area-per-person column reaches 0.55 where population and area grow together (Spain's communities; 0.46
    /// next): 0.7 keeps them apart with room on both sides (docs/guardrail.md).
    /// </summary>
    public const double MinimumSlope = 0.7;

    /// <summary>Above this log-log slope against population a column is taken as intensive (densities where the populous regions are the small ones).</summary>
    public const double MaximumSlope = 1.5;

    /// <summary>Regions with a positive value and population the slope needs.</summary>
    public const int MinimumRegionsForSlope = 8;

    public static ValueColumnVerdict Classify(string columnName, IReadOnlyList<double?> values, IReadOnlyList<double?>? population = null)
    {
        ArgumentNullException.ThrowIfNull(columnName);
        ArgumentNullException.ThrowIfNull(values);
        var name = columnName.Trim();
        var known = values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
        if (PercentWord().IsMatch(name))
        {
            var all = known.Count > 0 && known.All(v => v is >= 0 and <= 100);
            return Intensive(name, "a percentage", all ? "its name says percent and every value is between 0 and 100" : "its name says percent", null, byName: true);
        }

        if (PerWord().Match(name) is { Success: true } per)
        {
            var total = name[..per.Index];
            if (total.LastIndexOf('(') is var open and >= 0 && !total[open..].Contains(')', StringComparison.Ordinal))
            {
                total = total[..open];
            }

            total = total.Trim().TrimEnd(',', '-').Trim();
            return Intensive(name, "a rate", $"its name says “{per.Value.Trim()}”", total.Length > 0 ? total : null, byName: true);
        }

        if (IntensiveWord().Match(name) is { Success: true } word)
        {
            var noun = word.Value.ToLowerInvariant() switch
            {
                "average" or "avg" or "mean" or "median" => "an average",
                "index" => "an index",
                "density" => "a density",
                _ => "a rate",
            };
            return Intensive(name, noun, $"its name says “{word.Value}”", null, byName: true);
        }

        if (population is not null && Slope(values, population) is { } fit && fit.Slope is < MinimumSlope or > MaximumSlope)
        {
            return Intensive(name, "a rate or an average", string.Create(CultureInfo.InvariantCulture,
                $"it does not grow in step with population: across {fit.Regions} regions it scales as population^{fit.Slope:0.00}, where a total scales about as population^1"), null, byName: false);
        }

        return new ValueColumnVerdict(ValueColumnKind.Extensive, population is not null && Slope(values, population) is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"it grows with population (log-log slope {f.Slope:0.00} across {f.Regions} regions)")
            : "nothing in its name or values says rate", null);
    }

    /// <summary>The least-squares slope of log(value) on log(population) over the regions where both are positive, or null when too few.</summary>
    public static (double Slope, int Regions)? Slope(IReadOnlyList<double?> values, IReadOnlyList<double?> population)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < Math.Min(values.Count, population.Count); i++)
        {
            if (values[i] is { } v && population[i] is { } p && v > 0 && p > 0 && double.IsFinite(v) && double.IsFinite(p))
            {
                xs.Add(Math.Log(p));
                ys.Add(Math.Log(v));
            }
        }

        if (xs.Count < MinimumRegionsForSlope)
        {
            return null;
        }

        var mx = xs.Average();
        var my = ys.Average();
        var sxx = xs.Sum(x => (x - mx) * (x - mx));
        if (!(sxx > 1e-12))
        {
            return null;
        }

        var sxy = xs.Select((x, i) => (x - mx) * (ys[i] - my)).Sum();
        return (sxy / sxx, xs.Count);
    }

    /// <summary>Whether a column name names population (a map's population column, to test other columns against).</summary>
    public static bool IsPopulation(string columnName) => PopulationWord().IsMatch(columnName) && !PerWord().IsMatch(columnName) && !IntensiveWord().IsMatch(columnName);

    private static ValueColumnVerdict Intensive(string name, string noun, string reason, string? total, bool byName)
    {
        var suggestion = total is not null ? $"a total such as {total}" : "the total it was computed from (a count or a sum)";
        var message = $"{name} is {noun}: a cartogram of it sizes regions by a number that does not add up. Use a choropleth, or {suggestion}. (GoCart thinks so because {reason}.) You can still make the cartogram.";
        return new ValueColumnVerdict(ValueColumnKind.Intensive, reason, message, byName);
    }

    [GeneratedRegex(@"%|\bper ?cent(age)?s?\b|\bpct\b", RegexOptions.IgnoreCase)]
    private static partial Regex PercentWord();

    [GeneratedRegex(@"\bper\s+(capita|head|person|people|inhabitant|resident|household|\d[\d,. ]*|thousand|hundred|million|km|sq|square|hectare|ha|mile|m²|km²)[^\s)]*|\bper\s+\d", RegexOptions.IgnoreCase)]
    private static partial Regex PerWord();

    [GeneratedRegex(@"\b(rate|rates|density|densities|index|average|avg|mean|median|ratio|share|proportion)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IntensiveWord();

    [GeneratedRegex(@"\b(population|people|inhabitants|residents|persons)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PopulationWord();
}
