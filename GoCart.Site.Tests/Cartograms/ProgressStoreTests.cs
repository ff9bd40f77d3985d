using GoCart.Lambda.Contract;
using GoCart.Site.Cartograms;
using GoCart.Site.Tests.Infrastructure;
using StackExchange.Redis;

namespace GoCart.Site.Tests.Cartograms;

public class ProgressStoreTests
{
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
        var store = new RedisProgressStore(redis, Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisProgressStore>.Instance, TimeProvider.System);
        var key = "c" + Guid.NewGuid().ToString("N");

        await Task.WhenAll(Enumerable.Range(1, 200).Select(order =>
            store.TryUpdateAsync(new ProgressUpdate(key, order, order / 200.0, 0, "computing"), CancellationToken.None)));

        Assert.Equal(200, (await store.GetAsync(key, CancellationToken.None))!.Order);
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync("gocart:progress:" + key);
        Assert.NotNull(ttl);
        Assert.True(ttl <= ProgressStoreSettings.TimeToLive);
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

    private static (IProgressStore Store, IDisposable? Dispose) Create(string kind)
    {
        if (kind == "memory")
        {
            return (new MemoryProgressStore(TimeProvider.System), null);
        }

        var redis = ConnectionMultiplexer.Connect(TestServers.Redis);
        return (new RedisProgressStore(redis, Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisProgressStore>.Instance, TimeProvider.System), redis);
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
