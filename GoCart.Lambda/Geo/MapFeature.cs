using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo;

/// <summary>
/// One feature as a boundary file holds it, before region ids are chosen and geometry is repaired: its position
/// in the file, the feature-level id (GeoJSON <c>Feature.id</c>, TopoJSON's <c>id</c>), its properties, and its
/// polygons, or null with <see cref="NotAnArea"/> saying what it is instead (a Point, a LineString...).
/// </summary>
public sealed record MapFeature(int Number, string? FeatureId, JsonElement Properties, IReadOnlyList<Polygon>? Polygons, string? NotAnArea)
{
    /// <summary>
    /// The id property name that means the feature-level id: "id" reads <see cref="FeatureId"/> unless the
    /// properties themselves have an "id".
    /// </summary>
    public const string FeatureIdName = "id";

    /// <summary>The value of a property (or of the feature-level id) as text; empty when it is missing or not text or a number.</summary>
    public string Value(string property)
    {
        if (Properties.ValueKind == JsonValueKind.Object && Properties.TryGetProperty(property, out var value))
        {
            return Text(value);
        }

        return property == FeatureIdName ? FeatureId?.Trim() ?? "" : "";
    }

    /// <summary>How messages name a feature before its region id is known: "feature 12 (Texas)".</summary>
    public static string FeatureLabel(int number, string? featureId, JsonElement properties)
    {
        var name = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("name", out var n) ? Text(n) : "";
        var detail = name.Length > 0 ? name : featureId ?? "";
        return detail.Length > 0 ? $"feature {number} ({detail})" : $"feature {number}";
    }

    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Trim(),
        JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => "",
    };
}
