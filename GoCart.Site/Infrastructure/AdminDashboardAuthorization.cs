using Hangfire.Dashboard;

namespace GoCart.Site.Infrastructure;

/// <summary>The jobs dashboard and its API are for signed-in admins only; everyone else is refused.</summary>
public sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public const string AdminRole = "admin";

    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(AdminRole);
    }
}
