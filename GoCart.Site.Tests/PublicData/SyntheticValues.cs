using GoCart.Lambda.Geo;

namespace GoCart.Site.Tests.PublicData;

/// <summary>
/// Values spread log-uniformly from 1 to 1e9 (fixed seed) for every region of a public map, so that the largest
/// region's value is up to a billion times the smallest's, as populations and GDPs are.
/// </summary>
public static class SyntheticValues
{
    public const int Seed = 20261202;

    public static SourceMap Map(string file) => MapFileReader.Read(File.ReadAllBytes(Path.Combine(PublicMaps.Folder, file)), null, null);

    /// <summary>Log-uniform values from 10^<paramref name="fromDecade"/> to 1e9 (default: from 1).</summary>
    public static Dictionary<string, double?> For(SourceMap map, int fromDecade = 0)
    {
        var random = new Random(Seed);
        return map.Regions.ToDictionary(r => r.Id, _ => (double?)Math.Round(Math.Pow(10, fromDecade + ((9 - fromDecade) * random.NextDouble()))), StringComparer.Ordinal);
    }

    /// <summary>Regions whose value the engine raises to 1e-4 of the total (README: zero and tiny values); their error is measured against the raised target.</summary>
    public static bool Floored(double? value, double total) => value is null || value < 1e-4 * total;

    public static string Csv(Dictionary<string, double?> values) =>
        "id,Value\n" + string.Concat(values.Select(v => $"{v.Key},{v.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n"));
}
