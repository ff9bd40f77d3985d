namespace GoCart.Site.Cartograms.Rendering;

/// <summary>How view types are written in links (<c>?panels=equal-area,contiguous</c>) and named on the page.</summary>
public static class ViewTypes
{
    public static readonly IReadOnlyList<ViewType> All = [ViewType.EqualArea, ViewType.Contiguous, ViewType.NonContiguous, ViewType.Choropleth];

    public static string Token(ViewType type) => type switch
    {
        ViewType.EqualArea => "equal-area",
        ViewType.Contiguous => "contiguous",
        ViewType.NonContiguous => "non-contiguous",
        _ => "choropleth",
    };

    public static string Title(ViewType type) => type switch
    {
        ViewType.EqualArea => "Equal-area map",
        ViewType.Contiguous => "Cartogram",
        ViewType.NonContiguous => "Non-contiguous cartogram",
        _ => "Choropleth",
    };

    public static ViewType? Parse(string token) =>
        All.Cast<ViewType?>().FirstOrDefault(t => string.Equals(Token(t!.Value), token.Trim(), StringComparison.OrdinalIgnoreCase));
}
