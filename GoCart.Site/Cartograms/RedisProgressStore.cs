using System.Text.Json;
using GoCart.Lambda.Contract;
using StackExchange.Redis;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Production: progress in Redis, shared by every site instance. The higher-order check and the write happen
/// in one Lua script, so two concurrent posts cannot make progress go backwards. Progress is a nicety: while
/// Redis is unreachable, writes are dropped and reads find nothing (logged at most once a minute), so
/// cartograms still complete and pages still render.
/// </summary>
public sealed partial class RedisProgressStore(IConnectionMultiplexer redis, ILogger<RedisProgressStore> logger, TimeProvider time) : IProgressStore
{
    private long _lastWarning = long.MinValue;

    private const string KeyPrefix = "gocart:progress:";

    private static readonly LuaScript CompareAndSet = LuaScript.Prepare("""
        local current = redis.call('HGET', @key, 'order')
        if current and tonumber(current) >= tonumber(@order) then return 0 end
        redis.call('HSET', @key, 'order', @order, 'json', @json)
        redis.call('EXPIRE', @key, @ttl)
        return 1
        """);

    public async Task<bool> TryUpdateAsync(ProgressUpdate update, CancellationToken cancellation)
    {
        var json = JsonSerializer.Serialize(update, ContractJson.Default.ProgressUpdate);
        try
        {
            var result = await redis.GetDatabase().ScriptEvaluateAsync(CompareAndSet, new
            {
                key = (RedisKey)(KeyPrefix + update.Key),
                order = update.Order,
                json,
                ttl = (long)ProgressStoreSettings.TimeToLive.TotalSeconds,
            });
            return (long)result == 1;
        }
        catch (RedisException exception)
        {
            Unavailable(exception);
            return false;
        }
    }

    public async Task<ProgressUpdate?> GetAsync(string key, CancellationToken cancellation)
    {
        try
        {
            var json = await redis.GetDatabase().HashGetAsync(KeyPrefix + key, "json");
            return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize((string)json!, ContractJson.Default.ProgressUpdate);
        }
        catch (RedisException exception)
        {
            Unavailable(exception);
            return null;
        }
    }

    private void Unavailable(RedisException exception)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastWarning);
        if (last == long.MinValue || time.GetElapsedTime(last, now) >= TimeSpan.FromMinutes(1))
        {
            Interlocked.Exchange(ref _lastWarning, now);
            LogUnavailable(logger, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable ({Error}); progress is not stored until it is back")]
    private static partial void LogUnavailable(ILogger logger, string error);
}
