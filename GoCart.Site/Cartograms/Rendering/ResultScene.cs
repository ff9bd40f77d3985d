using GoCart.Lambda.Drawing;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// A result's drawable parts, shared by every panel: the equal-area map and each computed column's cartogram
/// (simplified together, so they keep the same vertices and morph into each other; null for a column not computed
/// yet), their frames of equal size, each region's name, label, own colour and tooltip, the layers, the insets,
/// the columns, and the title and credit of exports.
/// </summary>
public sealed record ResultScene(
    IReadOnlyList<ColumnCartogram?> Cartograms,
    IReadOnlyList<Geometry> EqualArea,
    MapFrame EqualAreaFrame,
    IReadOnlyList<string> Names,
    IReadOnlyList<string?> Labels,
    IReadOnlyList<string> Fills,
    IReadOnlyList<string> Tooltips,
    IReadOnlyList<PictureLayerFeature> EqualAreaLayers,
    IReadOnlyList<PictureInset> Insets,
    IReadOnlyList<ViewColumn> Columns,
    bool IsLonLatProjection,
    string Title,
    string Credit)
{
    public IReadOnlyList<string> ColumnNames => [.. Columns.Select(c => c.Name)];
}
