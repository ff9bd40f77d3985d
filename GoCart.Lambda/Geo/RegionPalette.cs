using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Colours regions so that neighbours differ: regions that share a boundary vertex are neighbours, and a greedy
/// colouring in order of decreasing neighbour count picks for each region the first palette colour none of its
/// coloured neighbours has (or the least used among them when the palette runs out).
/// </summary>
public static class RegionPalette
{
    /// <summary>Soft, distinguishable fills (after ColorBrewer's Pastel1 and Set3, colour-blind-safe in pairs).</summary>
    public static readonly IReadOnlyList<string> Colours =
        ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd"];

    public static IReadOnlyList<string> Assign(IReadOnlyList<Geometry> regions)
    {
        var neighbours = Neighbours(regions);
        var colour = Enumerable.Repeat(-1, regions.Count).ToArray();
        foreach (var region in Enumerable.Range(0, regions.Count).OrderByDescending(r => neighbours[r].Count).ThenBy(r => r))
        {
            var used = new int[Colours.Count];
            foreach (var other in neighbours[region])
            {
                if (colour[other] >= 0)
                {
                    used[colour[other]]++;
                }
            }

            var free = Array.IndexOf(used, 0);
            colour[region] = free >= 0 ? free : Array.IndexOf(used, used.Min());
        }

        return [.. colour.Select(c => Colours[c])];
    }

    private static List<HashSet<int>> Neighbours(IReadOnlyList<Geometry> regions)
    {
        var owners = new Dictionary<(double, double), int>();
        var neighbours = regions.Select(_ => new HashSet<int>()).ToList();
        for (var r = 0; r < regions.Count; r++)
        {
            foreach (var coordinate in regions[r].Coordinates)
            {
                var key = (coordinate.X, coordinate.Y);
                if (owners.TryGetValue(key, out var other))
                {
                    if (other != r)
                    {
                        neighbours[r].Add(other);
                        neighbours[other].Add(r);
                    }
                }
                else
                {
                    owners[key] = r;
                }
            }
        }

        return neighbours;
    }
}
