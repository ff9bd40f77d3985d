using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Drawing;

/// <summary>Everything one drawn map needs: geometries in region order, their frame, fills, names, labels and legend, and the layers drawn over them.</summary>
public sealed record MapPicture(
    string Id,
    string Title,
    IReadOnlyList<Geometry> Geometries,
    MapFrame Frame,
    IReadOnlyList<string> Fills,
    IReadOnlyList<string> Names,
    IReadOnlyList<string?> Labels,
    MapLegend? Legend)
{
    public IReadOnlyList<PictureLayerFeature> Layers { get; init; } = [];
}
