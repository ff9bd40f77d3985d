namespace GoCart.Site.Cartograms.Rendering;

/// <summary>One panel of the result view as the page shows it: its place (1-based), what it shows, its SVG's id, title and markup.</summary>
public sealed record RenderedPanel(int Number, PanelSpec Spec, string Id, string Title, string Svg);
