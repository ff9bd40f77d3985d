using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo;

/// <summary>A feature to write: its geometry, its original properties (kept as they were) and properties GoCart adds.</summary>
public sealed record OutputFeature(Geometry Geometry, JsonElement Properties, IReadOnlyList<KeyValuePair<string, double>> Added)
{
    /// <summary>The feature-level <c>id</c> to write, or null for none.</summary>
    public string? FeatureId { get; init; }

    /// <summary>Text properties GoCart adds, each written even when null so that every feature has the same properties.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> AddedTexts { get; init; } = [];
}
