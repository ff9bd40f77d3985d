namespace GoCart.Lambda.Hosting;

/// <summary>
/// Starts one <see cref="ProgressPoster"/> per request when CARTOGRAM_PROGRESS_URL and
/// CARTOGRAM_PROGRESS_SECRET are configured; otherwise progress goes nowhere (a local run has no receiver).
/// </summary>
public sealed class ProgressPosterFactory(HttpClient? client, Uri? url, string? secret, TimeSpan interval, Action<string> log)
{
    public static ProgressPosterFactory Disabled { get; } = new(null, null, null, TimeSpan.Zero, _ => { });

    public static ProgressPosterFactory FromEnvironment(HttpClient client, Action<string> log)
    {
        var url = Environment.GetEnvironmentVariable("CARTOGRAM_PROGRESS_URL");
        var secret = Environment.GetEnvironmentVariable("CARTOGRAM_PROGRESS_SECRET");
        if (string.IsNullOrWhiteSpace(url))
        {
            return Disabled;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException("CARTOGRAM_PROGRESS_URL must be an absolute http(s) URL.");
        }

        if (string.IsNullOrEmpty(secret) || secret.Length < 16)
        {
            throw new InvalidOperationException("CARTOGRAM_PROGRESS_SECRET must be set, at least 16 characters, when CARTOGRAM_PROGRESS_URL is.");
        }

        return new ProgressPosterFactory(client, uri, secret, TimeSpan.FromMilliseconds(250), log);
    }

    public ProgressPoster Start(string key) =>
        client is null || url is null || secret is null
            ? ProgressPoster.Silent
            : new ProgressPoster(client, url, secret, key, interval, log);
}
