using System.Security.Cryptography;
using System.Text;
using GoCart.Site.Infrastructure;
using StackExchange.Redis;

namespace GoCart.Site.Cartograms;

/// <summary>
/// The Redis keys of one site's progress: <c>gocart:progress:{site}:{cartogram key}</c>, where {site} is a short
/// hash of the site's database (PostgreSQL host, port and database name, or the SQLite file). The replicas of
/// one site share a database and so their progress; two sites that share a Redis but not a database (staging
/// beside production) never read or overwrite each other's progress, even under the same cartogram key, as a
/// library example's key (derived from its map) is.
/// </summary>
public sealed record ProgressKeyspace(string Prefix)
{
    public static ProgressKeyspace For(SiteSettings settings) => new($"gocart:progress:{Site(settings)}:");

    public RedisKey Of(string key) => Prefix + key;

    private static string Site(SiteSettings settings)
    {
        var database = settings.DatabaseUrl is { } url && SiteSettingsValidator.TryPostgres(url, out var connectionString)
            ? Postgres(new Npgsql.NpgsqlConnectionStringBuilder(connectionString))
            : "sqlite:" + Path.GetFullPath(Path.Combine(settings.DataDir, "gocart.db"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(database)))[..12];
    }

    private static string Postgres(Npgsql.NpgsqlConnectionStringBuilder builder) =>
        $"postgres:{builder.Host?.ToLowerInvariant()}:{builder.Port}/{builder.Database}";
}
