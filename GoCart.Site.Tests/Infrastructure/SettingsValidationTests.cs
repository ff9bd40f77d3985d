using Microsoft.Extensions.Options;

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
    public async Task A_malformed_setting_stops_start_up_naming_the_variable(string variable, string value)
    {
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { [variable] = value });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = failure as OptionsValidationException ?? failure.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains(variable, validation!.Message);
    }
}
