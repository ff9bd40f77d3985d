namespace GoCart.Site.Cartograms.Rendering;

/// <summary>The grid of legend squares: off, or squares worth the legend's round quantity (small) or one or two round steps more.</summary>
public enum GridSize
{
    Off,
    Small,
    Medium,
    Large,
}
