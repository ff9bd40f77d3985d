namespace GoCart.Site.Pages.Create;

/// <summary>
/// A row of the uploaded or pasted data whose name matched no region, carried in the form (hidden fields) with
/// the region suggested for it, so that "Use for …" can put its value in that region's row without JavaScript.
/// </summary>
public sealed class PendingRow
{
    public string Name { get; set; } = "";

    public string? Value { get; set; }

    public string? Label { get; set; }

    public string? Colour { get; set; }

    public string? Inset { get; set; }

    /// <summary>The id of the region it most likely means, or null.</summary>
    public string? SuggestionId { get; set; }
}
