namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// One panel of the result view as the page shows it: its place (1-based), what it shows, its SVG's id, title, its
/// column, and its markup; a contiguous panel of a column not computed yet has no markup (the page shows the
/// column's progress or failure in its place).
/// </summary>
public sealed record RenderedPanel(int Number, PanelSpec Spec, string Id, string Title, ViewColumn Column, string? Svg);
