using System.Text.Encodings.Web;
using System.Text.Unicode;
using GoCart.Site.Infrastructure.Problems;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.WebEncoders;

namespace GoCart.Site.Infrastructure;

/// <summary>Pages, authentication scaffolding, error handling, static assets and the default address.</summary>
public static class WebSetup
{
    public const string DefaultUrl = "http://localhost:5000";

    public static WebApplicationBuilder AddGoCartWeb(this WebApplicationBuilder builder, SiteSettings settings)
    {
        // Keys that sign cookies and antiforgery tokens survive restarts and container replacements.
        builder.Services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.DataDir, "keys")))
            .SetApplicationName("GoCart");

        // `dotnet run` and `dotnet GoCart.Site.dll` both listen on :5000 unless told otherwise.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"])
            && string.IsNullOrEmpty(builder.Configuration["URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddRazorPages();
        builder.AddGoCartErrors();

        // Pages are UTF-8: region names such as "Île-de-France" are written as they are, not as character references.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/admin/login";
                options.Cookie.Name = "gocart.admin";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    public static WebApplication UseGoCartWeb(this WebApplication app, SiteSettings settings)
    {
        app.UseGoCartErrors(settings);
        if (!app.Environment.IsDevelopment())
        {
            // Browsers that reached the site over HTTPS (through nginx) keep to HTTPS for a year.
            app.UseHsts();
        }

        app.UseRequestSizeGuard();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
