using StackExchange.Redis;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// What a Redis call throws when Redis cannot answer: a lost or refused connection (a <see cref="RedisException"/>)
/// or no answer in time. StackExchange.Redis's <see cref="RedisTimeoutException"/> is a <see cref="TimeoutException"/>,
/// not a <see cref="RedisException"/>, so catching only the latter lets a slow Redis escape as an outage of the site.
/// </summary>
public static class RedisFailure
{
    public static bool Is(Exception exception) => exception is RedisException or RedisTimeoutException;
}
