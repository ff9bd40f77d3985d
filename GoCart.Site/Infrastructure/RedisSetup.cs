using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// The one Redis connection of a replica (CARTOGRAM_REDIS_URL), shared by the progress store, the rate limits
/// and the admin lockout. Connecting does not wait for Redis: commands fail fast while it is away
/// (<see cref="RedisAddress"/>), and each user says what it does then.
/// </summary>
public static class RedisSetup
{
    /// <summary>Registers the connection when Redis is configured; false for the embedded (in-memory) default.</summary>
    public static bool TryAddGoCartRedis(this IServiceCollection services, SiteSettings settings)
    {
        if (settings.RedisUrl is not { } url || !RedisAddress.TryParse(url, out var options))
        {
            return false;
        }

        services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        return true;
    }
}
