using GoCart.Site.Cartograms.Rendering;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Where the guardrail sends a user whose columns look like rates: the result page with each such column as a
/// choropleth panel (<c>/cartogram/{key}?panels=choropleth.2</c>), the view a rate is meant for; null when no column
/// does. At most <see cref="ViewSettings.MaxPanels"/> panels.
/// </summary>
public static class ChoroplethLink
{
    /// <param name="key">The dataset's key.</param>
    /// <param name="guardrails">Each column's guardrail message in column order, null for a total.</param>
    public static string? For(string key, IReadOnlyList<string?> guardrails)
    {
        var panels = guardrails.Select((message, column) => (message, column)).Where(c => c.message is not null)
            .Take(ViewSettings.MaxPanels).Select(c => new PanelSpec(ViewType.Choropleth, c.column).Token).ToList();
        return panels.Count == 0 ? null : $"/cartogram/{key}?panels={string.Join(',', panels)}";
    }
}
