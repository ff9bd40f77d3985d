using GoCart.Lambda.Geo;
using GoCart.Lambda.Geo.Projections;

namespace GoCart.Site.Tests.Geo;

/// <summary>
/// Each region's area in km², measured on the equal-area projection the pipeline chooses for the whole map (its
/// projections keep true areas on the authalic sphere, in square metres), for tests that derive a density column.
/// </summary>
public static class EqualAreaKm2
{
    private const double SquareMetresPerKm2 = 1e6;

    /// <summary>The areas by region id.</summary>
    public static Dictionary<string, double> Of(SourceMap map)
    {
        var projected = MapProjector.Project([.. map.Regions.Select(r => r.Geometry)]).Geometries;
        return map.Regions.Select((r, i) => (r.Id, Km2: projected[i].Area / SquareMetresPerKm2)).ToDictionary(p => p.Id, p => p.Km2, StringComparer.Ordinal);
    }
}
