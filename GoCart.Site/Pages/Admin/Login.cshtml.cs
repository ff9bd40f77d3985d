using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using GoCart.Site.Admin;
using GoCart.Site.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace GoCart.Site.Pages.Admin;

/// <summary>
/// /admin/login: the one admin account from CARTOGRAM_ADMIN_USER and CARTOGRAM_ADMIN_PASSWORD_HASH, checked in
/// constant time, with lockout after repeated failures; success sets the admin cookie.
/// </summary>
[EnableRateLimiting(RateLimitSetup.SubmissionsPolicy)]
public sealed class LoginModel(SiteSettings settings, ILoginThrottle throttle) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public bool Configured => settings.HasAdmin;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!settings.HasAdmin)
        {
            Error = $"The admin login is not configured: set {SiteSettings.AdminUserKey} and {SiteSettings.AdminPasswordHashKey}.";
            return Page();
        }

        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await throttle.IsLockedOutAsync(client))
        {
            SiteMetrics.RecordRefusal("admin-lockout");
            Error = $"Too many failed attempts. Try again in {LoginThrottle.Window.TotalMinutes:0} minutes.";
            return Page();
        }

        var userMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(UserName ?? ""), Encoding.UTF8.GetBytes(settings.AdminUser!));
        var passwordMatches = PasswordHash.Verify(Password ?? "", settings.AdminPasswordHash!);
        if (!(userMatches && passwordMatches))
        {
            await throttle.RecordFailureAsync(client);
            Error = "Wrong user name or password.";
            return Page();
        }

        await throttle.ResetAsync(client);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, settings.AdminUser!), new Claim(ClaimTypes.Role, AdminDashboardAuthorization.AdminRole)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false, ExpiresUtc = DateTimeOffset.UtcNow.AddHours(8) });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin");
    }

    public async Task<IActionResult> OnPostLogoutAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }
}
