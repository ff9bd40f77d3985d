using System.Text.Json;
using GoCart.Lambda.Drawing;
using GoCart.Lambda.Layers;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Cartograms;

/// <summary>One feature of a result's layers: the layer it came from, its label and size, and where it is on both maps.</summary>
public sealed record ResultLayerFeature(string Layer, string? Label, double? Size, Geometry Cartogram, Geometry EqualArea)
{
    public bool IsPoint => Cartogram is Point or MultiPoint;

    /// <summary>The features as drawn on the cartogram or on the equal-area map; points with a size get areas in proportion to it.</summary>
    public static List<PictureLayerFeature> Pictured(IReadOnlyList<ResultLayerFeature> features, bool cartogram)
    {
        var largest = features.Select(f => f.Size ?? 0).DefaultIfEmpty(0).Max();
        return [.. features.Select(f => new PictureLayerFeature(
            cartogram ? f.Cartogram : f.EqualArea,
            f.Label is { } label ? $"{label} ({f.Layer})" : f.Layer,
            f.Size is { } size && largest > 0 ? Math.Max(PictureLayerFeature.SmallestRadius, PictureLayerFeature.LargestRadius * Math.Sqrt(size / largest)) : PictureLayerFeature.DefaultRadius,
            f.IsPoint))];
    }

    /// <summary>Reads the response's <c>layers</c> member: the same features in the same order on the cartogram and on the equal-area map.</summary>
    public static List<ResultLayerFeature> Read(JsonElement layers)
    {
        var cartogram = LayerReader.FromGeoJson("cartogram layers", layers.GetProperty("cartogram")).Features;
        var equalArea = LayerReader.FromGeoJson("equal-area layers", layers.GetProperty("equalAreaMap")).Features;
        return [.. cartogram.Select((feature, i) => new ResultLayerFeature(
            feature.Properties.TryGetProperty(LayerGeoJson.LayerProperty, out var name) ? name.GetString() ?? "" : "",
            feature.Label,
            feature.Size,
            feature.Geometry,
            equalArea[i].Geometry))];
    }
}
