namespace GoCart.Site.Tests.Hosting;

/// <summary>
/// The real engine served over HTTP by `gocart serve` with <see cref="ApiKey"/>, as API Gateway fronts the Lambda:
/// one per test class (xUnit class fixture), stopped when the class is done.
/// </summary>
public sealed class ServedEngine : IAsyncLifetime
{
    public const string ApiKey = "served-engine-test-key-1234";

    private GocartExecutable? _serve;

    /// <summary>The engine's base URL (loopback).</summary>
    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        (_serve, Url) = await GocartExecutable.StartServeAsync(ApiKey);
    }

    public Task DisposeAsync()
    {
        _serve?.Dispose();
        return Task.CompletedTask;
    }
}
