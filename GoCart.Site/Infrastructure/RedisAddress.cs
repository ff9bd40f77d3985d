using StackExchange.Redis;

namespace GoCart.Site.Infrastructure;

/// <summary>Turns CARTOGRAM_REDIS_URL (host:port, or redis://[:password@]host:port) into StackExchange.Redis options.</summary>
public static class RedisAddress
{
    public static bool TryParse(string value, out ConfigurationOptions options)
    {
        options = new ConfigurationOptions();
        try
        {
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == "redis" || uri.Scheme == "rediss"))
            {
                options.EndPoints.Add(uri.Host, uri.Port > 0 ? uri.Port : 6379);
                options.Ssl = uri.Scheme == "rediss";
                var credentials = uri.UserInfo.Split(':', 2);
                if (credentials.Length == 2 && credentials[1].Length > 0)
                {
                    options.Password = Uri.UnescapeDataString(credentials[1]);
                }
            }
            else if (value.Contains("://", StringComparison.Ordinal))
            {
                return false;
            }
            else
            {
                options = ConfigurationOptions.Parse(value);
            }

            // Fail fast and keep retrying in the background: a Redis outage must not hang requests.
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 2000;
            options.SyncTimeout = 2000;
            options.AsyncTimeout = 2000;
            // While disconnected, commands fail at once instead of queueing until the timeout.
            options.BacklogPolicy = BacklogPolicy.FailFast;
            return options.EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
