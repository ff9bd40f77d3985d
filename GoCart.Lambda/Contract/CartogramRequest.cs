using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoCart.Lambda.Contract;

/// <summary>
/// What the site sends the engine (ARCHITECTURE.md, Site → Lambda): everything needed, so the engine is stateless.
/// <see cref="Geometry"/> is a GeoJSON FeatureCollection (or TopoJSON, see <see cref="ObjectName"/>); <see cref="Values"/> maps region ids to a number or
/// null for a missing value.
/// </summary>
public sealed record CartogramRequest
{
    public string Key { get; init; } = "";

    public JsonElement Geometry { get; init; }

    public string RegionIdProperty { get; init; } = "";

    /// <summary>When <see cref="Geometry"/> is TopoJSON with several objects, the one to use (default: the one with the most polygons).</summary>
    [JsonPropertyName("object")]
    public string? ObjectName { get; init; }

    public Dictionary<string, double?> Values { get; init; } = [];

    public CartogramOptions? Options { get; init; }

    /// <summary>Points and lines to move with the cartogram (none by default).</summary>
    public IReadOnlyList<LayerInput>? Layers { get; init; }
}
