using GoCart.Site.Cartograms;
using Microsoft.AspNetCore.Diagnostics;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// Refuses a request whose declared body is larger than any upload GoCart accepts, before anything reads it:
/// 413 with the friendly error page that states the limit. (Kestrel's own limit still stops bodies that do not
/// declare their length.)
/// </summary>
public static class RequestSizeGuard
{
    public const long MaxRequestBytes = CartogramsSetup.MaxUploadBytes + (2 * 1024 * 1024);

    public static WebApplication UseRequestSizeGuard(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // The error page that follows re-runs the pipeline with the same request: let it through.
            if (context.Request.ContentLength > MaxRequestBytes && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            await next(context);
        });
        return app;
    }
}
