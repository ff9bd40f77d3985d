using GoCart.Site.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace GoCart.Site.Tests.Infrastructure;

public class SettingsValidationTests
{
    [Theory]
    [InlineData("CARTOGRAM_DATABASE_URL", "mysql://nobody@nowhere/db")]
    [InlineData("CARTOGRAM_REDIS_URL", "http://localhost:6379")]
    [InlineData("CARTOGRAM_PUBLIC_URL", "not a url")]
    [InlineData("CARTOGRAM_PUBLIC_URL", "ftp://example.org")]
    [InlineData("CARTOGRAM_MIGRATE_AT_STARTUP", "perhaps")]
    [InlineData("CARTOGRAM_LAMBDA_URL", "lambda please")]
    [InlineData("CARTOGRAM_LAMBDA_URL", "https://abc.execute-api.eu-west-1.amazonaws.com/prod")]
    [InlineData("CARTOGRAM_LAMBDA_TIMEOUT_SECONDS", "forever")]
    [InlineData("CARTOGRAM_ADMIN_USER", "admin")]
    [InlineData("CARTOGRAM_ADMIN_PASSWORD_HASH", "my-plain-password")]
    [InlineData("CARTOGRAM_UNSHARED_RETENTION_DAYS", "0")]
    [InlineData("CARTOGRAM_SHARED_RETENTION_DAYS", "a year")]
    [InlineData("CARTOGRAM_JOB_INVISIBILITY_TIMEOUT_SECONDS", "9")]
    [InlineData("CARTOGRAM_JOB_INVISIBILITY_TIMEOUT_SECONDS", "86401")]
    [InlineData("CARTOGRAM_JOB_INVISIBILITY_TIMEOUT_SECONDS", "1.5")]
    [InlineData("CARTOGRAM_JOB_WORKERS", "0")]
    [InlineData("CARTOGRAM_JOB_WORKERS", "101")]
    [InlineData("CARTOGRAM_JOB_WORKERS", "many")]
    [InlineData("CARTOGRAM_LAMBDA_CONCURRENCY", "0")]
    [InlineData("CARTOGRAM_LAMBDA_CONCURRENCY", "-3")]
    [InlineData("CARTOGRAM_LAMBDA_CONCURRENCY", "2.5")]
    public void A_malformed_setting_is_refused_naming_the_variable(string variable, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [variable] = value }).Build();

        var result = new SiteSettingsValidator().Validate(null, SiteSettings.From(configuration, Path.GetTempPath()));

        Assert.True(result.Failed, $"{variable}={value} was accepted.");
        Assert.Contains(variable, result.FailureMessage);
    }

    [Theory]
    [InlineData(null, 60)]
    [InlineData("10", 10)]
    [InlineData("86400", 86400)]
    public void The_job_invisibility_timeout_defaults_to_a_minute(string? value, int seconds)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [SiteSettings.JobInvisibilityTimeoutKey] = value }).Build();
        var settings = SiteSettings.From(configuration, Path.GetTempPath());

        Assert.True(new SiteSettingsValidator().Validate(null, settings).Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(seconds), settings.JobInvisibilityTimeout);
    }

    [Theory]
    [InlineData(null, null, null, 10, 10)]
    [InlineData("https://abc.execute-api.eu-west-1.amazonaws.com/prod/cartogram", null, "4", 4, 4)]
    [InlineData("https://abc.execute-api.eu-west-1.amazonaws.com/prod/cartogram", "25", "4", 25, 4)]
    [InlineData(null, "3", "7", 3, 7)]
    public void Job_workers_follow_the_lambda_concurrency_unless_set(string? lambdaUrl, string? workers, string? concurrency, int expectedWorkers, int expectedConcurrency)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SiteSettings.LambdaUrlKey] = lambdaUrl,
            [SiteSettings.LambdaKeyKey] = lambdaUrl is null ? null : "api-key-123456",
            [SiteSettings.JobWorkersKey] = workers,
            [SiteSettings.LambdaConcurrencyKey] = concurrency,
        }).Build();
        var settings = SiteSettings.From(configuration, Path.GetTempPath());

        Assert.True(new SiteSettingsValidator().Validate(null, settings).Succeeded);
        Assert.Equal(lambdaUrl is null && workers is null ? Math.Max(2, Environment.ProcessorCount) : expectedWorkers, settings.JobWorkers);
        Assert.Equal(expectedConcurrency, settings.LambdaConcurrency);
    }

    [Fact]
    public async Task A_malformed_setting_stops_the_site_before_it_starts()
    {
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { ["CARTOGRAM_PUBLIC_URL"] = "not a url" });

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());
    }
}
