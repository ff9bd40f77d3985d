using Microsoft.AspNetCore.Http.Json;

namespace GoCart.Site.Infrastructure.Problems;

/// <summary>
/// How errors reach people: the API answers problem details, pages show the friendly error page, and neither
/// ever shows a stack trace, in any environment, unless a developer sets CARTOGRAM_DEVELOPER_EXCEPTION_PAGE.
/// </summary>
public static class ErrorsSetup
{
    public static WebApplicationBuilder AddGoCartErrors(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();

        // An unreadable body throws (in every environment) so that ApiExceptionHandler can say what is wrong with it.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options => options.SerializerOptions.AllowTrailingCommas = false);
        return builder;
    }

    /// <summary>The exception handler (or the opted-in developer page) and the status code pages, first in the pipeline.</summary>
    public static WebApplication UseGoCartErrors(this WebApplication app, SiteSettings settings)
    {
        if (settings.DeveloperExceptionPage)
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error",
                StatusCodeSelector = exception => exception switch
                {
                    BadHttpRequestException badRequest => badRequest.StatusCode,
                    _ when DatabaseOutage.IsCause(exception) => StatusCodes.Status503ServiceUnavailable,
                    _ => StatusCodes.Status500InternalServerError,
                },
            });
        }

        app.UseWhen(ApiProblem.IsApi, api => api.UseStatusCodePages(context =>
            ApiProblem.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode, ApiProblem.DefaultDetail(context.HttpContext, context.HttpContext.Response.StatusCode))));
        app.UseWhen(context => !ApiProblem.IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        return app;
    }
}
