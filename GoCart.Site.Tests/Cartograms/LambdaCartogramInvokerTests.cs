using System.Text.Json;
using GoCart.Lambda.Contract;
using GoCart.Site.Cartograms;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Hosting;
using GoCart.Site.Tests.Infrastructure;
using GoCart.Site.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Cartograms;

/// <summary>The site's production invoker against the real engine served by `gocart serve` over HTTP.</summary>
public sealed class LambdaCartogramInvokerTests(ServedEngine engine) : IClassFixture<ServedEngine>
{
    private const string ApiKey = ServedEngine.ApiKey;
    private readonly string _url = engine.Url;

    [LibraryFact]
    public async Task A_request_through_the_invoker_returns_the_cartogram()
    {
        await using var factory = Site(_url, ApiKey);
        var invoker = factory.Services.GetRequiredService<ICartogramInvoker>();

        var json = await invoker.InvokeAsync(PipelineRequests.ForMap("concentric_circles"), null, CancellationToken.None);

        Assert.IsType<LambdaCartogramInvoker>(invoker);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("converged", document.RootElement.GetProperty("status").GetString());
    }

    [LibraryFact]
    public async Task A_wrong_key_becomes_a_message_that_does_not_blame_the_user()
    {
        await using var factory = Site(_url, "not-the-right-key");
        var invoker = factory.Services.GetRequiredService<ICartogramInvoker>();

        var error = await Assert.ThrowsAsync<CartogramException>(() => invoker.InvokeAsync(PipelineRequests.ForMap("concentric_circles"), null, CancellationToken.None));

        Assert.Equal(CartogramErrorKind.EngineFailure, error.Kind);
        Assert.Contains("configuration problem on our side", error.Message, StringComparison.Ordinal);
    }

    [LibraryFact]
    public async Task Bad_input_is_passed_through_as_a_readable_message()
    {
        await using var factory = Site(_url, ApiKey);
        var invoker = factory.Services.GetRequiredService<ICartogramInvoker>();
        var request = PipelineRequests.ForMap("concentric_circles") with { Values = new() { ["inner"] = 1, ["atlantis"] = 2 } };

        var error = await Assert.ThrowsAsync<CartogramException>(() => invoker.InvokeAsync(request, null, CancellationToken.None));

        Assert.Equal(CartogramErrorKind.InvalidInput, error.Kind);
        Assert.Contains("\"atlantis\"", error.Message, StringComparison.Ordinal);
    }

    [LibraryTheory]
    [InlineData(LambdaFault.ServiceUnavailable)]
    [InlineData(LambdaFault.InternalServerError)]
    [InlineData(LambdaFault.Timeout)]
    [InlineData(LambdaFault.NotJson)]
    [InlineData(LambdaFault.TruncatedJson)]
    public async Task Two_transient_faults_are_retried_and_the_result_arrives(LambdaFault fault)
    {
        await using var flaky = await FlakyProxy.StartAsync(_url, failures: 2, fault);
        await using var factory = Site(flaky.Url, ApiKey, timeoutSeconds: 5);
        var invoker = factory.Services.GetRequiredService<ICartogramInvoker>();

        var json = await invoker.InvokeAsync(PipelineRequests.ForMap("concentric_circles"), null, CancellationToken.None);

        Assert.Equal(3, flaky.Requests);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("converged", document.RootElement.GetProperty("status").GetString());
    }

    [LibraryFact]
    public async Task A_service_that_keeps_failing_is_retried_a_bounded_number_of_times()
    {
        await using var flaky = await FlakyProxy.StartAsync(_url, failures: 100);
        await using var factory = Site(flaky.Url, ApiKey);
        var invoker = factory.Services.GetRequiredService<ICartogramInvoker>();

        var error = await Assert.ThrowsAsync<CartogramException>(() => invoker.InvokeAsync(PipelineRequests.ForMap("concentric_circles"), null, CancellationToken.None));

        Assert.Equal(3, flaky.Requests);
        Assert.Contains("try again", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [LibraryFact]
    public async Task Calls_made_at_once_are_held_to_the_replicas_lambda_concurrency_and_all_complete()
    {
        // As a multi-column dataset's columns would be: several engine calls started together, awaited together.
        await using var slow = await FlakyProxy.StartAsync(_url, failures: 0, hold: TimeSpan.FromMilliseconds(400));
        await using var factory = Site(slow.Url, ApiKey, concurrency: 2);
        var invoker = factory.Services.GetRequiredService<ICartogramInvoker>();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => invoker.InvokeAsync(PipelineRequests.ForMap("concentric_circles"), null, CancellationToken.None))));

        Assert.Equal(6, slow.Requests);
        Assert.Equal(2, slow.MostOpenAtOnce);
        Assert.All(results, json => Assert.Equal("converged", JsonDocument.Parse(json).RootElement.GetProperty("status").GetString()));
    }

    private static GoCartFactory Site(string url, string key, int? timeoutSeconds = null, int? concurrency = null)
    {
        var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_LAMBDA_URL"] = url,
            ["CARTOGRAM_LAMBDA_KEY"] = key,
            ["CARTOGRAM_LAMBDA_TIMEOUT_SECONDS"] = timeoutSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CARTOGRAM_LAMBDA_CONCURRENCY"] = concurrency?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _ = factory.Server;
        return factory;
    }
}
