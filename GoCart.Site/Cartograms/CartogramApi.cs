using System.Text;
using System.Text.RegularExpressions;
using GoCart.Lambda.Geo;
using GoCart.Site.Data;
using GoCart.Site.Infrastructure;
using GoCart.Site.Maps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Cartograms;

/// <summary>
/// The public JSON API (/api/v1): list maps, submit a cartogram, poll it, download its results. Documented at
/// /api/v1/openapi.json. The result pages link to the same download endpoints.
/// </summary>
public static partial class CartogramApi
{
    public const long MaxBodyBytes = 10 * 1024 * 1024;

    public static WebApplication MapCartogramApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("GoCart");
        api.MapGet("/maps", (MapLibrary maps) => maps.Maps.Select(m => new MapSummary(m.Id, m.Name, m.Regions.Count)))
            .WithName("ListMaps").WithSummary("The built-in maps.");
        api.MapPost("/cartograms", CreateAsync)
            .WithName("CreateCartogram").WithSummary("Queue a cartogram; poll the Location for its status.")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireRateLimiting(RateLimitSetup.SubmissionsPolicy);
        api.MapGet("/cartograms/{key}", StatusAsync).WithName("GetCartogram").WithSummary("A cartogram's status, progress and statistics.");
        api.MapGet("/cartograms/{key}/cartogram.geojson", (string key, GoCartDbContext db, CancellationToken ct) =>
            Download(key, db, r => Task.FromResult(Results.File(CartogramResult.FeatureCollection(CompressedJson.Decompress(r.ResultJson!), "cartogram"), "application/geo+json", FileName(r, "geojson"))), ct))
            .WithName("GetCartogramGeoJson").WithSummary("The cartogram as GeoJSON in equal-area projection units.");
        api.MapGet("/cartograms/{key}/equal-area.geojson", (string key, GoCartDbContext db, CancellationToken ct) =>
            Download(key, db, r => Task.FromResult(Results.File(CartogramResult.FeatureCollection(CompressedJson.Decompress(r.ResultJson!), "equalAreaMap"), "application/geo+json", FileName(r, "equal-area.geojson"))), ct))
            .WithName("GetEqualAreaGeoJson").WithSummary("The projected original map, with the same rings and vertices as the cartogram.");
        api.MapGet("/cartograms/{key}/cartogram.svg", (string key, GoCartDbContext db, CartogramViews views, CancellationToken ct) =>
            Download(key, db, async r => Results.File(Encoding.UTF8.GetBytes(await views.SvgAsync(r, db, ct)), "image/svg+xml", FileName(r, "svg")), ct, withPayload: false))
            .WithName("GetCartogramSvg").WithSummary("The cartogram as SVG.");
        api.MapGet("/cartograms/{key}/cartogram.png", (string key, GoCartDbContext db, CartogramViews views, CancellationToken ct) =>
            Download(key, db, async r => Results.File(await views.PngAsync(r, db, ct), "image/png", FileName(r, "png")), ct, withPayload: false))
            .WithName("GetCartogramPng").WithSummary("The cartogram as PNG.");
        api.MapGet("/cartograms/{key}/data.csv", DataAsync).WithName("GetCartogramData").WithSummary("The data the cartogram was made from, as CSV.");
        return app;
    }

    private static async Task<Results<Accepted<CreatedCartogram>, BadRequest<ApiError>>> CreateAsync(
        CreateCartogramBody body, SubmissionFactory factory, CartogramSubmitter submitter, CancellationToken cancellation)
    {
        try
        {
            IReadOnlyList<DataRow> rows = body switch
            {
                { Csv: { Length: > 0 } csv } => DataFiles.FromCsv(csv, body.Column).Rows,
                { Values: { Count: > 0 } values } => [.. values.Select(v => new DataRow(v.Key, v.Value))],
                _ => throw new MapInputException("Give the data as \"csv\" (CSV text) or as \"values\" (region → number)."),
            };
            if (rows.Any(r => r.Value is { } v && (!double.IsFinite(v) || v < 0)))
            {
                var bad = rows.First(r => r.Value is { } v && (!double.IsFinite(v) || v < 0));
                throw new MapInputException($"Region \"{bad.Name}\" has the value {bad.Value}; values must be zero or more.");
            }

            var geometry = body.Geometry is { ValueKind: System.Text.Json.JsonValueKind.Object or System.Text.Json.JsonValueKind.String } g ? UploadedMap.Normalise(g, body.ObjectName) : (System.Text.Json.JsonElement?)null;
            if (geometry is null && body.Map is null)
            {
                throw new MapInputException("Give \"map\" (a library map id from GET /api/v1/maps) or \"geometry\" (GeoJSON, TopoJSON, or a zipped shapefile in base64).");
            }

            var submission = factory.Create(body.Map, geometry, body.RegionIdProperty, rows, body.Column, body.Title, body.MaxAreaError);
            var key = await submitter.SubmitAsync(submission, cancellation);
            return TypedResults.Accepted($"/api/v1/cartograms/{key}", new CreatedCartogram(key, "queued"));
        }
        catch (MapInputException exception)
        {
            return TypedResults.BadRequest(new ApiError(exception.Message));
        }
    }

    private static async Task<Results<Ok<CartogramStatusBody>, NotFound<ApiError>>> StatusAsync(
        string key, GoCartDbContext db, IProgressStore progress, CartogramViews views, HttpContext context, CancellationToken cancellation)
    {
        context.Response.Headers.CacheControl = "no-store";
        var record = await FindAsync(key, db, cancellation, withPayload: false);
        if (record is null)
        {
            return TypedResults.NotFound(new ApiError($"There is no cartogram \"{key}\"."));
        }

        var update = record.Status is CartogramRecordStatus.Succeeded ? null : await progress.GetAsync(key, cancellation);
        var stats = record.Status is CartogramRecordStatus.Succeeded ? await views.StatisticsAsync(record, db, cancellation) : null;
        var fraction = record.Status switch
        {
            CartogramRecordStatus.Succeeded => 1,
            _ => update?.Progress ?? 0,
        };
        return TypedResults.Ok(new CartogramStatusBody(key, StatusName(record.Status), fraction,
            record.Status == CartogramRecordStatus.Failed ? "failed" : update?.Stage ?? (record.Status == CartogramRecordStatus.Queued ? "queued" : null), record.Error, record.Title, stats));
    }

    private static async Task<IResult> DataAsync(string key, GoCartDbContext db, CancellationToken cancellation)
    {
        var record = await FindAsync(key, db, cancellation);
        if (record is null)
        {
            return TypedResults.NotFound(new ApiError($"There is no cartogram \"{key}\"."));
        }

        var submission = CompressedJson.Deserialize<CartogramSubmission>(record.RequestJson);
        return Results.File(DataCsv.Write(submission), "text/csv; charset=utf-8", FileName(record, "csv"));
    }

    /// <summary>A result's file; pictures come from the cache when it holds them, so they skip reading the payload.</summary>
    private static async Task<IResult> Download(string key, GoCartDbContext db, Func<CartogramRecord, Task<IResult>> file, CancellationToken cancellation, bool withPayload = true)
    {
        var record = await FindAsync(key, db, cancellation, withPayload);
        return record switch
        {
            null => TypedResults.NotFound(new ApiError($"There is no cartogram \"{key}\".")),
            { Status: CartogramRecordStatus.Succeeded } => await file(record),
            _ => TypedResults.Conflict(new ApiError($"Cartogram \"{key}\" is {StatusName(record.Status)}; results are available once it has succeeded.")),
        };
    }

    internal static async Task<CartogramRecord?> FindAsync(string key, GoCartDbContext db, CancellationToken cancellation, bool withPayload = true)
    {
        if (!CartogramKeys.IsWellFormed(key))
        {
            return null;
        }

        var query = db.Cartograms.AsNoTracking().Where(c => c.Key == key && c.Status != CartogramRecordStatus.Draft);
        return await (withPayload ? query : query.WithoutPayload()).FirstOrDefaultAsync(cancellation);
    }

    public static string StatusName(CartogramRecordStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A download's file name from the title: "world-by-country-population-people.png".</summary>
    public static string FileName(CartogramRecord record, string extension)
    {
        var slug = Slug().Replace(record.Title.ToLowerInvariant(), "-").Trim('-');
        return $"{(slug.Length == 0 ? "cartogram" : slug[..Math.Min(slug.Length, 80)])}.{extension}";
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Slug();
}
