using System.Net;
using GoCart.Site.Cartograms;
using GoCart.Site.Data;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Site.Problems;

/// <summary>
/// A page that crashes shows the friendly error page in the Development environment too (what `dotnet run`
/// uses); the developer exception page with its stack trace appears only when CARTOGRAM_DEVELOPER_EXCEPTION_PAGE
/// is true.
/// </summary>
public sealed class DeveloperExceptionPageTests
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_crashing_page_shows_no_stack_trace_by_default(string environment)
    {
        await using var factory = new GoCartFactory(environment: environment);
        var key = await StoreBrokenAsync(factory);

        var response = await new SiteClient(factory).Http.GetAsync($"/cartogram/{key}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Something went wrong", page);
        Assert.DoesNotContain("Exception", page);
        Assert.DoesNotContain("   at ", page);
    }

    [Fact]
    public async Task A_developer_who_opts_in_sees_the_developer_exception_page()
    {
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { ["CARTOGRAM_DEVELOPER_EXCEPTION_PAGE"] = "true" });
        var key = await StoreBrokenAsync(factory);

        var response = await new SiteClient(factory).Http.GetAsync($"/cartogram/{key}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Exception", await response.Content.ReadAsStringAsync());
    }

    /// <summary>A succeeded record whose stored request is not gzip: drawing its page throws.</summary>
    private static async Task<string> StoreBrokenAsync(GoCartFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
        var record = new CartogramRecord
        {
            Key = CartogramKeys.New(),
            Title = "Broken",
            Status = CartogramRecordStatus.Succeeded,
            RequestJson = "not gzip"u8.ToArray(),
            ResultJson = "not gzip either"u8.ToArray(),
            CreatedUtc = DateTime.UtcNow,
            LastAccessedUtc = DateTime.UtcNow,
        };
        database.Cartograms.Add(record);
        await database.SaveChangesAsync();
        return record.Key;
    }
}
