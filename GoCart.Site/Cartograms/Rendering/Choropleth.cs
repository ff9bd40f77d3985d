using GoCart.Lambda.Drawing;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>A column's values as colours: one fill per region (missing values grey) and the key that explains them.</summary>
public sealed record Choropleth(IReadOnlyList<string> Fills, ColourLegend Legend)
{
    public static Choropleth Of(ViewColumn column, ColourSettings settings)
    {
        var breaks = settings.Method switch
        {
            BreakMethod.Custom => settings.CustomBreaks,
            BreakMethod.EqualInterval => ColourBreaks.EqualInterval(column.Values, settings.Classes),
            _ => ColourBreaks.Quantile(column.Values, settings.Classes),
        };
        var colours = ColourRamps.Of(settings.Scheme, breaks.Count + 1);
        var fills = column.Values.Select(v => v is { } x && double.IsFinite(x) ? colours[ColourBreaks.ClassOf(x, breaks)] : ColourRamps.Missing).ToList();
        var known = column.Values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
        var (min, max) = known.Count > 0 ? (known.Min(), known.Max()) : (0, 0);
        var entries = Enumerable.Range(0, colours.Count).Select(k => new ColourLegendEntry(colours[k],
            $"{Quantities.Format(k == 0 ? min : breaks[k - 1])}–{Quantities.Format(k == breaks.Count ? max : breaks[k])}")).ToList();
        if (fills.Contains(ColourRamps.Missing))
        {
            entries.Add(new ColourLegendEntry(ColourRamps.Missing, "no value"));
        }

        return new Choropleth(fills, new ColourLegend(column.Name, entries));
    }
}
