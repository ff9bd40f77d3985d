using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// Layers and the guardrail in headless Chromium: world capitals uploaded with the data are drawn on both maps,
/// follow the morph, show in the tooltip and come back in the downloaded GeoJSON; a rate column is named on the
/// create page and can still be made after ticking the box, or shown as a choropleth from the message, with its
/// cartogram one panel switch away.
/// </summary>
public sealed partial class LayerBrowserTests
{
    /// <summary>Capitals (longitude, latitude in degrees; population in millions, rounded): facts, typed here.</summary>
    private static readonly (string Name, double Longitude, double Latitude, double Millions)[] Capitals =
    [
        ("Paris", 2.3522, 48.8566, 2.1), ("London", -0.1276, 51.5072, 8.9), ("Berlin", 13.4050, 52.5200, 3.7),
        ("Madrid", -3.7038, 40.4168, 3.3), ("Rome", 12.4964, 41.9028, 2.8), ("Moscow", 37.6173, 55.7558, 13.0),
        ("Beijing", 116.4074, 39.9042, 21.5), ("Tokyo", 139.6917, 35.6895, 14.0), ("New Delhi", 77.2090, 28.6139, 0.3),
        ("Canberra", 149.1300, -35.2809, 0.5), ("Brasília", -47.8825, -15.7942, 4.8), ("Buenos Aires", -58.3816, -34.6037, 3.1),
        ("Ottawa", -75.6972, 45.4215, 1.0), ("Washington", -77.0369, 38.9072, 0.7), ("Mexico City", -99.1332, 19.4326, 9.2),
        ("Cairo", 31.2357, 30.0444, 10.0), ("Nairobi", 36.8219, -1.2921, 4.4), ("Pretoria", 28.1881, -25.7461, 0.7),
        ("Abuja", 7.3986, 9.0765, 1.2), ("Kinshasa", 15.2663, -4.4419, 14.9), ("Jakarta", 106.8456, -6.2088, 10.6),
        ("Ankara", 32.8597, 39.9334, 5.7), ("Tehran", 51.3890, 35.6892, 9.0), ("Riyadh", 46.6753, 24.7136, 7.7),
        ("Bangkok", 100.5018, 13.7563, 10.5), ("Lima", -77.0428, -12.0464, 10.0), ("Bogotá", -74.0721, 4.7110, 7.9),
        ("Santiago", -70.6693, -33.4489, 6.3), ("Wellington", 174.7762, -41.2865, 0.2), ("Reykjavík", -21.9426, 64.1466, 0.1),
        ("Suva", 178.4419, -18.1416, 0.1),
    ];

