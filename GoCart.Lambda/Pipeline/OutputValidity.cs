using System.Globalization;
using GoCart.Lambda.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace GoCart.Lambda.Pipeline;

/// <summary>
/// The check every result passes before it is returned: each region of the cartogram and of the equal-area map
/// valid by NetTopologySuite's rules (no ring crossing itself or another of its region's rings). What fails is
/// said in a warning that names the regions, so a broken map never goes out as a clean one. (The engine's count
/// of crossing edges between regions goes into the statistics as crossingEdges.)
/// </summary>
public static class OutputValidity
{
    private const int NamesListed = 10;

    public static List<string> Warnings(IReadOnlyList<SourceRegion> regions, IReadOnlyList<Geometry> cartogram, IReadOnlyList<Geometry> equalArea)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(cartogram);
        ArgumentNullException.ThrowIfNull(equalArea);
        // One work item per geometry, not per region: a region's two checks then run on both cores, and one large
        // region (Russia, Canada) no longer holds a worker for both of its maps while the other waits.
        var count = regions.Count;
        var invalid = new bool[count];
        Parallel.For(0, 2 * count, k =>
        {
            if (!(k < count ? cartogram[k] : equalArea[k - count]).IsValid)
            {
                invalid[k % count] = true;
            }
        });
        var names = regions.Where((_, i) => invalid[i]).ToList();
        if (names.Count == 0)
        {
            return [];
        }

        var first = names[0];
        var index = regions.ToList().IndexOf(first);
        var error = new IsValidOp(cartogram[index]).ValidationError ?? new IsValidOp(equalArea[index]).ValidationError;
        return [string.Create(CultureInfo.InvariantCulture, $"{names.Count} region{(names.Count == 1 ? " is not a valid polygon" : "s are not valid polygons")} in the output ({string.Join(", ", names.Take(NamesListed).Select(r => r.Id))}"
            + $"{(names.Count > NamesListed ? $" and {names.Count - NamesListed} more" : "")}; {first.Id}: {error?.Message} near {error?.Coordinate}). GIS tools may need to repair them.")];
    }
}
