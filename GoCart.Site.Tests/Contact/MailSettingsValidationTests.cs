using GoCart.Site.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace GoCart.Site.Tests.Contact;

/// <summary>CARTOGRAM_SMTP_* and CARTOGRAM_GA_TRACKING_ID are checked at start-up, each message naming its variable.</summary>
public sealed class MailSettingsValidationTests
{
    private static readonly Dictionary<string, string?> WorkingSmtp = new()
    {
        ["CARTOGRAM_SMTP_HOST"] = "smtp.example.org",
        ["CARTOGRAM_SMTP_PORT"] = "587",
        ["CARTOGRAM_SMTP_AUTHENTICATION_REQUIRED"] = "TRUE",
        ["CARTOGRAM_SMTP_USER"] = "contactform@mg.example.org",
        ["CARTOGRAM_SMTP_PASSWORD"] = "secret",
        ["CARTOGRAM_SMTP_FROM_EMAIL"] = "contactform@mg.example.org",
        ["CARTOGRAM_SMTP_DESTINATION"] = "support@example.org",
    };

    [Theory]
    [InlineData("CARTOGRAM_SMTP_PORT", "0")]
    [InlineData("CARTOGRAM_SMTP_PORT", "65536")]
    [InlineData("CARTOGRAM_SMTP_PORT", "smtp")]
    [InlineData("CARTOGRAM_SMTP_AUTHENTICATION_REQUIRED", "sometimes")]
    [InlineData("CARTOGRAM_SMTP_FROM_EMAIL", "")]
    [InlineData("CARTOGRAM_SMTP_FROM_EMAIL", "contact form")]
    [InlineData("CARTOGRAM_SMTP_DESTINATION", "")]
    [InlineData("CARTOGRAM_SMTP_DESTINATION", "support@")]
    [InlineData("CARTOGRAM_SMTP_USER", "")]
    [InlineData("CARTOGRAM_SMTP_PASSWORD", "")]
    [InlineData("CARTOGRAM_GA_TRACKING_ID", "12345")]
    [InlineData("CARTOGRAM_GA_TRACKING_ID", "G-abc<script>")]
    public void A_bad_mail_or_analytics_setting_is_refused_naming_the_variable(string variable, string value)
    {
        var result = Validate(new(WorkingSmtp) { [variable] = value });

        Assert.True(result.Failed, $"{variable}={value} was accepted.");
        Assert.Contains(variable, result.FailureMessage);
    }

    [Fact]
    public void A_working_smtp_configuration_and_a_ga4_id_are_accepted()
    {
        Assert.True(Validate(new(WorkingSmtp) { ["CARTOGRAM_GA_TRACKING_ID"] = "G-ABC123XYZ" }).Succeeded);
        Assert.True(Validate(new(WorkingSmtp) { ["CARTOGRAM_GA_TRACKING_ID"] = "UA-12345678-1" }).Succeeded);
    }

    [Fact]
    public void Without_a_host_the_other_smtp_settings_are_not_required()
    {
        Assert.True(Validate([]).Succeeded);
        Assert.True(Validate(new() { ["CARTOGRAM_SMTP_AUTHENTICATION_REQUIRED"] = "TRUE" }).Succeeded);
    }

    [Fact]
    public void Without_authentication_no_user_or_password_is_needed()
    {
        var settings = new Dictionary<string, string?>(WorkingSmtp) { ["CARTOGRAM_SMTP_AUTHENTICATION_REQUIRED"] = "FALSE" };
        settings.Remove("CARTOGRAM_SMTP_USER");
        settings.Remove("CARTOGRAM_SMTP_PASSWORD");

        Assert.True(Validate(settings).Succeeded);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(Dictionary<string, string?> values) =>
        new SiteSettingsValidator().Validate(null, SiteSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), Path.GetTempPath()));
}
