using GoCart.Site.Infrastructure;
using StackExchange.Redis;

namespace GoCart.Site.Admin;

/// <summary>
/// The lockout counted in Redis, so that failures on one replica lock the address on all of them: each address
/// has a sorted set of its failures' times, trimmed to the window and expiring with it, read and written by Lua
/// scripts that take the time from Redis itself (replicas' clocks may differ). While Redis cannot be reached
/// this replica counts alone in memory, and says so in the log.
/// </summary>
public sealed partial class RedisLoginThrottle(IConnectionMultiplexer redis, LoginThrottle fallback, ILogger<RedisLoginThrottle> logger) : ILoginThrottle
{
    private const string KeyPrefix = "gocart:admin-failures:";

    private static readonly LuaScript CountScript = LuaScript.Prepare("""
        local now = redis.call('TIME')
        local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
        redis.call('ZREMRANGEBYSCORE', @key, '-inf', nowMs - tonumber(@window))
        return redis.call('ZCARD', @key)
        """);

    private static readonly LuaScript RecordScript = LuaScript.Prepare("""
        local now = redis.call('TIME')
        local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
        redis.call('ZADD', @key, nowMs, @failure)
        redis.call('ZREMRANGEBYSCORE', @key, '-inf', nowMs - tonumber(@window))
        redis.call('PEXPIRE', @key, @window)
        return redis.call('ZCARD', @key)
        """);

    private static long WindowMilliseconds => (long)LoginThrottle.Window.TotalMilliseconds;

    public async Task<bool> IsLockedOutAsync(string client)
    {
        try
        {
            var failures = (long)await redis.GetDatabase().ScriptEvaluateAsync(CountScript, new { key = Key(client), window = WindowMilliseconds });
            return failures >= LoginThrottle.MaxFailures;
        }
        catch (Exception exception) when (RedisFailure.Is(exception))
        {
            LogUnavailable(logger, exception.GetType().Name);
            return await fallback.IsLockedOutAsync(client);
        }
    }

    public async Task RecordFailureAsync(string client)
    {
        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(RecordScript, new { key = Key(client), window = WindowMilliseconds, failure = Guid.NewGuid().ToString("N") });
        }
        catch (Exception exception) when (RedisFailure.Is(exception))
        {
            LogUnavailable(logger, exception.GetType().Name);
            await fallback.RecordFailureAsync(client);
        }
    }

    public async Task ResetAsync(string client)
    {
        await fallback.ResetAsync(client);
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(Key(client));
        }
        catch (Exception exception) when (RedisFailure.Is(exception))
        {
            LogUnavailable(logger, exception.GetType().Name);
        }
    }

    private static RedisKey Key(string client) => KeyPrefix + client;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable ({Error}); this replica counts failed admin logins alone until it is back")]
    private static partial void LogUnavailable(ILogger logger, string error);
}
