namespace GoCart.Site.Cartograms.Rendering;

/// <summary>What one panel shows: a view type of one column (its index in the dataset, 0 for the first).</summary>
public sealed record PanelSpec(ViewType Type, int Column)
{
    /// <summary>As written in links: the view type, and ".k" for a column other than the first ("contiguous.2").</summary>
    public string Token => Column == 0 ? ViewTypes.Token(Type) : $"{ViewTypes.Token(Type)}.{Column}";

    public static PanelSpec? Parse(string token, int columns)
    {
        var dot = token.LastIndexOf('.');
        var column = 0;
        if (dot > 0 && !int.TryParse(token[(dot + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out column))
        {
            return null;
        }

        return ViewTypes.Parse(dot > 0 ? token[..dot] : token) is { } type && column < columns ? new PanelSpec(type, column) : null;
    }
}
