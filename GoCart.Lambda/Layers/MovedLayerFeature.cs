using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Layers;

/// <summary>A layer feature after the run: where it is on the cartogram and on the equal-area map (same points, for the morph).</summary>
public sealed record MovedLayerFeature(string Layer, LayerFeature Source, Geometry Cartogram, Geometry EqualArea);
