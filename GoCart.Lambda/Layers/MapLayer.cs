namespace GoCart.Lambda.Layers;

/// <summary>An extra layer drawn over the map: its name (the file it came from) and its point or line features.</summary>
public sealed record MapLayer(string Name, IReadOnlyList<LayerFeature> Features);
