using GoCart.Lambda.Geo;
using GoCart.Lambda.Geo.Projections;
using GoCart.Site.Tests.Geo;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Tests.Views;

/// <summary>A starter map's regions in its equal-area projection, with their population figures and names.</summary>
public sealed record StarterMapGeometry(IReadOnlyList<Geometry> Regions, IReadOnlyList<double?> Values, IReadOnlyList<string> Names)
{
    public static StarterMapGeometry Read(string mapId)
    {
        var folder = Path.Combine(RepositoryFiles.StarterMaps, mapId);
        var data = RegionDataCsv.Parse(File.ReadAllText(RepositoryFiles.PopulationCsv(folder)));
        var map = GeoJsonMapReader.Read(File.ReadAllBytes(RepositoryFiles.GeoJson(folder)), data.IdColumn);
        var values = data.Rows.ToDictionary(r => r.Id, r => r.Value, StringComparer.Ordinal);
        var projected = MapProjector.Project([.. map.Regions.Select(r => r.Geometry)]);
        return new StarterMapGeometry(projected.Geometries, [.. map.Regions.Select(r => values.GetValueOrDefault(r.Id))], [.. map.Regions.Select(r => r.Id)]);
    }
}
