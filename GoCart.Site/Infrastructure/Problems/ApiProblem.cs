using GoCart.Site.Cartograms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace GoCart.Site.Infrastructure.Problems;

/// <summary>
/// The JSON API's errors as RFC 9457 problem details (<c>application/problem+json</c>): <c>type</c>,
/// <c>title</c>, <c>status</c>, a <c>detail</c> that says what to do, the <c>instance</c> path, and, when they
/// apply, the request <c>field</c> and the <c>region</c> concerned. <c>error</c> repeats <c>detail</c> for
/// clients written against the API's first error shape.
/// </summary>
public static class ApiProblem
{
    public const string ContentType = "application/problem+json";

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static ProblemHttpResult Result(int status, string detail, string? field = null, string? region = null, string? instance = null) =>
        TypedResults.Problem(Details(status, detail, field, region, instance));

    public static ProblemDetails Details(int status, string detail, string? field = null, string? region = null, string? instance = null)
    {
        var problem = new ProblemDetails
        {
            Type = "about:blank",
            Title = ReasonPhrases.GetReasonPhrase(status),
            Status = status,
            Detail = detail,
            Instance = instance,
        };
        problem.Extensions["error"] = detail;
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        if (region is not null)
        {
            problem.Extensions["region"] = region;
        }

        return problem;
    }

    /// <summary>Writes a problem as the response (for middleware: status code pages, the exception handler).</summary>
    public static Task WriteAsync(HttpContext context, int status, string detail, string? field = null, string? region = null) =>
        Result(status, detail, field, region, context.Request.Path).ExecuteAsync(context);

    /// <summary>What to tell a client that got a bare status code from routing, the size guard or the rate limiter.</summary>
    public static string DefaultDetail(HttpContext context, int status)
    {
        var request = context.Request;
        return status switch
        {
            400 => "The request could not be read. Send JSON as described at /api/v1/openapi.json.",
            404 => $"There is nothing at {request.Path}. The API's paths are listed at /api/v1/openapi.json.",
            405 => $"{request.Path} does not accept {request.Method}. The methods each path takes are listed at /api/v1/openapi.json.",
            413 => $"The request body is larger than the {CartogramApi.MaxBodyBytes / (1024 * 1024)} MB the API accepts. Simplify the map (for example with mapshaper's -simplify) or send fewer regions.",
            415 => $"The body's content type \"{request.ContentType}\" is not accepted. Send JSON with the header Content-Type: application/json.",
            429 => $"Too many submissions from your address: at most {context.RequestServices.GetRequiredService<SiteSettings>().SubmissionsPerMinute} a minute. Wait for the seconds in Retry-After, then send it again.",
            503 => "GoCart cannot reach its database for a moment. Nothing was lost; send the request again in a minute (see Retry-After).",
            >= 500 => $"GoCart hit an unexpected error; it has been logged under request {context.TraceIdentifier}. Try again in a moment; if it keeps failing, tell us through the contact page with that request id.",
            _ => $"The request could not be completed ({ReasonPhrases.GetReasonPhrase(status)}).",
        };
    }
}
