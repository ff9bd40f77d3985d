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

    /// <summary>A faint map drawn under the regions (the equal-area map under a non-contiguous cartogram), in the same frame.</summary>
    public IReadOnlyList<Geometry> Background { get; init; } = [];

    /// <summary>The colour key of a map whose fills stand for a column's values, drawn in a band under the map.</summary>
    public ColourLegend? ColourLegend { get; init; }

    /// <summary>Groups of regions drawn apart (the data's Inset column), framed and named.</summary>
    public IReadOnlyList<PictureInset> Insets { get; init; } = [];

    /// <summary>The grid of legend squares: shown or not (inline maps always carry it for the page to switch on), and how strongly.</summary>
    public GridStyle Grid { get; init; } = GridStyle.Hidden;

    /// <summary>The credit line under a downloaded map; <see cref="MapSvg.Credit"/> when not set.</summary>
    public string? Credit { get; init; }

    /// <summary>The height of the band under the map that holds the colour key.</summary>
    public double ColourBandHeight => ColourLegend is null ? 0 : ColourLegend.BandHeight;
}
