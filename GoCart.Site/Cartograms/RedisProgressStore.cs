using System.Text.Json;
using GoCart.Lambda.Contract;
using StackExchange.Redis;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Production: progress in Redis, shared by every site instance. The higher-order check and the write happen
/// in one Lua script, so two concurrent posts cannot make progress go backwards.
/// </summary>
public sealed class RedisProgressStore(IConnectionMultiplexer redis) : IProgressStore
{
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
        var result = await redis.GetDatabase().ScriptEvaluateAsync(CompareAndSet, new
        {
            key = (RedisKey)(KeyPrefix + update.Key),
            order = update.Order,
            json,
            ttl = (long)ProgressStoreSettings.TimeToLive.TotalSeconds,
        });
        return (long)result == 1;
    }

    public async Task<ProgressUpdate?> GetAsync(string key, CancellationToken cancellation)
    {
        var json = await redis.GetDatabase().HashGetAsync(KeyPrefix + key, "json");
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize((string)json!, ContractJson.Default.ProgressUpdate);
    }
}
