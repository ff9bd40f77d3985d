using GoCart.Lambda.Drawing;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// A result's drawable parts, shared by every panel: the cartogram and the equal-area map (simplified together,
/// so they keep the same vertices and morph into each other), their frames of equal size, each region's name,
/// label, own colour and tooltip, the layers, the insets, the columns, and the title and credit of exports.
/// </summary>
public sealed record ResultScene(
    IReadOnlyList<Geometry> Cartogram,
    IReadOnlyList<Geometry> EqualArea,
    MapFrame CartogramFrame,
    MapFrame EqualAreaFrame,
    IReadOnlyList<string> Names,
    IReadOnlyList<string?> Labels,
    IReadOnlyList<string> Fills,
    IReadOnlyList<string> Tooltips,
    IReadOnlyList<PictureLayerFeature> CartogramLayers,
    IReadOnlyList<PictureLayerFeature> EqualAreaLayers,
    IReadOnlyList<PictureInset> Insets,
    IReadOnlyList<ViewColumn> Columns,
    bool IsLonLatProjection,
    string Title,
    string Credit);
