using GoCart.Site.Tests.Infrastructure;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// One running site for a test class, configured as in production (PostgreSQL for data and jobs, Redis for
/// progress) with the real in-process engine.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private TemporaryPostgresDatabase? _database;

    public GoCartFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TemporaryPostgresDatabase.CreateAsync();
        Factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_DATABASE_URL"] = _database.ConnectionString,
            ["CARTOGRAM_REDIS_URL"] = TestServers.Redis,
            // The tests of one class post far more than a person would; RateLimitTests checks the limit itself.
            ["CARTOGRAM_SUBMISSIONS_PER_MINUTE"] = "10000",
        });
        _ = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
