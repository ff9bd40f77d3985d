using System.Text;
using System.Text.RegularExpressions;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline.Simplification;
using GoCart.Site.Data;
using GoCart.Site.Infrastructure;
using GoCart.Site.Infrastructure.Problems;
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

    private const string GeoJsonType = "application/geo+json";
    private const string SvgType = "image/svg+xml";
    private const string PngType = "image/png";
    private const string CsvType = "text/csv; charset=utf-8";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The value column's name when the data does not give one: nothing claims a quantity or a unit.</summary>
    public const string DefaultColumn = "Value";

    public static WebApplication MapCartogramApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("GoCart")
            .ProducesProblem(StatusCodes.Status405MethodNotAllowed)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/maps", (MapLibrary maps) => maps.Listed.Select(m => new MapSummary(m.Id, m.Name, m.Regions.Count)))
            .WithName("ListMaps").WithSummary("The built-in maps.");
        api.MapPost("/cartograms", CreateAsync)
            .WithName("CreateCartogram").WithSummary("Queue a cartogram; poll the Location for its status.")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireRateLimiting(RateLimitSetup.SubmissionsPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/cartograms/{key}", StatusAsync).WithName("GetCartogram").WithSummary("A cartogram's status, progress and statistics; a failed one answers 200 with its error.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/cartograms/{key}/cartogram.geojson", (string key, GoCartDbContext db, HttpContext context, CancellationToken ct) =>
            Download(key, db, context, r => Task.FromResult(Results.File(CartogramResult.FeatureCollection(CompressedJson.Decompress(r.ResultJson!), "cartogram"), GeoJsonType, FileName(r, "geojson"))), ct))
            .WithName("GetCartogramGeoJson").WithSummary("The cartogram as GeoJSON in equal-area projection units.").DownloadOf(GeoJsonType);
        api.MapGet("/cartograms/{key}/equal-area.geojson", (string key, GoCartDbContext db, HttpContext context, CancellationToken ct) =>
            Download(key, db, context, r => Task.FromResult(Results.File(CartogramResult.FeatureCollection(CompressedJson.Decompress(r.ResultJson!), "equalAreaMap"), GeoJsonType, FileName(r, "equal-area.geojson"))), ct))
            .WithName("GetEqualAreaGeoJson").WithSummary("The projected original map, with the same rings and vertices as the cartogram.").DownloadOf(GeoJsonType);
        api.MapGet("/cartograms/{key}/cartogram.svg", (string key, GoCartDbContext db, CartogramViews views, HttpContext context, CancellationToken ct) =>
            Download(key, db, context, async r => Results.File(Encoding.UTF8.GetBytes(await views.SvgAsync(r, db, ct)), SvgType, FileName(r, "svg")), ct, withPayload: false))
            .WithName("GetCartogramSvg").WithSummary("The cartogram as SVG.").DownloadOf(SvgType);
        api.MapGet("/cartograms/{key}/cartogram.png", (string key, GoCartDbContext db, CartogramViews views, HttpContext context, CancellationToken ct) =>
            Download(key, db, context, async r => Results.File(await views.PngAsync(r, db, ct), PngType, FileName(r, "png")), ct, withPayload: false))
            .WithName("GetCartogramPng").WithSummary("The cartogram as PNG.").DownloadOf(PngType);
        api.MapGet("/cartograms/{key}/data.csv", (string key, GoCartDbContext db, Datasets datasets, HttpContext context, CancellationToken ct) =>
            DataAsync(key, db, datasets, context, t => TypedResults.File(DataCsv.Write(t), CsvType, "csv"), ct))
            .WithName("GetCartogramData").WithSummary("The data the cartogram was made from, every value column of its dataset, as CSV.")
            .Produces<string>(StatusCodes.Status200OK, CsvType).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/cartograms/{key}/data.xlsx", (string key, GoCartDbContext db, Datasets datasets, HttpContext context, CancellationToken ct) =>
            DataAsync(key, db, datasets, context, t => TypedResults.File(Xlsx.Write("Data", t.Header, t.Rows), XlsxType, "xlsx"), ct))
            .WithName("GetCartogramDataXlsx").WithSummary("The data the cartogram was made from, every value column of its dataset, as an Excel workbook.")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxType).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Accepted<CreatedCartogram>, ProblemHttpResult>> CreateAsync(
        CreateCartogramBody body, SubmissionFactory factory, CartogramSubmitter submitter, MapLibrary maps, HttpContext context, CancellationToken cancellation)
    {
        try
        {
            var columns = Data(body);
            var geometry = body.Geometry is { ValueKind: System.Text.Json.JsonValueKind.Object or System.Text.Json.JsonValueKind.String } g ? UploadedMap.Normalise(g, body.ObjectName) : (System.Text.Json.JsonElement?)null;
            if (geometry is null && body.Map is null)
            {
                throw new MapInputException("Give \"map\" (a library map id from GET /api/v1/maps) or \"geometry\" (GeoJSON, TopoJSON, or a zipped shapefile in base64).") { Field = body.Geometry is null ? "map" : "geometry" };
            }

            var layers = ApiLayers.Read(body.Layers);
            var (maxPoints, tolerance) = Compactness(body);
            var farFlung = ApiFarFlung.Read(body, geometry, factory);
            var submissions = new List<CartogramSubmission>(columns.Count);
            foreach (var (rows, column, field) in columns)
            {
                var submission = factory.Create(body.Map, geometry, body.RegionIdProperty, rows, column, body.Title, body.MaxAreaError, field) with { Layers = layers, MaxPoints = maxPoints, Tolerance = tolerance, FarFlung = farFlung.FarFlung, LeaveOut = farFlung.LeaveOut, FarParts = farFlung.FarParts };
                var verdict = SubmissionGuardrail.Check(submission.ValueColumn, [.. submission.Rows.Select(r => (r.Id, r.Value))], maps.Find(submission.MapId));
                submissions.Add(submission with { Guardrail = verdict.Message });
            }

            var key = await submitter.SubmitColumnsAsync(submissions, cancellation);
            var guardrail = submissions.Select(s => s.Guardrail).OfType<string>().Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } messages ? string.Join(" ", messages) : null;
            return TypedResults.Accepted($"/api/v1/cartograms/{key}", new CreatedCartogram(key, "queued")
            {
                Guardrail = guardrail,
                ChoroplethView = ChoroplethLink.For(key, [.. submissions.Select(s => s.Guardrail)]),
            });
        }
        catch (MapInputException exception)
        {
            var status = exception is UnusableValueException ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest;
            return ApiProblem.Result(status, exception.Message, exception.Field, exception.Region, context.Request.Path);
        }
    }

    /// <summary>
    /// Each column's rows, its name with its unit (the CSV header's, or "column"/"columns[i].name"), and the field
    /// the rows came in: one column for "csv" or "values", one per entry of "columns".
    /// </summary>
    private static IReadOnlyList<(IReadOnlyList<DataRow> Rows, string Column, string Field)> Data(CreateCartogramBody body)
    {
        if (body.Columns is { Count: > 0 } columns)
        {
            return ApiColumns.Read(columns, body.Csv is { Length: > 0 } text ? text : null);
        }

        return [OneColumn(body)];
    }

    private static (IReadOnlyList<DataRow> Rows, string Column, string Field) OneColumn(CreateCartogramBody body)
    {
        if (body.Csv is { Length: > 0 } csv)
        {
            var data = CsvColumn(csv, body.Column);
            return (data.Rows, data.ValueColumn, "csv");
        }

        if (body.Values is { Count: > 0 } values)
        {
            return ([.. values.Select(v => new DataRow(v.Key, v.Value))], body.Column is { Length: > 0 } c ? c.Trim() : DefaultColumn, "values");
        }

        throw new MapInputException("Give the data as \"csv\" (CSV text with a header such as \"region,GDP (billion EUR)\") or as \"values\" (region → number, with \"column\" naming them).") { Field = body.Csv is null ? "values" : "csv" };
    }

    /// <summary>One value column of CSV text; a problem names the field "csv".</summary>
    internal static UploadedData CsvColumn(string csv, string? column)
    {
        try
        {
            return DataFiles.FromCsv(csv, column);
        }
        catch (MapInputException exception) when (exception.Field is null)
        {
            throw exception is UnusableValueException
                ? new UnusableValueException(exception.Message, exception) { Field = "csv", Region = exception.Region }
                : new MapInputException(exception.Message, exception) { Field = "csv", Region = exception.Region };
        }
    }

    private static async Task<Results<Ok<CartogramStatusBody>, ProblemHttpResult>> StatusAsync(
        string key, GoCartDbContext db, IProgressStore progress, CartogramViews views, Datasets datasets, HttpContext context, CancellationToken cancellation)
    {
        context.Response.Headers.CacheControl = "no-store";
        var record = await FindAsync(key, db, cancellation, withPayload: false);
        if (record is null)
        {
            return NoSuchCartogram(key, context);
        }

        var own = await ColumnStatusAsync(record);
        var columns = await datasets.ColumnsAsync(record, cancellation);
        if (columns.Count == 1)
        {
            return TypedResults.Ok(new CartogramStatusBody(key, own.Status, own.Progress, own.Stage, own.Error, record.Title, own.Stats));
        }

        var states = new List<ColumnStatusBody>(columns.Count);
        foreach (var column in columns)
        {
            var state = column.CartogramKey == key ? own : await ColumnStatusAsync(await datasets.ColumnRecordAsync(record, column.Index, cancellation));
            states.Add(state with { Index = column.Index, Name = column.Name, Key = column.CartogramKey });
        }

        // The dataset as a whole: done once every column is, succeeded when every column did.
        var failed = states.Where(s => s.Status == "failed").ToList();
        var done = states.All(s => s.Status is "succeeded" or "failed");
        var status = !done ? (states.All(s => s.Status == "queued") ? "queued" : "running") : failed.Count == 0 ? "succeeded" : "failed";
        var error = done && failed.Count > 0
            ? $"{failed.Count} of {states.Count} columns failed ({string.Join("; ", failed.Select(f => $"\"{f.Name}\": {f.Error}"))}); the others are computed."
            : null;
        return TypedResults.Ok(new CartogramStatusBody(key, status, states.Average(s => s.Progress), done ? (failed.Count > 0 ? "failed" : null) : "computing columns", error, record.Title, own.Stats) { Columns = states });

        async Task<ColumnStatusBody> ColumnStatusAsync(CartogramRecord? column)
        {
            if (column is null)
            {
                return new ColumnStatusBody(0, "", "", "failed", 0, "failed", "This column's cartogram is no longer stored.", null);
            }

            // A record queued and never started has no progress of its own: what is stored under its key is an earlier
            // run's (a library example's key is derived from its map).
            var started = column.Status is not CartogramRecordStatus.Succeeded && (column.Status != CartogramRecordStatus.Queued || column.StartedUtc is not null);
            var update = started ? await progress.GetAsync(column.Key, cancellation) : null;
            var stats = column.Status is CartogramRecordStatus.Succeeded ? await views.StatisticsAsync(column, db, cancellation) : null;
            var stage = column.Status == CartogramRecordStatus.Failed ? "failed" : update?.Stage ?? (column.Status == CartogramRecordStatus.Queued ? "queued" : null);
            return new ColumnStatusBody(0, "", column.Key, StatusName(column.Status), column.Status is CartogramRecordStatus.Succeeded ? 1 : update?.Progress ?? 0, stage, column.Error, stats);
        }
    }

    private static async Task<IResult> DataAsync(string key, GoCartDbContext db, Datasets datasets, HttpContext context, Func<DatasetTable, FileContentHttpResult> file, CancellationToken cancellation)
    {
        var record = await FindAsync(key, db, cancellation, withPayload: false);
        if (record is null)
        {
            return NoSuchCartogram(key, context);
        }

        var answer = file(await DatasetTable.ReadAsync(record, datasets, db, cancellation));
        return Results.File(answer.FileContents.ToArray(), answer.ContentType, FileName(record, answer.FileDownloadName!));
    }

    /// <summary>A result's file; pictures come from the cache when it holds them, so they skip reading the payload.</summary>
    private static async Task<IResult> Download(string key, GoCartDbContext db, HttpContext context, Func<CartogramRecord, Task<IResult>> file, CancellationToken cancellation, bool withPayload = true)
    {
        var record = await FindAsync(key, db, cancellation, withPayload);
        return record switch
        {
            null => NoSuchCartogram(key, context),
            { Status: CartogramRecordStatus.Succeeded } => await file(record),
            { Status: CartogramRecordStatus.Failed } => ApiProblem.Result(StatusCodes.Status409Conflict,
                $"Cartogram \"{key}\" failed, so it has no results: {record.Error} Its status is at /api/v1/cartograms/{key}.", "key", instance: context.Request.Path),
            _ => ApiProblem.Result(StatusCodes.Status409Conflict,
                $"Cartogram \"{key}\" is {StatusName(record.Status)}; its results are available once it has succeeded. Poll /api/v1/cartograms/{key} until its status is \"succeeded\".", "key", instance: context.Request.Path),
        };
    }

    private static ProblemHttpResult NoSuchCartogram(string key, HttpContext context) =>
        ApiProblem.Result(StatusCodes.Status404NotFound,
            $"There is no cartogram \"{key}\". Keys are the 32 characters from the Location of POST /api/v1/cartograms; results that were never shared are deleted after a few days.", "key", instance: context.Request.Path);

    internal static async Task<CartogramRecord?> FindAsync(string key, GoCartDbContext db, CancellationToken cancellation, bool withPayload = true)
    {
        if (!CartogramKeys.IsWellFormed(key))
        {
            return null;
        }

        var query = db.Cartograms.AsNoTracking().Where(c => c.Key == key && c.Status != CartogramRecordStatus.Draft);
        return await (withPayload ? query : query.WithoutPayload()).FirstOrDefaultAsync(cancellation);
    }

    /// <summary>A result download: its content type, or a problem when the key is unknown (404) or not succeeded (409).</summary>
    private static RouteHandlerBuilder DownloadOf(this RouteHandlerBuilder endpoint, string contentType) =>
        endpoint.Produces<byte[]>(StatusCodes.Status200OK, contentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>The request's maxPoints and tolerance, checked here so a wrong value is a 400 at once rather than a failed job.</summary>
    private static (int? MaxPoints, double? Tolerance) Compactness(CreateCartogramBody body)
    {
        if (body.MaxPoints is { } points && OutputBudget.MaxPointsProblem("maxPoints", points) is { } pointsProblem)
        {
            throw new MapInputException(pointsProblem) { Field = "maxPoints" };
        }

        if (body.Tolerance is { } tolerance && OutputBudget.ToleranceProblem("tolerance", tolerance) is { } toleranceProblem)
        {
            throw new MapInputException(toleranceProblem) { Field = "tolerance" };
        }

        return (body.MaxPoints, body.Tolerance);
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
