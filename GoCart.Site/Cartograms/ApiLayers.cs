using GoCart.Lambda.Contract;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Layers;

namespace GoCart.Site.Cartograms;

/// <summary>The API body's layers read into request layers, or a <see cref="MapInputException"/> saying what to fix.</summary>
public static class ApiLayers
{
    public static IReadOnlyList<LayerInput> Read(IReadOnlyList<LayerBody>? layers)
    {
        if (layers is null || layers.Count == 0)
        {
            return [];
        }

        if (layers.Count > LayerLimits.MaxLayers)
        {
            throw new MapInputException($"\"layers\" has {layers.Count} entries; at most {LayerLimits.MaxLayers} are accepted.");
        }

        return [.. layers.Select((layer, i) =>
        {
            var name = layer.Name is { Length: > 0 } given ? given.Trim() : $"layer {i + 1}";
            return layer switch
            {
                { Csv: { Length: > 0 } csv } => LayerInputs.FromText(name, csv),
                { GeoJson: { ValueKind: System.Text.Json.JsonValueKind.Object } geoJson } => LayerInputs.FromText(name, geoJson.GetRawText()),
                _ => throw new MapInputException($"Layer \"{name}\" needs \"csv\" (longitude, latitude, optional label and size) or \"geoJson\" (points or lines)."),
            };
        })];
    }
}
