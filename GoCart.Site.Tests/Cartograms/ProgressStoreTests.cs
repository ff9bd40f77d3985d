using GoCart.Lambda.Contract;
using GoCart.Site.Cartograms;
using GoCart.Site.Infrastructure;
using GoCart.Site.Tests.Infrastructure;
using StackExchange.Redis;

namespace GoCart.Site.Tests.Cartograms;

public class ProgressStoreTests
{
    private static readonly ProgressKeyspace TestKeyspace = new("gocart:progress:tests:");

    public static TheoryData<string> Stores() => ["memory", "redis"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Only_a_higher_order_replaces_the_stored_progress(string kind)
    {
        var (store, dispose) = Create(kind);
        using var _ = dispose;
        var key = "k" + Guid.NewGuid().ToString("N");

        Assert.True(await store.TryUpdateAsync(new ProgressUpdate(key, 2, 0.4, 0.3, "computing"), CancellationToken.None));
        Assert.False(await store.TryUpdateAsync(new ProgressUpdate(key, 1, 0.2, 0.5, "computing"), CancellationToken.None));
        Assert.False(await store.TryUpdateAsync(new ProgressUpdate(key, 2, 0.9, 0.5, "computing"), CancellationToken.None));
        Assert.True(await store.TryUpdateAsync(new ProgressUpdate(key, 5, 0.8, 0.05, "writing"), CancellationToken.None));

        var stored = await store.GetAsync(key, CancellationToken.None);
        Assert.Equal(new ProgressUpdate(key, 5, 0.8, 0.05, "writing"), stored);
        Assert.Null(await store.GetAsync("unknown" + key, CancellationToken.None));
    }

    /// <summary>A new run of a key (a retry, a library example computed again) starts below the last run's orders.</summary>
    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_restart_replaces_an_earlier_runs_progress_whatever_its_order(string kind)
    {
        var (store, dispose) = Create(kind);
        using var _ = dispose;
        var key = "r" + Guid.NewGuid().ToString("N");
        Assert.True(await store.TryUpdateAsync(new ProgressUpdate(key, long.MaxValue, 1, 0.004, "done"), CancellationToken.None));

        await store.RestartAsync(new ProgressUpdate(key, 1, 0.01, 0, "starting"), CancellationToken.None);

        Assert.Equal(new ProgressUpdate(key, 1, 0.01, 0, "starting"), await store.GetAsync(key, CancellationToken.None));
        Assert.True(await store.TryUpdateAsync(new ProgressUpdate(key, 2, 0.3, 0.5, "computing"), CancellationToken.None));
        Assert.Equal(0.3, (await store.GetAsync(key, CancellationToken.None))!.Progress);
    }

    [Fact]
    public async Task Concurrent_posts_never_leave_a_lower_order_in_redis()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        var store = new RedisProgressStore(redis, TestKeyspace, Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisProgressStore>.Instance, TimeProvider.System);
        var key = "c" + Guid.NewGuid().ToString("N");

        await Task.WhenAll(Enumerable.Range(1, 200).Select(order =>
            store.TryUpdateAsync(new ProgressUpdate(key, order, order / 200.0, 0, "computing"), CancellationToken.None)));

        Assert.Equal(200, (await store.GetAsync(key, CancellationToken.None))!.Order);
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(TestKeyspace.Of(key));
        Assert.NotNull(ttl);
        Assert.True(ttl <= ProgressStoreSettings.TimeToLive);
    }

    /// <summary>
    /// Two sites on one Redis (two test sites, or staging beside production) computing the same library example:
    /// each one's first run restarts only its own progress, and neither sees the other's reports.
    /// </summary>
    [Fact]
    public async Task Sites_with_different_databases_keep_apart_in_one_redis()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        var one = new RedisProgressStore(redis, ProgressKeyspace.For(Site("Host=127.0.0.1;Port=5432;Database=one")), Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisProgressStore>.Instance, TimeProvider.System);
        var other = new RedisProgressStore(redis, ProgressKeyspace.For(Site("Host=127.0.0.1;Port=5432;Database=other")), Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisProgressStore>.Instance, TimeProvider.System);
        var key = "e" + Guid.NewGuid().ToString("N");
        await one.RestartAsync(new ProgressUpdate(key, 1, 0.01, 0, "starting"), CancellationToken.None);
        Assert.True(await one.TryUpdateAsync(new ProgressUpdate(key, 40, 0.92, 0.02, "computing"), CancellationToken.None));

        await other.RestartAsync(new ProgressUpdate(key, 1, 0.01, 0, "starting"), CancellationToken.None);
        Assert.True(await other.TryUpdateAsync(new ProgressUpdate(key, 2, 0.3, 0.4, "computing"), CancellationToken.None));

        Assert.Equal(0.92, (await one.GetAsync(key, CancellationToken.None))!.Progress);
        Assert.Equal(0.3, (await other.GetAsync(key, CancellationToken.None))!.Progress);
    }

    [Fact]
    public void Replicas_of_one_site_share_a_keyspace_however_its_database_is_written()
    {
        var url = ProgressKeyspace.For(Site("postgres://gocart:secret@DB.example:5432/gocart"));
        var pairs = ProgressKeyspace.For(Site("Host=db.example;Port=5432;Database=gocart;Username=gocart;Password=other"));
        var elsewhere = ProgressKeyspace.For(Site("postgres://gocart:secret@db.example:5432/staging"));
        var sqlite = ProgressKeyspace.For(new SiteSettings { DataDir = "App_Data" });

        Assert.Equal(url, pairs);
        Assert.NotEqual(url, elsewhere);
        Assert.NotEqual(url, sqlite);
        Assert.Matches("^gocart:progress:[0-9a-f]{12}:$", url.Prefix);
    }

    [Fact]
    public async Task Memory_progress_expires()
    {
        var time = new ManualTime();
        var store = new MemoryProgressStore(time);
        await store.TryUpdateAsync(new ProgressUpdate("old", 1, 0.5, 0.1, "computing"), CancellationToken.None);

        time.Advance(ProgressStoreSettings.TimeToLive + TimeSpan.FromSeconds(1));

        Assert.Null(await store.GetAsync("old", CancellationToken.None));
        Assert.True(await store.TryUpdateAsync(new ProgressUpdate("old", 1, 0.1, 0.1, "reading"), CancellationToken.None));
    }

    private static SiteSettings Site(string databaseUrl) => new() { DatabaseUrl = databaseUrl };

    private static (IProgressStore Store, IDisposable? Dispose) Create(string kind)
    {
        if (kind == "memory")
        {
            return (new MemoryProgressStore(TimeProvider.System), null);
        }

        var redis = ConnectionMultiplexer.Connect(TestServers.Redis);
        return (new RedisProgressStore(redis, TestKeyspace, Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisProgressStore>.Instance, TimeProvider.System), redis);
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
