using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoCart.Lambda.Contract;

namespace GoCart.Lambda.Hosting;

/// <summary>
/// The engine's HTTP contract (ARCHITECTURE.md, Site → Lambda), the same whether API Gateway invokes the
/// Lambda or `gocart serve` answers locally: POST a JSON <see cref="CartogramRequest"/>, get 200 with the
/// result or an <see cref="ErrorBody"/> with 400, 405, 413, 500 or 504. Responses are gzip-compressed when the
/// client accepts it; request bodies may be gzip-compressed too.
/// </summary>
public sealed partial class CartogramEndpoint(ICartogramPipeline pipeline, ProgressPosterFactory progress, PayloadLimits limits, Action<string> log)
{
    private static readonly Dictionary<string, string> JsonHeaders = new() { ["Content-Type"] = "application/json; charset=utf-8" };

    public HttpExchangeResponse Handle(HttpExchangeRequest request, TimeSpan? timeBudget, CancellationToken cancellation)
    {
        var key = "";
        try
        {
            if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
            {
                return Error(405, "Use POST with a JSON body.", "MethodNotAllowed");
            }

            var body = RequestBody(request);
            var cartogramRequest = Parse(body);
            key = cartogramRequest.Key;
            using var poster = progress.Start(cartogramRequest.Key);
            var result = pipeline.Run(cartogramRequest, poster, timeBudget, cancellation);
            return Respond(200, result, request);
        }
        catch (CartogramException exception)
        {
            log($"cartogram {Safe(key)} failed: {exception.Kind}: {exception.Message}");
            return Error(exception.StatusCode, exception.Message, exception.Kind.ToString());
        }
        catch (OperationCanceledException)
        {
            return Error(504, "The time budget ran out before the cartogram was finished. Try fewer regions or a simpler map.", nameof(CartogramErrorKind.TimeBudgetExceeded));
        }
    }

    private byte[] RequestBody(HttpExchangeRequest request)
    {
        var body = request.Body;
        if (string.Equals(request.Header("Content-Encoding"), "gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = Inflate(body);
        }

        if (body.Length > limits.MaxRequestBytes)
        {
            throw new CartogramException(CartogramErrorKind.TooLarge, $"The request is {Megabytes(body.Length)} MB; the limit is {Megabytes(limits.MaxRequestBytes)} MB. Simplify the map's boundaries or split it.");
        }

        if (body.Length == 0)
        {
            throw new CartogramException(CartogramErrorKind.InvalidInput, "The request body is empty; send a JSON object with key, geometry, regionIdProperty and values.");
        }

        return body;
    }

    private static CartogramRequest Parse(byte[] body)
    {
        CartogramRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, ContractJson.Default.CartogramRequest);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1}, position {exception.BytePositionInLine + 1})" : "";
            throw new CartogramException(CartogramErrorKind.InvalidInput, $"The request is not valid JSON of the expected shape{where}: {FirstSentence(exception.Message)}", exception);
        }

        if (request is null)
        {
            throw new CartogramException(CartogramErrorKind.InvalidInput, "The request body is JSON null; send an object.");
        }

        if (!KeyPattern().IsMatch(request.Key))
        {
            throw new CartogramException(CartogramErrorKind.InvalidInput, "\"key\" must be 1 to 64 letters, digits, '-' or '_'.");
        }

        if (request.Geometry.ValueKind != JsonValueKind.Object)
        {
            throw new CartogramException(CartogramErrorKind.InvalidInput, "\"geometry\" must be a GeoJSON FeatureCollection object.");
        }

        return request;
    }

    private byte[] Inflate(byte[] compressed)
    {
        try
        {
            using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > limits.MaxInflatedRequestBytes)
                {
                    throw new CartogramException(CartogramErrorKind.TooLarge, $"The compressed request inflates beyond {Megabytes(limits.MaxInflatedRequestBytes)} MB.");
                }
            }

            return output.ToArray();
        }
        catch (InvalidDataException exception)
        {
            throw new CartogramException(CartogramErrorKind.InvalidInput, "The request says Content-Encoding: gzip but its body is not valid gzip.", exception);
        }
    }

    private HttpExchangeResponse Respond(int status, byte[] json, HttpExchangeRequest request)
    {
        var headers = new Dictionary<string, string>(JsonHeaders);
        var body = json;
        var base64Factor = 1.0;
        if (AcceptsGzip(request))
        {
            body = Deflate(json);
            headers["Content-Encoding"] = "gzip";
            headers["Vary"] = "Accept-Encoding";
            base64Factor = 4.0 / 3.0;
        }

        if (body.Length * base64Factor > limits.MaxResponseBytes)
        {
            var message = $"The result is {Megabytes((int)(body.Length * base64Factor))} MB, more than the {Megabytes(limits.MaxResponseBytes)} MB a response may carry. "
                + (AcceptsGzip(request) ? "Simplify the map's boundaries or use fewer regions." : "Send Accept-Encoding: gzip, or simplify the map.");
            return Error(413, message, nameof(CartogramErrorKind.TooLarge));
        }

        return new HttpExchangeResponse(status, headers, body);
    }

    private static HttpExchangeResponse Error(int status, string message, string kind)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new ErrorBody(message, kind), ContractJson.Default.ErrorBody);
        return new HttpExchangeResponse(status, JsonHeaders, body);
    }

    private static bool AcceptsGzip(HttpExchangeRequest request) =>
        request.Header("Accept-Encoding") is { } accept && accept.Contains("gzip", StringComparison.OrdinalIgnoreCase);

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream(data.Length / 4);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static string Megabytes(int bytes) => (bytes / 1_000_000.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }

    private static string Safe(string key) => KeyPattern().IsMatch(key) ? key : "(no key)";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex KeyPattern();
}
