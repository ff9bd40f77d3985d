namespace GoCart.Site.Cartograms.Rendering;

/// <summary>The colour schemes of a choropleth (ColorBrewer's YlGnBu and RdBu, Tableau 10), sampled to the number of classes.</summary>
public enum ColourScheme
{
    /// <summary>Light to dark: low to high.</summary>
    Sequential,

    /// <summary>Red through white to blue: below and above the middle.</summary>
    Diverging,

    /// <summary>Distinct hues, one per class, no order implied.</summary>
    Categorical,
}
