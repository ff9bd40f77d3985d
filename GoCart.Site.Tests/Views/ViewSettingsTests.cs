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
        var settings = ViewSettings.Read(new QueryCollection(QueryHelpers.ParseQuery(query)), 1);

        Assert.Equal(expected, string.Join(',', settings.Panels.Select(p => p.Token)));
        Assert.Empty(settings.Problems);
        Assert.StartsWith($"panels={expected}", settings.Query(), StringComparison.Ordinal);
    }
}
