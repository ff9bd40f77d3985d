using GoCart.Site.Infrastructure;
using Hangfire;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GoCart.Site.Admin;

/// <summary>
/// The admin area: pages under /admin (and the jobs dashboard) for the admin role only, the login throttle (in
/// Redis when it is configured, so a lockout holds on every replica),
/// the overview's queries, and the daily CleanupStaleShares job.
/// </summary>
public static class AdminSetup
{
    public const string AdminPolicy = "admin";

    public static WebApplicationBuilder AddGoCartAdmin(this WebApplicationBuilder builder, SiteSettings settings)
    {
        builder.Services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, policy => policy.RequireRole(AdminDashboardAuthorization.AdminRole));
        builder.Services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", AdminPolicy);
            options.Conventions.AllowAnonymousToPage("/Admin/Login");
        });
        builder.Services.AddSingleton<LoginThrottle>();
        if (builder.Services.TryAddGoCartRedis(settings))
        {
            builder.Services.AddSingleton<ILoginThrottle, RedisLoginThrottle>();
        }
        else
        {
            builder.Services.AddSingleton<ILoginThrottle>(provider => provider.GetRequiredService<LoginThrottle>());
        }

        builder.Services.AddScoped<AdminOverview>();
        builder.Services.AddScoped<CleanupStaleSharesJob>();
        return builder;
    }

    /// <summary>Schedules the cleanup every day at 03:00 UTC (idempotent: re-registering updates the schedule).</summary>
    public static WebApplication ScheduleGoCartCleanup(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<CleanupStaleSharesJob>(CleanupStaleSharesJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Daily(3));
        return app;
    }
}
