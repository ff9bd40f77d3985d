using Microsoft.Extensions.Options;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// Reads and validates <see cref="SiteSettings"/> before anything else is wired, because the settings choose the
/// backends: a bad value stops the start with an <see cref="OptionsValidationException"/> naming the variable.
/// </summary>
public static class SettingsSetup
{
    public static SiteSettings AddGoCartSettings(this WebApplicationBuilder builder)
    {
        var settings = SiteSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        var result = new SiteSettingsValidator().Validate(null, settings);
        if (result.Failed)
        {
            throw new OptionsValidationException(nameof(SiteSettings), typeof(SiteSettings), result.Failures);
        }

        builder.Services.AddSingleton(settings);
        return settings;
    }
}
