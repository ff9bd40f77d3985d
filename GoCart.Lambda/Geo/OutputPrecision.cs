using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo;

/// <summary>
/// How many decimals output coordinates keep: enough that the rounding step is at most 1e-8 of the map's larger
/// side, whatever its units. Metres of a world map keep 0.1 m (as before), a county map 0.01 m, a planar map in
/// pixel units of a 975 × 610 frame 1e-6 px; a fixed 0.1 units folded 45 of the 51 regions of such a pixel map.
/// </summary>
public static class OutputPrecision
{
    private const double RelativeStep = 1e-8;

    /// <summary>Most decimals a double carries meaningfully for coordinates of ordinary magnitude.</summary>
    private const int MaxDecimals = 12;

    public static int Decimals(Envelope extent)
    {
        ArgumentNullException.ThrowIfNull(extent);
        var side = extent.IsNull ? 0 : Math.Max(extent.Width, extent.Height);
        if (!(side > 0) || !double.IsFinite(side))
        {
            return MaxDecimals;
        }

        return Math.Clamp((int)Math.Ceiling(-Math.Log10(side * RelativeStep)), 0, MaxDecimals);
    }
}
