using GoCart.Site.Cartograms.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace GoCart.Site.Tests.Views;

/// <summary>The result view's query string: panels in the order given, added and removed by the form's buttons, and written back.</summary>
public sealed class ViewSettingsTests
{
    [Theory]
    [InlineData("?panels=equal-area&panels=choropleth&add=1", "equal-area,choropleth,contiguous")]
    [InlineData("?panels=equal-area,choropleth,contiguous&remove=1", "choropleth,contiguous")]
    [InlineData("?panels=choropleth,equal-area", "choropleth,equal-area")]
    [InlineData("", "equal-area,contiguous")]
    public void Panels_keep_their_order_and_the_buttons_add_and_remove_them(string query, string expected)
    {
        var settings = ViewSettings.Read(new QueryCollection(QueryHelpers.ParseQuery(query)), ["Population (people)"]);

        Assert.Equal(expected, string.Join(',', settings.Panels.Select(p => p.Token)));
        Assert.Empty(settings.Problems);
        Assert.StartsWith($"panels={expected}", settings.Query(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?panels=equal-area,contiguous.5", "Panel \"contiguous.5\" asks for column 5, which this data does not have: the columns are Population (people) (contiguous), GDP (million USD) (contiguous.1) and Density (people per km2) (contiguous.2).")]
    [InlineData("?panels=equal-area,choropleth.3", "Panel \"choropleth.3\" asks for column 3, which this data does not have: the columns are Population (people) (choropleth), GDP (million USD) (choropleth.1) and Density (people per km2) (choropleth.2).")]
    [InlineData("?panels=equal-area,pie.1", "Panel \"pie.1\" is not a view: use equal-area, contiguous, non-contiguous or choropleth, with .1 to .2 for another column than the first (contiguous.1).")]
    public void A_panel_of_a_column_the_data_lacks_names_the_columns_it_has(string query, string expected)
    {
        var settings = ViewSettings.Read(new QueryCollection(QueryHelpers.ParseQuery(query)), ["Population (people)", "GDP (million USD)", "Density (people per km2)"]);

        Assert.Equal(expected, Assert.Single(settings.Problems));
        Assert.Equal("equal-area", Assert.Single(settings.Panels).Token);
    }

    [Fact]
    public void A_panel_of_another_column_on_a_one_column_map_names_its_only_column()
    {
        var settings = ViewSettings.Read(new QueryCollection(QueryHelpers.ParseQuery("?panels=contiguous.1")), ["Population (people)"]);

        Assert.Equal("Panel \"contiguous.1\" asks for column 1, which this data does not have: the only column is Population (people) (contiguous).", Assert.Single(settings.Problems));
        Assert.Equal(["equal-area", "contiguous"], settings.Panels.Select(p => p.Token));
    }
}
