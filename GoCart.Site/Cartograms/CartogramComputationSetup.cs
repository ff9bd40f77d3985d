using System.Net;
using GoCart.Site.Infrastructure;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace GoCart.Site.Cartograms;

/// <summary>
/// One switch: with CARTOGRAM_LAMBDA_URL the site calls the Lambda through API Gateway (a typed HttpClient with
/// gzip, a per-attempt timeout and bounded retries with exponential backoff on 5xx, timeouts and 200s that are not
/// JSON); without it the engine runs in-process.
/// </summary>
public static class CartogramComputationSetup
{
    public static WebApplicationBuilder AddGoCartComputation(this WebApplicationBuilder builder, SiteSettings settings)
    {
        if (settings.LambdaUrl is { } url && settings.LambdaKey is { } key)
        {
            builder.Services.AddSingleton(new LambdaSettings(url, key));
            builder.Services.AddHttpClient<ICartogramInvoker, LambdaCartogramInvoker>()
                // The pipeline's timeouts govern; HttpClient's own (100 s by default) would cut the last attempt short.
                .ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(settings.LambdaTotalTimeoutSeconds + 10))
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.GZip })
                .AddResilienceHandler("lambda", pipeline =>
                {
                    pipeline.AddTimeout(TimeSpan.FromSeconds(settings.LambdaTotalTimeoutSeconds));
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = 2,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromSeconds(settings.LambdaRetryDelaySeconds),
                        ShouldHandle = LambdaAnswer.ShouldRetryAsync,
                    });
                    pipeline.AddTimeout(TimeSpan.FromSeconds(settings.LambdaAttemptTimeoutSeconds));
                });
        }
        else
        {
            builder.Services.AddSingleton<ICartogramInvoker, InProcessCartogramInvoker>();
        }

        return builder;
    }

    public static string Describe(SiteSettings settings) =>
        settings.LambdaUrl is { } url
            ? $"AWS Lambda through {url.GetLeftPart(UriPartial.Authority)}"
            : $"in-process engine ({GoCart.Lambda.Hosting.EngineBuild.Describe()})";
}
