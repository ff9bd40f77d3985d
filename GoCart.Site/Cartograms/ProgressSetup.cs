using System.Text.Json;
using System.Text.RegularExpressions;
using GoCart.Lambda.Contract;
using GoCart.Site.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GoCart.Site.Cartograms;

/// <summary>
/// The progress store (Redis when CARTOGRAM_REDIS_URL is set, memory otherwise) and its two endpoints:
/// POST /api/progress, where the Lambda posts HMAC-signed reports (401 on a bad or stale signature), and
/// GET /api/progress/{key}, which the result page polls.
/// </summary>
public static partial class ProgressSetup
{
    private const int MaxBodyBytes = 16 * 1024;

    public static WebApplicationBuilder AddGoCartProgress(this WebApplicationBuilder builder, SiteSettings settings)
    {
        if (builder.Services.TryAddGoCartRedis(settings))
        {
            builder.Services.AddSingleton(ProgressKeyspace.For(settings));
            builder.Services.AddSingleton<IProgressStore, RedisProgressStore>();
        }
        else
        {
            builder.Services.AddSingleton<IProgressStore, MemoryProgressStore>();
        }

        builder.Services.TryAddSingleton(TimeProvider.System);

        return builder;
    }

    public static WebApplication MapGoCartProgress(this WebApplication app)
    {
        app.MapPost("/api/progress", ReceiveAsync);
        app.MapGet("/api/progress/{key}", async (string key, IProgressStore store, HttpContext context, CancellationToken cancellation) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            if (!KeyPattern().IsMatch(key) || await store.GetAsync(key, cancellation) is not { } update)
            {
                return Results.NotFound();
            }

            return Results.Text(JsonSerializer.Serialize(update, ContractJson.Default.ProgressUpdate), "application/json");
        });
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, SiteSettings settings, IProgressStore store, CancellationToken cancellation)
    {
        if (settings.ProgressSecret is not { } secret)
        {
            return Results.NotFound();
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellation);
        if (buffer.Length > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        if (!ProgressSignature.Verify(secret, headers[ProgressSignature.TimestampHeader], headers[ProgressSignature.SignatureHeader], body, DateTimeOffset.UtcNow, ProgressSignature.DefaultTolerance))
        {
            return Results.Unauthorized();
        }

        ProgressUpdate? update;
        try
        {
            update = JsonSerializer.Deserialize(body, ContractJson.Default.ProgressUpdate);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (update is null || !KeyPattern().IsMatch(update.Key) || update.Order < 1 || !(update.Progress is >= 0 and <= 1))
        {
            return Results.BadRequest();
        }

        await store.TryUpdateAsync(update, cancellation);
        return Results.NoContent();
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex KeyPattern();
}
