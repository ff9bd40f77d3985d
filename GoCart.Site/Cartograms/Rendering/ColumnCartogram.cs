using GoCart.Lambda.Drawing;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// One computed column's contiguous cartogram, ready to draw: its regions (sharing the equal-area map's vertices
/// where the shapes allow, so panels morph between columns point by point), its frame, the layers moved with it
/// and each region's area error.
/// </summary>
public sealed record ColumnCartogram(IReadOnlyList<Geometry> Regions, MapFrame Frame, IReadOnlyList<PictureLayerFeature> Layers, IReadOnlyList<double> AreaErrors);
