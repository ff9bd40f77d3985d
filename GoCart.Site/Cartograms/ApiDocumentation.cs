using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GoCart.Site.Cartograms;

/// <summary>
/// What the OpenAPI document says beyond the endpoints' own metadata: the 202's Location header (where to
/// poll), and that every error is an RFC 9457 problem with the members GoCart adds (field, region, error).
/// </summary>
public static class ApiDocumentation
{
    public static OpenApiOptions DescribeGoCart(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "GoCart API";
            document.Info.Description = "Contiguous cartograms from a library map or your own GeoJSON, and one number per region. "
                + "Every error is application/problem+json (RFC 9457): status, title, a detail that says what to fix, and, when they apply, "
                + "the request field (\"csv\", \"values.Texas\", \"geometry\", \"key\") and the region concerned. "
                + "400: the body cannot be read or names things that do not exist; 422: the numbers cannot make a cartogram "
                + "(negative, infinite, all zero, or a total too large); 409: the cartogram has not succeeded (yet). "
                + "Several value columns in one request (\"columns\": the CSV's column names, or each column's name and values) make a dataset: "
                + "one cartogram per column, computed in parallel; its status lists each column's status, statistics and key, and ?column= (index or name) "
                + "picks the column its page and embed open on.";
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (operation.Responses?.TryGetValue("202", out var accepted) == true && accepted is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["Location"] = new OpenApiHeader
                {
                    Description = "The cartogram's status URL, /api/v1/cartograms/{key}: poll it until status is \"succeeded\" or \"failed\".",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
                };
            }

            foreach (var (status, answer) in operation.Responses ?? [])
            {
                if (status.Length == 3 && status[0] is '4' or '5' && answer is OpenApiResponse problem && string.IsNullOrEmpty(problem.Description))
                {
                    problem.Description = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
