using System.Text;
using System.Text.Json;
using GoCart.Lambda.Hosting;

namespace GoCart.Site.Tests.Hosting;

public class ApiGatewayProxyTests
{
    [Fact]
    public void A_base64_encoded_body_is_decoded_and_headers_are_case_insensitive()
    {
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"key\":\"k\"}"));
        var json = $$"""{"httpMethod":"POST","headers":{"ACCEPT-ENCODING":"gzip"},"body":"{{body}}","isBase64Encoded":true}""";

        var request = ApiGatewayProxy.ReadEvent(Encoding.UTF8.GetBytes(json));

        Assert.Equal("{\"key\":\"k\"}", Encoding.UTF8.GetString(request.Body));
        Assert.Equal("gzip", request.Header("accept-encoding"));
    }

    [Fact]
    public void Invalid_base64_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => ApiGatewayProxy.ReadEvent("""{"httpMethod":"POST","body":"@@@","isBase64Encoded":true}"""u8));
    }

    [Fact]
    public void A_compressed_response_is_base64_encoded_and_a_plain_one_is_text()
    {
        var compressed = ApiGatewayProxy.WriteResponse(new HttpExchangeResponse(200, new Dictionary<string, string> { ["Content-Encoding"] = "gzip" }, [1, 2, 3]));
        var plain = ApiGatewayProxy.WriteResponse(new HttpExchangeResponse(400, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, "{\"error\":\"x\"}"u8.ToArray()));

        using var first = JsonDocument.Parse(compressed);
        using var second = JsonDocument.Parse(plain);
        Assert.True(first.RootElement.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal("AQID", first.RootElement.GetProperty("body").GetString());
        Assert.False(second.RootElement.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(400, second.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("{\"error\":\"x\"}", second.RootElement.GetProperty("body").GetString());
    }
}