    [Fact]
    public async Task Uploaded_capitals_are_on_both_maps_follow_the_morph_and_are_in_the_geojson()
    {
        await using var factory = new GoCartFactory();
        var site = factory.StartKestrel();
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, AcceptDownloads = true });
        page.SetDefaultTimeout(60_000);

        await page.GotoAsync($"{site}/create?map=world_by_country_since_2022");
        await page.SetInputFilesAsync("#LayerFiles", new FilePayload { Name = "capitals.csv", MimeType = "text/csv", Buffer = CapitalsCsv() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the cartogram" }).ClickAsync();
        await page.WaitForURLAsync(CartogramUrl(), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("svg#cartogram").WaitForAsync(new() { Timeout = 120_000 });

        var onCartogram = page.Locator("svg#cartogram path[data-l]");
        var onEqualArea = page.Locator("svg#equal-area path[data-l]");
        await Assertions.Expect(onCartogram).ToHaveCountAsync(Capitals.Length);
        await Assertions.Expect(onEqualArea).ToHaveCountAsync(Capitals.Length);
        await Chromium.ScreenshotAsync(page, "layers-capitals");

        var paris = page.Locator("svg#cartogram path[data-label^='Paris']");
        var start = await Numbers(paris);
        var equalArea = await Numbers(page.Locator("svg#equal-area path[data-label^='Paris']"));
        Assert.NotEqual(start, equalArea);
        var box = await paris.EvaluateAsync<double[]>("p => { const r = p.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }");
        await page.Mouse.MoveAsync((float)box[0], (float)box[1]);
        await Assertions.Expect(page.Locator(".result .tooltip")).ToContainTextAsync("Paris (capitals.csv)");

        // Every frame of the morph redraws the path: record them all and find Paris on the way.
        await paris.EvaluateAsync("p => { window.parisFrames = []; new MutationObserver(() => window.parisFrames.push(p.getAttribute('d'))).observe(p, { attributes: true, attributeFilter: ['d'] }); }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Morph to the equal-area map" }).ClickAsync();
        await Assertions.Expect(page.Locator("svg#cartogram")).ToHaveAttributeAsync("data-showing", "equal-area");
        var frames = await page.EvaluateAsync<string[]>("() => window.parisFrames");
        var midway = frames.Select(d => Number().Matches(d).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Contains(midway, m => Between(m, start, equalArea));
        var end = await Numbers(paris);
        Assert.True(end.Zip(equalArea).All(p => Math.Abs(p.First - p.Second) < 0.11), $"Paris after the morph at {string.Join(" ", end)}, expected {string.Join(" ", equalArea)}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "GeoJSON", Exact = true }).ClickAsync());
        using var geoJson = JsonDocument.Parse(await File.ReadAllBytesAsync(await download.PathAsync()));
        var capitals = geoJson.RootElement.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").TryGetProperty("layer", out var layer) && layer.GetString() == "capitals.csv").ToList();
        Assert.Equal(Capitals.Length, capitals.Count);
        var suva = Assert.Single(capitals, f => f.GetProperty("properties").GetProperty("label").GetString() == "Suva");
        Assert.Equal("Point", suva.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(0.1, suva.GetProperty("properties").GetProperty("size").GetDouble());
    }

    [Fact]
    public async Task A_rate_column_is_named_on_the_create_page_and_can_still_be_made()
    {
        await using var factory = new GoCartFactory();
        var site = factory.StartKestrel();
        await using var browser = await Chromium.LaunchAsync();
        var (page, message) = await SubmitRateColumnAsync(browser, site);
        await Assertions.Expect(message).ToContainTextAsync("GDP per capita (USD) is a rate: a cartogram of it sizes regions by a number that does not add up. Use a choropleth, or a total such as GDP.");
        await Chromium.ScreenshotAsync(page, "guardrail");
        await page.GetByLabel("Make the cartogram of this column anyway").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the cartogram" }).ClickAsync();
        await page.WaitForURLAsync(CartogramUrl(), new() { WaitUntil = WaitUntilState.Commit });
    }

    [Fact]
    public async Task The_rate_message_opens_the_choropleth_and_the_cartogram_is_one_panel_switch_away()
    {
        await using var factory = new GoCartFactory();
        var site = factory.StartKestrel();
        await using var browser = await Chromium.LaunchAsync();
        var (page, message) = await SubmitRateColumnAsync(browser, site);
        await Assertions.Expect(message).ToContainTextAsync("Use a choropleth");
        await message.GetByRole(AriaRole.Button, new() { Name = "Show it as a choropleth" }).ClickAsync();

        await page.WaitForURLAsync(ChoroplethUrl(), new() { WaitUntil = WaitUntilState.Commit });
        var panel = page.Locator("figure[data-panel='1']");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-type", "choropleth", new() { Timeout = 180_000 });
        await Assertions.Expect(panel.Locator("figcaption")).ToHaveTextAsync("Choropleth: GDP per capita (USD)");
        await Assertions.Expect(panel.Locator("svg.map g.colour-legend")).ToHaveCountAsync(1);
        await Chromium.ScreenshotAsync(page, "guardrail-choropleth");

        // The cartogram was made too: the panel switches to it.
        await panel.Locator("details.panel-settings summary").ClickAsync();
        await panel.Locator("select.panel-type").SelectOptionAsync("contiguous");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-type", "contiguous");
        await Assertions.Expect(panel.Locator("figcaption")).ToHaveTextAsync("Cartogram: GDP per capita (USD)");
    }

    /// <summary>The world map's create page with its value column named as a rate, submitted: the page and its guardrail message.</summary>
    private static async Task<(IPage Page, ILocator Message)> SubmitRateColumnAsync(IBrowser browser, string site)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync($"{site}/create?map=world_by_country_since_2022");
        await page.GetByLabel("What the numbers are, with unit").FillAsync("GDP per capita (USD)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the cartogram" }).ClickAsync();
        return (page, page.Locator(".message.guardrail"));
    }

    private static byte[] CapitalsCsv()
    {
        var csv = new StringBuilder("label,longitude,latitude,size\n");
        foreach (var (name, longitude, latitude, millions) in Capitals)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{name},{longitude},{latitude},{millions}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static async Task<double[]> Numbers(ILocator path) =>
        [.. Number().Matches(await path.GetAttributeAsync("d") ?? "").Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture))];

    private static bool Between(double[] value, double[] from, double[] to) =>
        value.Length == from.Length && value.Select((v, i) => Math.Min(from[i], to[i]) - 0.11 <= v && v <= Math.Max(from[i], to[i]) + 0.11).All(b => b)
        && value.Select((v, i) => Math.Abs(v - from[i]) + Math.Abs(v - to[i]) > 0 && Math.Abs(v - from[i]) > 0.2 && Math.Abs(v - to[i]) > 0.2).Any(b => b);

    [GeneratedRegex("/cartogram/[A-Za-z0-9]{32}$")]
    private static partial Regex CartogramUrl();

    [GeneratedRegex("/cartogram/[A-Za-z0-9]{32}\\?panels=choropleth$")]
    private static partial Regex ChoroplethUrl();

    [GeneratedRegex(@"-?\d+(?:\.\d+)?")]
    private static partial Regex Number();
}
