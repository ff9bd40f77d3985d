using GoCart.Lambda.Drawing;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>Every panel the settings ask for, drawn inline (focusable regions, grid for the page to switch), or waiting for its column.</summary>
public sealed record ResultPanels(ViewSettings Settings, IReadOnlyList<ViewColumn> Columns, IReadOnlyList<RenderedPanel> Panels)
{
    public static ResultPanels Render(ResultScene scene, ViewSettings settings)
    {
        var panels = settings.Panels.Select((panel, k) =>
        {
            var id = PanelPicture.Id(settings.Panels, k);
            var column = scene.Columns[panel.Column];
            if (!PanelPicture.IsDrawable(scene, panel))
            {
                return new RenderedPanel(k + 1, panel, id, PanelPicture.Title(panel, column), column, null);
            }

            var picture = PanelPicture.Build(scene, panel, settings, id);
            return new RenderedPanel(k + 1, panel, id, picture.Title, column, MapSvg.Render(picture, standalone: false));
        }).ToList();
        return new ResultPanels(settings, scene.Columns, panels);
    }

    /// <summary>Whether a panel waits for a column still being computed (the page then keeps polling or refreshing).</summary>
    public bool AnyComputing => Panels.Any(p => p.Svg is null && p.Column.Status is Data.CartogramRecordStatus.Queued or Data.CartogramRecordStatus.Running);
}
