using Microsoft.Extensions.Options;
using Npgsql;

namespace GoCart.Site.Infrastructure;

/// <summary>Refuses settings that cannot work, with a message that names the variable and says what is expected.</summary>
public sealed class SiteSettingsValidator : IValidateOptions<SiteSettings>
{
    public ValidateOptionsResult Validate(string? name, SiteSettings options)
    {
        var failures = new List<string>();
        if (options.DatabaseUrl is { } database && !TryPostgres(database, out _))
        {
            failures.Add($"{SiteSettings.DatabaseUrlKey} is not a PostgreSQL connection: use 'Host=...;Database=...;Username=...;Password=...' or 'postgres://user:password@host:5432/database'.");
        }

        if (options.RedisUrl is { } redis && !RedisAddress.TryParse(redis, out _))
        {
            failures.Add($"{SiteSettings.RedisUrlKey} is not a Redis address: use 'host:port' or 'redis://host:port'.");
        }

        if (options.PublicUrlText is not null && (options.PublicUrl is null || (options.PublicUrl.Scheme != Uri.UriSchemeHttps && options.PublicUrl.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{SiteSettings.PublicUrlKey} must be an absolute http(s) URL such as https://go-cart.example.org.");
        }

        if (options.TrustedProxiesText is { } proxies && options.TrustedProxies.Count != proxies.Split(',', StringSplitOptions.RemoveEmptyEntries).Length)
        {
            failures.Add($"{SiteSettings.TrustedProxiesKey} must be a comma-separated list of IP addresses, such as 172.30.57.1.");
        }

        failures.AddRange(Contact.MailSettings.Problems(options));
        failures.AddRange(Maps.LibraryFolders.Problems(options));
        if (options.GaTrackingId is { } tracking && !Analytics.GoogleAnalytics.IsTrackingId(tracking))
        {
            failures.Add($"{SiteSettings.GaTrackingIdKey} must be a Google Analytics id such as G-ABC123XYZ (or UA-12345678-1), or empty.");
        }

        if (options.DeveloperExceptionPageText is { } developer && !bool.TryParse(developer, out _))
        {
            failures.Add($"{SiteSettings.DeveloperExceptionPageKey} must be true or false.");
        }

        if (options.MigrateAtStartupText is { } migrate && !bool.TryParse(migrate, out _))
        {
            failures.Add($"{SiteSettings.MigrateAtStartupKey} must be true or false.");
        }

        if (options.LambdaUrlText is not null && (options.LambdaUrl is null || (options.LambdaUrl.Scheme != Uri.UriSchemeHttps && options.LambdaUrl.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{SiteSettings.LambdaUrlKey} must be the absolute https URL of the API Gateway stage, such as https://abc123.execute-api.eu-west-1.amazonaws.com/prod/cartogram.");
        }

        if (options.LambdaUrlText is not null && (options.LambdaKey is null || options.LambdaKey.Length < 8))
        {
            failures.Add($"{SiteSettings.LambdaKeyKey} must be set to the API Gateway key (at least 8 characters) when {SiteSettings.LambdaUrlKey} is set.");
        }

        if (options.LambdaTimeoutText is { } timeout && !(double.TryParse(timeout, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 900))
        {
            failures.Add($"{SiteSettings.LambdaTimeoutKey} must be a number of seconds from 1 to 900.");
        }

        if (options.ProgressSecret is { Length: < 16 })
        {
            failures.Add($"{SiteSettings.ProgressSecretKey} must be at least 16 characters (the same value as the Lambda's).");
        }

        if ((options.AdminUser is null) != (options.AdminPasswordHash is null))
        {
            failures.Add($"{SiteSettings.AdminUserKey} and {SiteSettings.AdminPasswordHashKey} go together: set both to enable the admin login, or neither.");
        }

        if (options.AdminPasswordHash is { } hash && !Admin.PasswordHash.IsWellFormed(hash))
        {
            failures.Add($"{SiteSettings.AdminPasswordHashKey} is not a password hash: make one with 'dotnet GoCart.Site.dll hash-password' (it looks like pbkdf2-sha256$210000$...$...). Never put the password itself here.");
        }

        foreach (var (key, text) in new[] { (SiteSettings.UnsharedRetentionDaysKey, options.UnsharedRetentionDaysText), (SiteSettings.SharedRetentionDaysKey, options.SharedRetentionDaysText) })
        {
            if (text is not null && SiteSettings.Days(text, -1) < 0)
            {
                failures.Add($"{key} must be a whole number of days from 1 to 3650.");
            }
        }

        if (options.SubmissionsPerMinuteText is { } limit && !(int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var perMinute) && perMinute is >= 1 and <= 100_000))
        {
            failures.Add($"{SiteSettings.SubmissionsPerMinuteKey} must be a whole number from 1 to 100000.");
        }

        if (options.JobInvisibilityTimeoutText is { } invisibility && !(int.TryParse(invisibility, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var invisible) && invisible is >= SiteSettings.MinJobInvisibilitySeconds and <= SiteSettings.MaxJobInvisibilitySeconds))
        {
            failures.Add($"{SiteSettings.JobInvisibilityTimeoutKey} must be a whole number of seconds from {SiteSettings.MinJobInvisibilitySeconds} to {SiteSettings.MaxJobInvisibilitySeconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Accepts Npgsql keyword strings and postgres:// or postgresql:// URLs.</summary>
    public static bool TryPostgres(string value, out string connectionString)
    {
        connectionString = "";
        try
        {
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == "postgres" || uri.Scheme == "postgresql"))
            {
                var credentials = uri.UserInfo.Split(':', 2);
                var builder = new NpgsqlConnectionStringBuilder
                {
                    Host = uri.Host,
                    Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
                    Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
                    Username = Uri.UnescapeDataString(credentials[0]),
                    Password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : null,
                };
                connectionString = builder.ConnectionString;
                return builder.Host.Length > 0 && builder.Database?.Length > 0;
            }

            var parsed = new NpgsqlConnectionStringBuilder(value);
            connectionString = parsed.ConnectionString;
            return !string.IsNullOrEmpty(parsed.Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
