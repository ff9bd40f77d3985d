using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Drawing;

/// <summary>
/// "This square = N people": the side in picture units of a square whose area stands for a round quantity,
/// given how much of the quantity one square picture unit holds.
/// </summary>
public sealed record MapLegend(double Side, double Quantity, string Text, string Unit)
{
    private const double PreferredSide = 36;

    /// <summary>The legend of a drawn cartogram: its regions' values over their area in the picture.</summary>
    public static MapLegend? ForCartogram(IReadOnlyList<double?> values, IReadOnlyList<Geometry> regions, MapFrame frame, string unit, int larger = 0)
    {
        var value = 0.0;
        var area = 0.0;
        for (var i = 0; i < regions.Count; i++)
        {
            if (values[i] is { } v)
            {
                value += v;
                area += regions[i].Area * frame.Scale * frame.Scale;
            }
        }

        return For(area > 0 ? value / area : 0, unit, larger);
    }

    /// <summary>The legend square nearest the preferred size, or the <paramref name="larger"/>-th round quantity above it (1, 2, 5 × 10^k steps).</summary>
    public static MapLegend? For(double quantityPerUnitArea, string unit, int larger = 0)
    {
        if (!(quantityPerUnitArea > 0) || !double.IsFinite(quantityPerUnitArea))
        {
            return null;
        }

        var quantity = Quantities.Nice(quantityPerUnitArea * PreferredSide * PreferredSide);
        for (var step = 0; step < larger; step++)
        {
            quantity = Quantities.NextNice(quantity);
        }

        var side = Math.Sqrt(quantity / quantityPerUnitArea);
        var text = $"= {Quantities.Format(quantity)}{(unit.Length > 0 ? " " + unit : "")}";
        return new MapLegend(side, quantity, text, unit);
    }
}
