using GoCart.Site.Cartograms.Rendering;

namespace GoCart.Site.Tests.Views;

/// <summary>Choropleth breaks against figures worked out by hand, and the classes values fall in.</summary>
public sealed class ColourBreaksTests
{
    // Sorted: 1 2 4 7 8 10 15 20 30 (n = 9) and one missing value.
    private static readonly double?[] Values = [10, 2, null, 7, 1, 30, 4, 15, 8, 20];

    [Fact]
    public void Quantile_breaks_interpolate_between_order_statistics()
    {
        // Quartiles: h = 8p → p = .25: x(2) = 4; p = .5: x(4) = 8; p = .75: x(6) = 15 (0-based order statistics).
        Assert.Equal([4, 8, 15], ColourBreaks.Quantile(Values, 4));
        // Quintiles: h = 1.6 → 2 + .6·(4 − 2) = 3.2; h = 3.2 → 7 + .2·1 = 7.2; h = 4.8 → 8 + .8·2 = 9.6; h = 6.4 → 15 + .4·5 = 17.
        var quintiles = ColourBreaks.Quantile(Values, 5);
        Assert.Equal([3.2, 7.2, 9.6, 17], quintiles.Select(b => Math.Round(b, 9)));
    }

    [Fact]
    public void Equal_interval_breaks_split_the_range_evenly()
    {
        // Range 1 to 30: steps of 29 / 5 = 5.8.
        Assert.Equal([6.8, 12.6, 18.4, 24.2], ColourBreaks.EqualInterval(Values, 5).Select(b => Math.Round(b, 9)));
    }

    [Fact]
    public void A_value_at_a_break_belongs_to_the_class_above_and_the_maximum_to_the_top_class()
    {
        IReadOnlyList<double> breaks = [4, 8, 15];
        Assert.Equal(0, ColourBreaks.ClassOf(1, breaks));
        Assert.Equal(1, ColourBreaks.ClassOf(4, breaks));
        Assert.Equal(2, ColourBreaks.ClassOf(10, breaks));
        Assert.Equal(3, ColourBreaks.ClassOf(30, breaks));
    }

    [Fact]
    public void A_choropleth_colours_missing_values_grey_and_its_legend_lists_each_class_with_its_range()
    {
        var column = new ViewColumn("Population (people)", "people", Values);
        var choropleth = Choropleth.Of(column, new ColourSettings(ColourScheme.Diverging, BreakMethod.Custom, 3, [5, 12]));

        Assert.Equal(ColourRamps.Missing, choropleth.Fills[2]);
        Assert.Equal(choropleth.Fills[1], choropleth.Fills[4]);
        Assert.NotEqual(choropleth.Fills[0], choropleth.Fills[1]);
        Assert.Equal(["1–5", "5–12", "12–30", "no value"], choropleth.Legend.Entries.Select(e => e.Text));
        Assert.Equal("Population (people)", choropleth.Legend.Title);
    }
}
