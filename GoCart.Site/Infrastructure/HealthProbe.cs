namespace GoCart.Site.Infrastructure;

/// <summary>
/// <c>dotnet GoCart.Site.dll healthcheck [url]</c>: exits 0 when the running site's /health/live answers 200
/// within three seconds, 1 otherwise. The container's HEALTHCHECK uses it because the runtime image has no
/// curl or wget, and installing one only for this would add a tool and its updates to every image.
/// </summary>
public static class HealthProbe
{
    public const string Command = "healthcheck";

    public const string DefaultUrl = "http://127.0.0.1:5000/health/live";

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 1 ? args[1] : DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            await Console.Error.WriteLineAsync($"healthcheck: '{url}' is not an http(s) URL.");
            return 2;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(uri);
            if (response.IsSuccessStatusCode)
            {
                return 0;
            }

            await Console.Error.WriteLineAsync($"healthcheck: {uri} answered {(int)response.StatusCode}.");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"healthcheck: {uri} did not answer: {exception.Message}");
        }

        return 1;
    }
}
