using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
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

    /// <summary>How often idle workers look for new jobs: a queued cartogram waits at most this long to start.</summary>
    private static readonly TimeSpan QueuePollInterval = TimeSpan.FromMilliseconds(200);

    public static WebApplicationBuilder AddGoCartJobs(this WebApplicationBuilder builder, SiteSettings settings)
    {
        // The storage and the job activator are this host's own instances, registered before AddHangfire:
        // Hangfire's defaults hand out the process-wide JobStorage.Current and JobActivator.Current, which another
        // host in the same process (the tests run many) replaces, so jobs would run against its storage and services.
        var storage = Storage(settings);
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(storage));
        builder.Services.AddHangfireServer((provider, options) =>
        {
            // Every replica runs a server on the shared store; each takes jobs as its workers come free.
            options.WorkerCount = settings.JobWorkers;
            options.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            // Hangfire's own providers (the jobs' attributes, such as AutomaticRetry) plus this host's metrics.
            var ownFilters = new JobFilterCollection();
            ownFilters.Add(new JobMetricsFilter(provider.GetRequiredService<TimeProvider>()));
            options.FilterProvider = new JobFilterProviderCollection([.. JobFilterProviders.Providers, ownFilters]);
        });
        return builder;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "Two storage types; callers need the common base.")]
    private static JobStorage Storage(SiteSettings settings)
    {
        if (settings.DatabaseUrl is { } url && SiteSettingsValidator.TryPostgres(url, out var connectionString))
        {
            // Sliding: the running process renews its claim on a job, so the timeout can be short and a job whose
            // process died runs again soon, while a long job is never taken over by another worker.
            var options = new PostgreSqlStorageOptions
            {
                QueuePollInterval = QueuePollInterval,
                PrepareSchemaIfNecessary = true,
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = settings.JobInvisibilityTimeout,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        }

        // The SQLite store has no sliding timeout: it keeps its 30 minutes, which no cartogram takes.
        Directory.CreateDirectory(settings.DataDir);
        return new SQLiteStorage(Path.Combine(settings.DataDir, "hangfire.db"), new SQLiteStorageOptions { QueuePollInterval = QueuePollInterval });
    }

    public static WebApplication MapGoCartJobsDashboard(this WebApplication app)
    {
        JobsDashboardStylesheet.AddOnce();
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorization()],
            DashboardTitle = "GoCart jobs",
            AppPath = "/admin",
        }).RequireAuthorization(Admin.AdminSetup.AdminPolicy);
        return app;
    }

    public static string Describe(SiteSettings settings) =>
        (settings.UsesPostgres ? "Hangfire on PostgreSQL" : $"Hangfire on SQLite file {Path.Combine(settings.DataDir, "hangfire.db")}")
        + $", {settings.JobWorkers} workers in this process";
}
