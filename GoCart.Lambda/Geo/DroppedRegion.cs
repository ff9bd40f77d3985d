namespace GoCart.Lambda.Geo;

/// <summary>A region left out of the map because it has no usable area; <see cref="Reason"/> completes "it was left out because it …".</summary>
public sealed record DroppedRegion(string Id, string Reason);
