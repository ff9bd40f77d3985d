namespace GoCart.Site.Tests.Maps;

/// <summary>Asks for a gallery thumbnail until it is drawn: until then the site answers at once with a placeholder it marks no-store.</summary>
public static class DrawnThumbnail
{
    public static async Task<(HttpResponseMessage Response, string Svg)> GetAsync(HttpClient http, string url)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var response = await http.GetAsync(url);
            response.EnsureSuccessStatusCode();
            if (response.Headers.CacheControl?.NoStore != true)
            {
                return (response, await response.Content.ReadAsStringAsync());
            }

            Assert.True(DateTime.UtcNow < deadline, $"{url} was not drawn in 2 minutes");
            await Task.Delay(200);
        }
    }
}
