using System.Collections.Concurrent;
using System.Text.Json;
using GoCart.Lambda.Contract;
using GoCart.Site.Infrastructure;
using StackExchange.Redis;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Production: progress in Redis, shared by every replica of the site (under its <see cref="ProgressKeyspace"/>). The higher-order check and the write happen
/// in one Lua script, so two concurrent posts cannot make progress go backwards. Progress is a nicety: while
/// Redis is unreachable or slow, writes are dropped and reads answer the last progress this replica read for the
/// key (logged at most once a minute), so cartograms still complete, pages still render and no progress bar
/// jumps back.
/// </summary>
public sealed partial class RedisProgressStore(IConnectionMultiplexer redis, ProgressKeyspace keys, ILogger<RedisProgressStore> logger, TimeProvider time) : IProgressStore
{
    /// <summary>Keys whose last read this replica remembers; beyond this the memory starts again.</summary>
    private const int RememberedKeys = 4096;

    private static readonly LuaScript CompareAndSet = LuaScript.Prepare("""
        local current = redis.call('HGET', @key, 'order')
        if current and tonumber(current) >= tonumber(@order) then return 0 end
        redis.call('HSET', @key, 'order', @order, 'json', @json)
        redis.call('EXPIRE', @key, @ttl)
        return 1
        """);

    private static readonly LuaScript Set = LuaScript.Prepare("""
        redis.call('HSET', @key, 'order', @order, 'json', @json)
        redis.call('EXPIRE', @key, @ttl)
        return 1
        """);

    private readonly ConcurrentDictionary<string, ProgressUpdate> _lastRead = new(StringComparer.Ordinal);

    private long _lastWarning = long.MinValue;

    public async Task<bool> TryUpdateAsync(ProgressUpdate update, CancellationToken cancellation) =>
        await EvaluateAsync(CompareAndSet, update) == 1;

    public async Task RestartAsync(ProgressUpdate first, CancellationToken cancellation)
    {
        _lastRead.TryRemove(first.Key, out _);
        await EvaluateAsync(Set, first);
    }

    public async Task<ProgressUpdate?> GetAsync(string key, CancellationToken cancellation)
    {
        try
        {
            var json = await redis.GetDatabase().HashGetAsync(keys.Of(key), "json");
            if (json.IsNullOrEmpty)
            {
                return null;
            }

            var update = JsonSerializer.Deserialize((string)json!, ContractJson.Default.ProgressUpdate)!;
            Remember(update);
            return update;
        }
        catch (Exception exception) when (RedisFailure.Is(exception))
        {
            Unavailable(exception);
            return _lastRead.TryGetValue(key, out var last) ? last : null;
        }
    }

    /// <summary>Runs a write script for the update; 1 when it stored it, 0 when not or when Redis did not answer.</summary>
    private async Task<long> EvaluateAsync(LuaScript script, ProgressUpdate update)
    {
        try
        {
            return (long)await redis.GetDatabase().ScriptEvaluateAsync(script, new
            {
                key = keys.Of(update.Key),
                order = update.Order,
                json = JsonSerializer.Serialize(update, ContractJson.Default.ProgressUpdate),
                ttl = (long)ProgressStoreSettings.TimeToLive.TotalSeconds,
            });
        }
        catch (Exception exception) when (RedisFailure.Is(exception))
        {
            Unavailable(exception);
            return 0;
        }
    }

    private void Remember(ProgressUpdate update)
    {
        if (_lastRead.Count >= RememberedKeys)
        {
            _lastRead.Clear();
        }

        _lastRead[update.Key] = update;
    }

    private void Unavailable(Exception exception)
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
