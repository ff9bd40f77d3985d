using System.Net;
using System.Net.Http.Json;
using GoCart.Site.Cartograms;
using GoCart.Site.Maps;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Site.Problems;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// The API's maxPoints and tolerance: wrong values are a 400 naming the field, 0 switches the budget off, and the
/// default budget written out still answers with the library map's cached example.
/// </summary>
public sealed class CartogramApiCompactnessTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Austria = "austria_by_state_since_1945";
    private readonly SiteClient _client = new(site.Factory);

    [LibraryTheory]
    [InlineData("maxPoints", 50, "maxPoints must be 0 (write every point) or at least 100 points per inset")]
    [InlineData("maxPoints", -1, "maxPoints must be 0 (write every point) or at least 100 points per inset")]
    [InlineData("tolerance", 0, "tolerance must be a distance above 0 in the output's units")]
    [InlineData("tolerance", -3.5, "tolerance must be a distance above 0 in the output's units")]
    public async Task A_wrong_budget_or_tolerance_is_a_400_naming_the_field(string field, double value, string detail)
    {
        var values = new Dictionary<string, double> { ["inner"] = 1, ["outer"] = 3 };
        object body = field == "maxPoints"
            ? new { map = "concentric_circles", values, maxPoints = (int)value }
            : new { map = "concentric_circles", values, tolerance = value };

        var response = await _client.Http.PostAsJsonAsync("/api/v1/cartograms", body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, detail, field);
    }

    [LibraryFact]
    public async Task The_default_budget_written_out_is_the_example_and_maxPoints_0_is_a_cartogram_of_its_own()
    {
        var austria = site.Factory.Services.GetRequiredService<MapLibrary>().Find(Austria)!;
        var csv = SiteClient.LibraryCsv(Austria, austria.DefaultDataFile);

        var stated = await _client.SubmitAsync(new { map = Austria, csv, maxPoints = 10_000 });
        var everyPoint = await _client.SubmitAsync(new { map = Austria, csv, maxPoints = 0 });
        var withTolerance = await _client.SubmitAsync(new { map = Austria, csv, tolerance = 500.0 });

        Assert.Equal(CartogramKeys.Example(austria), stated);
        Assert.NotEqual(CartogramKeys.Example(austria), everyPoint);
        Assert.NotEqual(CartogramKeys.Example(austria), withTolerance);
        Assert.Equal("succeeded", (await _client.WaitAsync(everyPoint)).GetProperty("status").GetString());
    }
}
