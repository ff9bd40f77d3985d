using Microsoft.AspNetCore.Diagnostics;

namespace GoCart.Site.Infrastructure.Problems;

/// <summary>
/// Unhandled exceptions under /api become problem details instead of the HTML error page: a body that is not
/// JSON or has a wrong type (400, naming the field), a wrong content type (415), a body over the limit (413),
/// the database out of reach (503), anything else (500 with the request id). Never a stack trace.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;

        // The middleware has already pointed the request at the error page; what matters is where it was going.
        // A page request keeps the error page's path, which the middleware then renders.
        PathString original = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value;
        if (!original.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || context.Response.HasStarted)
        {
            return false;
        }

        context.Request.Path = original;

        if (exception is BadHttpRequestException badRequest)
        {
            var (detail, field) = BadRequestDescription.Describe(badRequest, context);
            LogBadRequest(logger, context.Request.Path, badRequest.StatusCode, detail);
            await ApiProblem.WriteAsync(context, badRequest.StatusCode, detail, field);
            return true;
        }

        var status = DatabaseOutage.IsCause(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "30";
        }

        await ApiProblem.WriteAsync(context, status, ApiProblem.DefaultDetail(context, status));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API request to {Path} refused with {Status}: {Detail}")]
    private static partial void LogBadRequest(ILogger logger, string path, int status, string detail);
}
