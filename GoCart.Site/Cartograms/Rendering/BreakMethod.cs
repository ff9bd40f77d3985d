namespace GoCart.Site.Cartograms.Rendering;

/// <summary>How a choropleth's class breaks are chosen (<see cref="ColourBreaks"/>).</summary>
public enum BreakMethod
{
    Quantile,
    EqualInterval,
    Custom,
}
