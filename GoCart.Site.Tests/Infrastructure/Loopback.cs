using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace GoCart.Site.Tests.Infrastructure;

/// <summary>Loopback plumbing shared by the tests that run real servers: free ports, waiting for a listener, small Kestrel apps.</summary>
public static class Loopback
{
    /// <summary>The subject of the throw-away certificates loopback nginx serves (Deployment/LoopbackNginx).</summary>
    public const string TestCertificateSubject = "CN=go-cart.example.org";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task WaitUntilListeningAsync(int port)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"Nothing listens on 127.0.0.1:{port}.");
    }

    /// <summary>
    /// An HTTP client whose connections leave from <paramref name="source"/> (any 127.x.y.z address), so that the
    /// site, directly or behind nginx, sees that address as the client: tests that count per address (rate limits,
    /// lockouts) each use their own. It keeps cookies (in <paramref name="cookies"/> when given: clients of two
    /// loopback ports sharing one jar behave as one browser), follows no redirects and accepts test certificates.
    /// </summary>
    public static HttpClient ClientFrom(IPAddress source, string baseUrl, CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = cookies ?? new CookieContainer(),
            // The loopback nginx's certificate is made by the test for this name; anything else must validate.
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, errors) => errors == SslPolicyErrors.None || certificate?.Subject == TestCertificateSubject },
            ConnectCallback = async (context, cancellation) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>A quiet Kestrel app bound to a free loopback port; map endpoints, then start it.</summary>
    public static (WebApplication App, int Port) WebApp()
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        return (builder.Build(), port);
    }
}
