using System.Data.Common;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// Whether an unhandled exception comes from the database being out of reach (a restart, a network blip): such
/// requests answer 503 "briefly unavailable" with Retry-After instead of 500, since nothing is wrong with the
/// request or the data and trying again shortly works.
/// </summary>
public static class DatabaseOutage
{
    public static bool IsCause(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            // Transient database errors are lost connections, shutdowns and timeouts; a broken query is not one.
            if (current is DbException { IsTransient: true } or TimeoutException or System.Net.Sockets.SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
