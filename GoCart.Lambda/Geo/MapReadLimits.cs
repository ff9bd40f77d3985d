using System.Globalization;

namespace GoCart.Lambda.Geo;

/// <summary>
/// How large a map GoCart accepts, checked before any repair or engine work starts; beyond these a clear error says
/// which limit was hit, by how much, and how to simplify the map.
/// </summary>
public sealed record MapReadLimits
{
    public static MapReadLimits Default { get; } = new();

    public int MaxRegions { get; init; } = 10_000;

    public int MaxVertices { get; init; } = 500_000;

    public int MaxDepth { get; init; } = 64;

    /// <summary>What the files inside a zipped shapefile may add up to once unpacked.</summary>
    public long MaxUnzippedBytes { get; init; } = 256L * 1024 * 1024;

    public static void CheckRegions(int features, MapReadLimits limits)
    {
        if (features > limits.MaxRegions)
        {
            throw new MapInputException(string.Create(CultureInfo.InvariantCulture,
                $"The map has {features:N0} features; GoCart accepts at most {limits.MaxRegions:N0} regions. Merge small regions into larger ones (for example mapshaper's -dissolve on a coarser id) and upload it again."));
        }
    }

    public static void CheckVertices(long vertices, MapReadLimits limits)
    {
        if (vertices > limits.MaxVertices)
        {
            var percent = Math.Max(1, (int)Math.Floor(100.0 * limits.MaxVertices / vertices * 0.9));
            throw new MapInputException(string.Create(CultureInfo.InvariantCulture,
                $"The map has {vertices:N0} vertices; GoCart accepts at most {limits.MaxVertices:N0}. Simplify its boundaries, for example with mapshaper: mapshaper map.json -simplify {percent}% keep-shapes -o simplified.json, and upload it again."));
        }
    }
}
