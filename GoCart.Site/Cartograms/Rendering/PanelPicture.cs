using GoCart.Lambda.Drawing;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// The picture one panel draws: its view type of its column, with fills from the regions' own colours, or from a
/// column's classes (a choropleth, or any view coloured by a column: sized by one, coloured by another), the area
/// legend at the chosen grid size, the grid, insets and labels.
/// </summary>
public static class PanelPicture
{
    /// <summary>Whether the panel can be drawn now: a contiguous cartogram once its column is computed, any other view at once.</summary>
    public static bool IsDrawable(ResultScene scene, PanelSpec panel) =>
        panel.Type != ViewType.Contiguous || scene.Cartograms[panel.Column] is not null;

    public static MapPicture Build(ResultScene scene, PanelSpec panel, ViewSettings settings, string id)
    {
        var column = scene.Columns[panel.Column];
        var colouring = panel.Type == ViewType.Choropleth ? Choropleth.Of(column, settings.Colours)
            : settings.ColourBy is { } by ? Choropleth.Of(scene.Columns[by], settings.Colours)
            : null;
        var larger = Math.Max(0, (int)settings.Grid - 1);
        var areaLegend = scene.IsLonLatProjection ? MapLegend.For(1e-6 / (scene.EqualAreaFrame.Scale * scene.EqualAreaFrame.Scale), "km²", larger) : null;
        var (geometries, frame, legend, layers) = panel.Type switch
        {
            ViewType.Contiguous => Contiguous(scene.Cartograms[panel.Column] ?? throw new InvalidOperationException($"Column {column.Name} has no cartogram yet."), column, larger),
            ViewType.NonContiguous => NonContiguous(scene, column, larger),
            _ => (scene.EqualArea, scene.EqualAreaFrame, areaLegend, scene.EqualAreaLayers),
        };
        return new MapPicture(id, Title(panel, column), geometries, frame, colouring?.Fills ?? scene.Fills, scene.Tooltips, scene.Labels, legend)
        {
            Layers = layers,
            Background = panel.Type == ViewType.NonContiguous ? scene.EqualArea : [],
            ColourLegend = colouring?.Legend,
            Insets = scene.Insets,
            Grid = new GridStyle(settings.Grid != GridSize.Off, settings.GridOpacityPercent / 100.0),
            Credit = scene.Credit,
        };
    }

    /// <summary>The panel's title: "Equal-area map", or the view and its column ("Cartogram: GDP (million USD)").</summary>
    public static string Title(PanelSpec panel, ViewColumn column) =>
        panel.Type == ViewType.EqualArea ? ViewTypes.Title(panel.Type) : $"{ViewTypes.Title(panel.Type)}: {column.Name}";

    /// <summary>The panel's element id: the first equal-area map and the first cartogram keep the ids links and scripts know.</summary>
    public static string Id(IReadOnlyList<PanelSpec> panels, int index) =>
        panels[index].Type switch
        {
            ViewType.EqualArea when panels.Take(index).All(p => p.Type != ViewType.EqualArea) => "equal-area",
            ViewType.Contiguous when panels.Take(index).All(p => p.Type != ViewType.Contiguous) => "cartogram",
            _ => $"panel-{index + 1}",
        };

    private static (IReadOnlyList<NetTopologySuite.Geometries.Geometry>, MapFrame, MapLegend?, IReadOnlyList<PictureLayerFeature>) Contiguous(ColumnCartogram cartogram, ViewColumn column, int larger) =>
        (cartogram.Regions, cartogram.Frame, MapLegend.ForCartogram(column.Values, cartogram.Regions, cartogram.Frame, column.Unit, larger), cartogram.Layers);

    private static (IReadOnlyList<NetTopologySuite.Geometries.Geometry>, MapFrame, MapLegend?, IReadOnlyList<PictureLayerFeature>) NonContiguous(ResultScene scene, ViewColumn column, int larger)
    {
        var scalings = NonContiguousScaling.Scalings(scene.EqualArea, column.Values);
        var scaled = scene.EqualArea.Select((region, i) => scalings[i].Transform(region)).ToList();
        return (scaled, scene.EqualAreaFrame, MapLegend.ForCartogram(column.Values, scaled, scene.EqualAreaFrame, column.Unit, larger),
            NonContiguousLayers.Move(scene.EqualArea, scalings, scene.EqualAreaLayers));
    }
}
