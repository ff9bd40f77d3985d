using System.Text.Json;
using GoCart.Lambda.Contract;
using GoCart.Lambda.Geo;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Pipeline;

/// <summary>Builds cartogram requests from the shipped maps, as the CLI and the site do.</summary>
public static class PipelineRequests
{
    public static CartogramRequest ForMap(string mapId, string? csvName = null) =>
        ForFolder(Path.Combine(RepositoryFiles.MapData, mapId), csvName);

    /// <summary>A request for the map in a folder (its GeoJSON with its population CSV, or the CSV named).</summary>
    public static CartogramRequest ForFolder(string folder, string? csvName = null)
    {
        var mapId = Path.GetFileName(folder);
        var csv = csvName is null ? RepositoryFiles.PopulationCsv(folder) : Path.Combine(folder, csvName);
        var data = RegionDataCsv.Parse(File.ReadAllText(csv));
        var insets = data.Rows.Where(r => r.Inset is not null).ToDictionary(r => r.Id, r => r.Inset!);
        return new CartogramRequest
        {
            Key = "test_" + mapId[..Math.Min(mapId.Length, 40)],
            Geometry = JsonDocument.Parse(File.ReadAllBytes(RepositoryFiles.GeoJson(folder))).RootElement,
            RegionIdProperty = data.IdColumn,
            Values = data.Rows.ToDictionary(r => r.Id, r => r.Value),
            Options = new CartogramOptions { Insets = insets.Count > 0 ? insets : null },
        };
    }
}
