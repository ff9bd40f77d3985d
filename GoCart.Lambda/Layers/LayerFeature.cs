using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Layers;

/// <summary>
/// One feature of a layer: a Point, MultiPoint, LineString or MultiLineString (longitude/latitude or the map's
/// planar units) and its own properties, kept as they were.
/// </summary>
public sealed record LayerFeature(Geometry Geometry, JsonElement Properties)
{
    private static readonly string[] LabelProperties = ["label", "name", "Label", "Name", "NAME"];

    /// <summary>The label shown for the feature: its label or name property, when it has one.</summary>
    public string? Label =>
        Properties.ValueKind == JsonValueKind.Object
            ? LabelProperties
                .Select(n => Properties.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                .FirstOrDefault(s => !string.IsNullOrWhiteSpace(s))
            : null;

    /// <summary>The drawing size of a point (its size property, when it is a positive number), else null.</summary>
    public double? Size =>
        Properties.ValueKind == JsonValueKind.Object && Properties.TryGetProperty("size", out var v)
            && v.ValueKind == JsonValueKind.Number && v.GetDouble() is var size && double.IsFinite(size) && size > 0
            ? size
            : null;
}
