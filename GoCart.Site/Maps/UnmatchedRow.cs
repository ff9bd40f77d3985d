namespace GoCart.Site.Maps;

/// <summary>A data row whose name matched no region, with the region it most likely means (null when none is close).</summary>
public sealed record UnmatchedRow(DataRow Row, MapRegion? Suggestion)
{
    public string Name => Row.Name.Trim();

    /// <summary>"“Texass” (did you mean “Texas”?)" style text for messages, with the given quotes.</summary>
    public string Describe(string open, string close) =>
        Suggestion is { } s ? $"{open}{Name}{close} (did you mean {open}{s.Name}{close}?)" : $"{open}{Name}{close}";
}
