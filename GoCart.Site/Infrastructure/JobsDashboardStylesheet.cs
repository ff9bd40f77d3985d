using Hangfire.Dashboard;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// GoCart's stylesheet for Hangfire's jobs dashboard (JobsDashboard.css: touch targets of 44 px on phones).
/// Hangfire keeps its dashboard's stylesheets in a process-wide list (<see cref="DashboardRoutes"/>), so ours is
/// added once per process however many hosts start in it (the tests start many): a second entry would be served twice.
/// </summary>
public static class JobsDashboardStylesheet
{
    public const string ResourceName = "GoCart.Site.Infrastructure.JobsDashboard.css";

    private static int _added;

    public static void AddOnce()
    {
        if (Interlocked.Exchange(ref _added, 1) == 0)
        {
            DashboardRoutes.AddStylesheet(typeof(JobsDashboardStylesheet).Assembly, ResourceName);
        }
    }
}
