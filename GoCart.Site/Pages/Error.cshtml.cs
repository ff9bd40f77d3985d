using System.Diagnostics;
using GoCart.Site.Cartograms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GoCart.Site.Pages;

/// <summary>Friendly error pages for status codes and unhandled exceptions; never a stack trace.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "";

    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // A re-executed request keeps its status; the query may be unreadable when the body was refused.
        code ??= Response.StatusCode >= 400 ? Response.StatusCode : null;
        var status = code ?? 500;
        (Heading, Explanation) = status switch
        {
            404 => ("Page not found", "There is no page at this address. It may have moved, or a shared cartogram may have expired."),
            403 => ("Not allowed", "You do not have access to this page."),
            400 => ("Bad request", "The request could not be understood. Check the address or the form and try again."),
            405 => ("Not allowed here", "This page does not accept that kind of request."),
            413 => ("Too large", $"What you sent is larger than GoCart accepts: uploads may be up to {CartogramsSetup.MaxUploadBytes / (1024 * 1024)} MB. Simplify the map or split the data, then try again."),
            429 => ("Too many requests", "Please wait a moment before trying again."),
            503 => ("Briefly unavailable", "GoCart cannot reach its database for a moment. Nothing you made is lost; please try again in a minute."),
            >= 500 => ("Something went wrong", "GoCart hit an unexpected error. It has been logged; please try again in a moment."),
            _ => ($"Error {status}", "The request could not be completed."),
        };
        if (code is null or >= 500)
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }

        if (status == 503)
        {
            Response.Headers.RetryAfter = "30";
        }

        if (code is { } c && Response.StatusCode == 200)
        {
            Response.StatusCode = c;
        }
    }
}
