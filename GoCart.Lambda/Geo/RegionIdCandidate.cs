namespace GoCart.Lambda.Geo;

/// <summary>A property (or the feature-level "id") whose values are present and unique in every feature, with a few of them as examples.</summary>
public sealed record RegionIdCandidate(string Property, IReadOnlyList<string> Examples);
