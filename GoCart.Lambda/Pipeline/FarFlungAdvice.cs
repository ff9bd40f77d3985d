using GoCart.Lambda.Contract;
using GoCart.Lambda.Geo;

namespace GoCart.Lambda.Pipeline;

/// <summary>
/// The warnings that point out, when the request chose nothing about them, the far-flung regions and the far
/// parts of regions that shrink the main map, and the options that deal with them.
/// </summary>
public static class FarFlungAdvice
{
    private const int Listed = 12;

    public static IEnumerable<string> For(SourceMap map, CartogramOptions? options)
    {
        if (map.FarFlung.Count > 0 && options?.FarFlung is null && options?.Insets is null)
        {
            yield return Regions(map.FarFlung);
        }

        if (map.FarParts.Count > 0 && options?.FarParts is null)
        {
            var named = map.Regions.Where(r => map.FarParts.ContainsKey(r.Id)).Select(r => $"{FarFlungChoice.Named(r)} ({map.FarParts[r.Id].Count} of its {r.Geometry.NumGeometries} polygons)");
            yield return $"{List([.. named])} {(map.FarParts.Count == 1 ? "has" : "have")} parts far from the main map that shrink it; " +
                "to leave those parts out, set farParts to \"leave-out\" (gocart generate --far-parts leave-out).";
        }
    }

    public static string Regions(IReadOnlyDictionary<string, string> farFlung) =>
        $"{List([.. farFlung.Keys])} lie far from the main map and shrink it; " +
        $"to draw them as insets set farFlung to \"insets\" or give them an Inset in the data ({string.Join(", ", farFlung.Take(Listed).Select(f => $"{f.Key}: {f.Value}"))}), " +
        "or set farFlung to \"leave-out\" (gocart generate --far-flung insets|leave-out).";

    private static string List(List<string> names) =>
        $"{string.Join(", ", names.Take(Listed))}{(names.Count > Listed ? $" and {names.Count - Listed} more" : "")}";
}
