using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Pipeline;

/// <summary>
/// An inset group the data gives no value (a territory a state table leaves out) is drawn at the mean density of the
/// regions with data, as a missing value on the main map is, instead of stopping the whole cartogram. The density is
/// measured over every group at once, before any engine run, so it does not depend on the order of the groups. Each
/// group has its own equal-area projection of the same Earth (or the map's own planar units), so their areas add up.
/// </summary>
internal static class InsetFill
{
    /// <summary>The value per projected area of the regions with a value (every region of every group); 0 when none has a positive value.</summary>
    public static double Density(IEnumerable<(double Area, double? Value)> regions)
    {
        var knownValue = 0.0;
        var knownArea = 0.0;
        foreach (var (area, value) in regions)
        {
            if (value is { } known)
            {
                knownValue += known;
                knownArea += area;
            }
        }

        return knownValue > 0 && knownArea > 0 ? knownValue / knownArea : 0;
    }

    /// <summary>An inset group's values, each missing one at <paramref name="density"/> times its area when the group has no positive value.</summary>
    public static List<double?> Fill(IReadOnlyList<Geometry> planar, IReadOnlyList<double?> values, double density) =>
        values.Any(v => v > 0) || !(density > 0)
            ? [.. values]
            : [.. planar.Select((g, i) => values[i] ?? (g.Area * density))];
}
