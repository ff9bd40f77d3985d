using System.Text.Json;

namespace GoCart.Lambda.Contract;

/// <summary>An extra layer of a request: its name (the file it came from) and its points or lines as a GeoJSON FeatureCollection.</summary>
public sealed record LayerInput
{
    public string Name { get; init; } = "";

    public JsonElement Geometry { get; init; }
}
