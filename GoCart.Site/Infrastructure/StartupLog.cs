namespace GoCart.Site.Infrastructure;

/// <summary>Says once, at start-up, which backend each concern uses (ARCHITECTURE.md), without secrets.</summary>
public static partial class StartupLog
{
    public static void LogBackends(this WebApplication app, SiteSettings settings)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GoCart.Startup");
        Backend(log, "database", PersistenceSetup.Describe(settings));
        Backend(log, "background jobs", HangfireSetup.Describe(settings));
        Backend(log, "progress store", settings.UsesRedis ? "Redis" : "in memory");
        Backend(log, "cartogram computation", Cartograms.CartogramComputationSetup.Describe(settings));
        Backend(log, "engine concurrency", Cartograms.CartogramComputationSetup.DescribeConcurrency(settings));
        Backend(log, "data-protection keys", settings.UsesPostgres ? "PostgreSQL (shared by every replica)" : $"files in {Path.Combine(settings.DataDir, "keys")}");
        Backend(log, "rate limits and admin lockout", settings.UsesRedis ? "Redis (shared by every replica)" : "in memory (this process)");
        Backend(log, "mail", new Contact.MailSettings(settings).Describe());
    }

    public static void LogMigrated(this WebApplication app, SiteSettings settings) =>
        Migrated(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GoCart.Startup"), PersistenceSetup.Describe(settings));

    [LoggerMessage(Level = LogLevel.Information, Message = "Backend for {Concern}: {Backend}")]
    private static partial void Backend(ILogger logger, string concern, string backend);

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrations applied to {Database}")]
    private static partial void Migrated(ILogger logger, string database);
}
