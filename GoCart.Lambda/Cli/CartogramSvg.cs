using GoCart.Lambda.Drawing;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline;

namespace GoCart.Lambda.Cli;

/// <summary>
/// `generate --svg`: the cartogram drawn as the site draws its SVG download (MapSvg): the title, a label inside
/// each region large enough to hold it, the legend square, tooltips and the credit line
/// (<see cref="CreditLine"/>, naming the data as the site's does). Colours come from the
/// CSV's Color column where given, else from the palette that keeps neighbours apart.
/// </summary>
public static class CartogramSvg
{
    public const double Width = 960;

    public static string Draw(ComputedCartogram result, RegionData data, string title)
    {
        var rows = data.Rows.GroupBy(r => RegionValues.Loose(r.Id)).ToDictionary(g => g.Key, g => g.First());
        var palette = RegionPalette.Assign(result.EqualAreaMap);
        var unit = Quantities.UnitOf(data.ValueColumn);
        var total = result.Values.Sum(v => v ?? 0);
        var count = result.Regions.Count;
        var fills = new string[count];
        var tooltips = new string[count];
        var labels = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var id = result.Regions[i].Id;
            var row = rows.GetValueOrDefault(RegionValues.Loose(id));
            fills[i] = row?.Colour ?? palette[i];
            // As the site labels: the CSV's Label, else the name, which the placer shortens when it does not fit.
            labels[i] = row?.Label ?? id;
            var value = result.Values[i] is { } v
                ? $"{Quantities.Format(v)}{(unit.Length > 0 ? " " + unit : "")} ({Quantities.Percent(total > 0 ? v / total : 0)} of total)"
                : "no value";
            tooltips[i] = $"{row?.Label ?? id}: {value}, area error {Quantities.Percent(Math.Abs(result.AreaErrors[i]))}";
        }

        var frame = MapFrame.Fit(MapFrame.EnvelopeOf(result.Cartogram), Width);
        var picture = new MapPicture("cartogram", title, result.Cartogram, frame, fills, tooltips, labels,
            MapLegend.ForCartogram(result.Values, result.Cartogram, frame, unit))
        {
            Credit = CreditLine.For([data.ValueColumn], mapName: null),
        };
        return MapSvg.Render(picture, standalone: true);
    }
}
