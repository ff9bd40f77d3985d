using Microsoft.AspNetCore.Mvc.Testing;

namespace GoCart.Site.Tests.Infrastructure;

/// <summary>Serving a test site on a real loopback port, for browsers, load and callers in other processes.</summary>
public static class KestrelSite
{
    /// <summary>Starts Kestrel on a free loopback port, points the factory's clients at it, and returns its address.</summary>
    public static string StartKestrel(this WebApplicationFactory<Program> factory)
    {
        var port = Loopback.FreePort();
        factory.UseKestrel(port);
        factory.StartServer();
        var site = $"http://127.0.0.1:{port}";
        factory.ClientOptions.BaseAddress = new Uri(site);
        return site;
    }
}
