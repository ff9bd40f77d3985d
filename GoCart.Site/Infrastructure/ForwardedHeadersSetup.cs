using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// Believes X-Forwarded-For/-Proto/-Host only from the reverse proxy: loopback, plus the addresses in
/// CARTOGRAM_TRUSTED_PROXIES (in production.yml the Docker network gateway, through which nginx on the host
/// reaches the container). Anyone else's forwarded headers are ignored, so a client cannot pose as another
/// address or as HTTPS.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static WebApplication UseGoCartForwardedHeaders(this WebApplication app, SiteSettings settings)
    {
        app.UseForwardedHeaders(Options(settings));
        return app;
    }

    public static ForwardedHeadersOptions Options(SiteSettings settings)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            // nginx appends the address it saw; only that last hop is believed.
            ForwardLimit = 1,
        };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("127.0.0.0/8"));
        options.KnownProxies.Add(IPAddress.IPv6Loopback);
        foreach (var proxy in settings.TrustedProxies)
        {
            options.KnownProxies.Add(proxy);
        }

        return options;
    }

    /// <summary>Whether the caller is this machine itself: loopback or a trusted proxy, with no forwarded client in between.</summary>
    public static bool IsLocalCaller(HttpContext context, SiteSettings settings) =>
        context.Connection.RemoteIpAddress is { } remote
        && (IPAddress.IsLoopback(remote) || settings.TrustedProxies.Contains(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
        && !context.Request.Headers.ContainsKey("X-Forwarded-For");
}
