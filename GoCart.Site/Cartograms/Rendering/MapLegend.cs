namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// "This square = N people": the side in picture units of a square whose area stands for a round quantity,
/// given how much of the quantity one square picture unit holds.
/// </summary>
public sealed record MapLegend(double Side, double Quantity, string Text)
{
    private const double PreferredSide = 36;

    public static MapLegend? For(double quantityPerUnitArea, string unit)
    {
        if (!(quantityPerUnitArea > 0) || !double.IsFinite(quantityPerUnitArea))
        {
            return null;
        }

        var quantity = Quantities.Nice(quantityPerUnitArea * PreferredSide * PreferredSide);
        var side = Math.Sqrt(quantity / quantityPerUnitArea);
        var text = $"= {Quantities.Format(quantity)}{(unit.Length > 0 ? " " + unit : "")}";
        return new MapLegend(side, quantity, text);
    }
}
