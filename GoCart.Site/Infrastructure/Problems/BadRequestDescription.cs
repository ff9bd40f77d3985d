using System.Text.Json;
using System.Text.RegularExpressions;

namespace GoCart.Site.Infrastructure.Problems;

/// <summary>
/// Turns what ASP.NET Core says about an unreadable request (the JSON reader's message with .NET type names)
/// into what a client can act on: where in the body, what was expected, and the field's path.
/// </summary>
public static partial class BadRequestDescription
{
    public static (string Detail, string? Field) Describe(BadHttpRequestException exception, HttpContext context)
    {
        if (exception.InnerException is JsonException json)
        {
            // The reader names the path it had reached for syntax errors too; only a conversion names a field.
            var field = json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) && json.Path is { Length: > 1 } path
                ? path.TrimStart('$').TrimStart('.')
                : null;
            var where = json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})" : "";
            var reason = Reason(json.Message);
            return field is { Length: > 0 }
                ? ($"The field \"{field}\"{where} has the wrong type: {reason} See /api/v1/openapi.json for each field's type.", field)
                : ($"The body is not valid JSON{where}: {reason} Send one JSON object such as {{\"map\": \"…\", \"values\": {{\"region\": 1}}}}.", null);
        }

        return exception.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => (ApiProblem.DefaultDetail(context, 415), null),
            StatusCodes.Status413PayloadTooLarge => (ApiProblem.DefaultDetail(context, 413), null),
            _ when context.Request.ContentLength is 0 or null && exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
                ("The request has no body. Send one JSON object such as {\"map\": \"…\", \"values\": {\"region\": 1}}.", null),
            _ => (ApiProblem.DefaultDetail(context, exception.StatusCode), null),
        };
    }

    /// <summary>The reader's reason without its position suffix, with .NET type names as JSON types.</summary>
    private static string Reason(string message)
    {
        var reason = PositionSuffix().Replace(message, "").Trim();
        reason = TypeName().Replace(reason, match => match.Groups[1].Value switch
        {
            "Double" or "Int32" or "Int64" or "Decimal" or "Single" => "a number",
            "String" => "a string",
            "Boolean" => "true or false",
            _ when match.Value.Contains("Dictionary", StringComparison.Ordinal) => "an object of region → number",
            _ when match.Value.Contains("JsonElement", StringComparison.Ordinal) => "a JSON object",
            _ => "the documented type",
        });
        return reason.EndsWith('.') ? reason : reason + ".";
    }

    [GeneratedRegex(@"\s*Path: .*$", RegexOptions.Singleline)]
    private static partial Regex PositionSuffix();

    [GeneratedRegex(@"System\.(?:Nullable`1\[)?(?:System\.)?(?:Collections\.Generic\.)?(\w+)[^\s.]*\]?")]
    private static partial Regex TypeName();
}
