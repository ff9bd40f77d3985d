namespace GoCart.Lambda.Layers;

/// <summary>How much layer data one cartogram accepts: enough for every city or a rail network, bounded for the engine.</summary>
public static class LayerLimits
{
    public const int MaxLayers = 10;

    public const int MaxFeatures = 10_000;

    public const int MaxVertices = 200_000;
}
