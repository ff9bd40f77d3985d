using GoCart.Site.Data;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Infrastructure;

/// <summary>EF Core: PostgreSQL when CARTOGRAM_DATABASE_URL is set, otherwise a SQLite file in the data folder.</summary>
public static class PersistenceSetup
{
    public static WebApplicationBuilder AddGoCartPersistence(this WebApplicationBuilder builder, SiteSettings settings)
    {
        if (settings.DatabaseUrl is { } url && SiteSettingsValidator.TryPostgres(url, out var connectionString))
        {
            builder.Services.AddDbContext<GoCartDbContext, PostgresDbContext>(options => options.UseNpgsql(connectionString));
        }
        else
        {
            Directory.CreateDirectory(settings.DataDir);
            var file = Path.Combine(settings.DataDir, "gocart.db");
            builder.Services.AddDbContext<GoCartDbContext, SqliteDbContext>(options => options.UseSqlite($"Data Source={file}"));
        }

        return builder;
    }

    /// <summary>Applies pending migrations of whichever database is configured.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellation = default)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
        await database.Database.MigrateAsync(cancellation);
    }

    /// <summary>What the log says about the database: engine and host or file, never credentials.</summary>
    public static string Describe(SiteSettings settings) =>
        settings.DatabaseUrl is { } url && SiteSettingsValidator.TryPostgres(url, out var connectionString)
            ? $"PostgreSQL at {new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Host}"
            : $"SQLite file {Path.Combine(settings.DataDir, "gocart.db")}";
}
