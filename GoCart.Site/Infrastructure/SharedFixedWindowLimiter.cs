using System.Diagnostics;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// A fixed-window limit for one client and policy counted in Redis, so that every replica sees the same count:
/// one Lua script increments the window's counter and, for the window's first request, sets its expiry, so two
/// replicas can never both hand out the last permit and no counter outlives its window. While Redis cannot be
/// reached this replica counts alone (<paramref name="fallback"/>, the framework's in-memory limiter), so the
/// site keeps answering and each replica still limits.
/// </summary>
public sealed partial class SharedFixedWindowLimiter(
    IConnectionMultiplexer redis,
    string key,
    int permitLimit,
    TimeSpan window,
    RateLimiter fallback,
    ILogger logger) : RateLimiter
{
    private const string KeyPrefix = "gocart:ratelimit:";

    private static readonly LuaScript CountScript = LuaScript.Prepare("""
        local count = redis.call('INCRBY', @key, @permits)
        local ttl = redis.call('PTTL', @key)
        if count == tonumber(@permits) or ttl < 0 then
            redis.call('PEXPIRE', @key, @window)
            ttl = tonumber(@window)
        end
        return { count, ttl }
        """);

    /// <summary>When any limiter last warned that Redis is away: at most one warning a minute for all of them.</summary>
    private static long _lastWarning = long.MinValue;

    private long _lastUsed = Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        try
        {
            return Lease(redis.GetDatabase().ScriptEvaluate(CountScript, Arguments(permitCount)));
        }
        catch (Exception exception) when (RedisFailure.Is(exception))
        {
            Unavailable(exception);
            return fallback.AttemptAcquire(permitCount);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        try
        {
            return Lease(await redis.GetDatabase().ScriptEvaluateAsync(CountScript, Arguments(permitCount)));
        }
        catch (Exception exception) when (RedisFailure.Is(exception))
        {
            Unavailable(exception);
            return await fallback.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            fallback.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Unavailable(Exception exception)
    {
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _lastWarning);
        if ((last == long.MinValue || Stopwatch.GetElapsedTime(last, now) >= TimeSpan.FromMinutes(1))
            && Interlocked.CompareExchange(ref _lastWarning, now, last) == last)
        {
            LogUnavailable(logger, exception.GetType().Name);
        }
    }

    private object Arguments(int permitCount) => new
    {
        key = (RedisKey)(KeyPrefix + key),
        permits = permitCount,
        window = (long)window.TotalMilliseconds,
    };

    private CountedLease Lease(RedisResult result)
    {
        var values = (RedisResult[])result!;
        var count = (long)values[0];
        var remaining = TimeSpan.FromMilliseconds((long)values[1]);
        return new CountedLease(count <= permitLimit, remaining);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable ({Error}); this replica counts rate limits alone until it is back")]
    private static partial void LogUnavailable(ILogger logger, string error);

    private sealed class CountedLease(bool acquired, TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = !acquired && metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
