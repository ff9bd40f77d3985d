using System.Text.Json;

namespace GoCart.Lambda.Contract;

/// <summary>
/// What the site sends the engine (ARCHITECTURE.md, Site → Lambda): everything needed, so the engine is stateless.
/// <see cref="Geometry"/> is a GeoJSON FeatureCollection; <see cref="Values"/> maps region ids to a number or
/// null for a missing value.
/// </summary>
public sealed record CartogramRequest
{
    public string Key { get; init; } = "";

    public JsonElement Geometry { get; init; }

    public string RegionIdProperty { get; init; } = "";

    public Dictionary<string, double?> Values { get; init; } = [];

    public CartogramOptions? Options { get; init; }

    /// <summary>Points and lines to move with the cartogram (none by default).</summary>
    public IReadOnlyList<LayerInput>? Layers { get; init; }
}
