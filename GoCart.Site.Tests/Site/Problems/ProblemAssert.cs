using System.Net;
using System.Text.Json;

namespace GoCart.Site.Tests.Site.Problems;

/// <summary>Checks an answer is an RFC 9457 problem: status, content type, the members, and what it says.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 600)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Equal("about:blank", problem.GetProperty("type").GetString());
        Assert.StartsWith("/", problem.GetProperty("instance").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(detailContains, detail);
        Assert.Equal(detail, problem.GetProperty("error").GetString());
        if (field is not null)
        {
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }

        return problem;
    }
}
