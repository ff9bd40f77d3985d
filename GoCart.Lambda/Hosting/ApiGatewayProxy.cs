using System.Text;
using System.Text.Json;

namespace GoCart.Lambda.Hosting;

/// <summary>
/// Maps API Gateway REST proxy-integration events to <see cref="HttpExchangeRequest"/> and responses back
/// (statusCode, headers, body, isBase64Encoded). Binary or compressed bodies travel base64-encoded both ways.
/// </summary>
public static class ApiGatewayProxy
{
    public static HttpExchangeRequest ReadEvent(ReadOnlySpan<byte> eventJson)
    {
        using var document = JsonDocument.Parse(eventJson.ToArray());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The invocation event is not a JSON object.");
        }

        var method = root.TryGetProperty("httpMethod", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "POST";
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in h.EnumerateObject())
            {
                if (header.Value.ValueKind == JsonValueKind.String)
                {
                    headers[header.Name] = header.Value.GetString()!;
                }
            }
        }

        var body = Array.Empty<byte>();
        if (root.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String)
        {
            var text = b.GetString()!;
            var base64 = root.TryGetProperty("isBase64Encoded", out var e) && e.ValueKind == JsonValueKind.True;
            body = base64 ? DecodeBase64(text) : Encoding.UTF8.GetBytes(text);
        }

        return new HttpExchangeRequest(method, headers, body);
    }

    public static byte[] WriteResponse(HttpExchangeResponse response)
    {
        var textual = !response.Headers.ContainsKey("Content-Encoding");
        using var buffer = new MemoryStream(response.Body.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", response.StatusCode);
            writer.WriteStartObject("headers");
            foreach (var (name, value) in response.Headers)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            if (textual)
            {
                writer.WriteString("body", response.Body);
            }
            else
            {
                writer.WriteBase64String("body", response.Body);
            }

            writer.WriteBoolean("isBase64Encoded", !textual);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] DecodeBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException exception)
        {
            throw new FormatException("The request body is marked base64-encoded but is not valid base64.", exception);
        }
    }
}
