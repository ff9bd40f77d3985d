namespace GoCart.Site.Cartograms.Rendering;

/// <summary>What a panel draws of its column.</summary>
public enum ViewType
{
    /// <summary>The map with every region at its true (equal-area projected) size.</summary>
    EqualArea,

    /// <summary>The engine's cartogram: neighbours kept, areas proportional to the values.</summary>
    Contiguous,

    /// <summary>Each region scaled about its own centroid to its value's area, over the faint equal-area map.</summary>
    NonContiguous,

    /// <summary>The equal-area map with regions coloured by class of value.</summary>
    Choropleth,
}
