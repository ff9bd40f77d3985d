namespace GoCart.Lambda.Geo;

/// <summary>How large a map GoCart accepts; beyond these a clear error says which limit was hit.</summary>
public sealed record MapReadLimits
{
    public static MapReadLimits Default { get; } = new();

    public int MaxRegions { get; init; } = 5_000;

    public int MaxVertices { get; init; } = 500_000;

    public int MaxDepth { get; init; } = 64;
}
