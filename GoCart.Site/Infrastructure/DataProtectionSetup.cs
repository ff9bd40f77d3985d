using GoCart.Site.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// The keys that sign and encrypt cookies, antiforgery tokens and the contact form's question: in PostgreSQL
/// when CARTOGRAM_DATABASE_URL is set, so that a form served by one replica is accepted by every other, and as
/// files in the data folder otherwise. Either way they survive restarts and container replacements.
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>Lifetime of a key made by <see cref="EnsureDataProtectionKey"/>, as the framework's own default.</summary>
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(90);

    public static WebApplicationBuilder AddGoCartDataProtection(this WebApplicationBuilder builder, SiteSettings settings)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("GoCart");
        if (settings.UsesPostgres)
        {
            protection.PersistKeysToDbContext<PostgresDbContext>();
        }
        else
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.DataDir, "keys")));
        }

        return builder;
    }

    /// <summary>
    /// Makes the first key when there is none yet (run by `migrate`, before any replica starts): replicas that
    /// start together on an empty key table would otherwise each make their own key at the same moment, and for
    /// a while each would refuse the others' cookies.
    /// </summary>
    public static void EnsureDataProtectionKey(this IServiceProvider services)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        var now = DateTimeOffset.UtcNow;
        if (!keys.GetAllKeys().Any(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now.AddDays(2)))
        {
            keys.CreateNewKey(now, now + KeyLifetime);
        }
    }
}
