using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// Background jobs: Hangfire on PostgreSQL in production, on a SQLite file in the data folder by default (jobs
/// survive a restart either way), with the server in the site's process and the dashboard at /admin/jobs for
/// admins only.
/// </summary>
public static class HangfireSetup
{
    public const string DashboardPath = "/admin/jobs";

    public static WebApplicationBuilder AddGoCartJobs(this WebApplicationBuilder builder, SiteSettings settings)
    {
        builder.Services.AddHangfire(configuration =>
        {
            configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (settings.DatabaseUrl is { } url && SiteSettingsValidator.TryPostgres(url, out var connectionString))
            {
                configuration.UsePostgreSqlStorage(
                    options => options.UseNpgsqlConnection(connectionString),
                    new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1), PrepareSchemaIfNecessary = true });
            }
            else
            {
                Directory.CreateDirectory(settings.DataDir);
                configuration.UseSQLiteStorage(
                    Path.Combine(settings.DataDir, "hangfire.db"),
                    new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
            }
        });
        builder.Services.AddHangfireServer(options =>
        {
            options.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            options.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        return builder;
    }

    public static WebApplication MapGoCartJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorization()],
            DashboardTitle = "GoCart jobs",
            AppPath = "/admin",
        });
        return app;
    }

    public static string Describe(SiteSettings settings) =>
        settings.UsesPostgres ? "Hangfire on PostgreSQL" : $"Hangfire on SQLite file {Path.Combine(settings.DataDir, "hangfire.db")}";
}
