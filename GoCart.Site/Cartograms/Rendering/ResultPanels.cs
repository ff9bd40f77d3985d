using GoCart.Lambda.Drawing;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>Every panel the settings ask for, drawn inline (focusable regions, grid for the page to switch).</summary>
public sealed record ResultPanels(ViewSettings Settings, IReadOnlyList<ViewColumn> Columns, IReadOnlyList<RenderedPanel> Panels)
{
    public static ResultPanels Render(ResultScene scene, ViewSettings settings)
    {
        var panels = settings.Panels.Select((panel, k) =>
        {
            var id = PanelPicture.Id(settings.Panels, k);
            var picture = PanelPicture.Build(scene, panel, settings, id);
            return new RenderedPanel(k + 1, panel, id, picture.Title, MapSvg.Render(picture, standalone: false));
        }).ToList();
        return new ResultPanels(settings, scene.Columns, panels);
    }
}
