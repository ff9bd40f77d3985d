using System.Threading.RateLimiting;
using GoCart.Lambda.Contract;
using GoCart.Site.Admin;
using GoCart.Site.Cartograms;
using GoCart.Site.Infrastructure;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// A Redis that answers too late (paused with CLIENT PAUSE, so StackExchange.Redis throws its timeout, a
/// TimeoutException and not a RedisException) is a Redis that is away: rate limits and the admin lockout count in
/// memory, progress writes are dropped and progress reads answer the last value read. Before, the timeout escaped
/// and the site answered 503 to a submission.
/// </summary>
public sealed class RedisSlownessTests
{
    [Fact]
    public async Task A_redis_that_answers_too_late_is_treated_as_away_by_every_user_of_it()
    {
        using var server = await OwnRedisServer.StartAsync();
        var options = ConfigurationOptions.Parse(server.Address);
        options.AsyncTimeout = 300;
        options.SyncTimeout = 300;
        using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        using var admin = await ConnectionMultiplexer.ConnectAsync(server.Address);
        var progress = new RedisProgressStore(redis, new ProgressKeyspace("gocart:progress:slowness:"), NullLogger<RedisProgressStore>.Instance, TimeProvider.System);
        var key = CartogramKeys.New();
        Assert.True(await progress.TryUpdateAsync(new ProgressUpdate(key, 2, 0.4, 0.3, "computing"), CancellationToken.None));
        Assert.Equal(0.4, (await progress.GetAsync(key, CancellationToken.None))!.Progress);
        using var limiter = new SharedFixedWindowLimiter(
            redis, "slow-client", 5, TimeSpan.FromMinutes(1),
            new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) }),
            NullLogger.Instance);
        var throttle = new RedisLoginThrottle(redis, new LoginThrottle(TimeProvider.System), NullLogger<RedisLoginThrottle>.Instance);

        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "3000", "ALL");
        var timedOut = await Assert.ThrowsAsync<RedisTimeoutException>(() => redis.GetDatabase().PingAsync());

        Assert.IsAssignableFrom<TimeoutException>(timedOut);
        Assert.True(RedisFailure.Is(timedOut));
        Assert.Equal(0.4, (await progress.GetAsync(key, CancellationToken.None))!.Progress);
        Assert.False(await progress.TryUpdateAsync(new ProgressUpdate(key, 3, 0.5, 0.2, "computing"), CancellationToken.None));
        using (var lease = await limiter.AcquireAsync())
        {
            Assert.True(lease.IsAcquired);
        }

        Assert.False(await throttle.IsLockedOutAsync("127.0.0.9"));
        await throttle.RecordFailureAsync("127.0.0.9");
    }
}
