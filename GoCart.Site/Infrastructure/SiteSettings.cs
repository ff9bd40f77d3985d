namespace GoCart.Site.Infrastructure;

/// <summary>
/// GoCart's own settings, read from flat <c>CARTOGRAM_*</c> configuration keys (environment variables arrive
/// under the same names). Empty values mean "use the embedded default" (ARCHITECTURE.md).
/// </summary>
public sealed record SiteSettings
{
    public const string DatabaseUrlKey = "CARTOGRAM_DATABASE_URL";
    public const string RedisUrlKey = "CARTOGRAM_REDIS_URL";
    public const string DataDirKey = "CARTOGRAM_DATA_DIR";
    public const string PublicUrlKey = "CARTOGRAM_PUBLIC_URL";
    public const string MigrateAtStartupKey = "CARTOGRAM_MIGRATE_AT_STARTUP";
    public const string LambdaUrlKey = "CARTOGRAM_LAMBDA_URL";
    public const string LambdaKeyKey = "CARTOGRAM_LAMBDA_KEY";
    public const string LambdaTimeoutKey = "CARTOGRAM_LAMBDA_TIMEOUT_SECONDS";
    public const string ProgressSecretKey = "CARTOGRAM_PROGRESS_SECRET";
    public const string TrustedProxiesKey = "CARTOGRAM_TRUSTED_PROXIES";
    public const string SmtpHostKey = "CARTOGRAM_SMTP_HOST";
    public const string SmtpPortKey = "CARTOGRAM_SMTP_PORT";
    public const string SmtpAuthenticationRequiredKey = "CARTOGRAM_SMTP_AUTHENTICATION_REQUIRED";
    public const string SmtpUserKey = "CARTOGRAM_SMTP_USER";
    public const string SmtpPasswordKey = "CARTOGRAM_SMTP_PASSWORD";
    public const string SmtpFromEmailKey = "CARTOGRAM_SMTP_FROM_EMAIL";
    public const string SmtpDestinationKey = "CARTOGRAM_SMTP_DESTINATION";
    public const string AdminUserKey = "CARTOGRAM_ADMIN_USER";
    public const string AdminPasswordHashKey = "CARTOGRAM_ADMIN_PASSWORD_HASH";
    public const string GaTrackingIdKey = "CARTOGRAM_GA_TRACKING_ID";
    public const string UnsharedRetentionDaysKey = "CARTOGRAM_UNSHARED_RETENTION_DAYS";
    public const string SharedRetentionDaysKey = "CARTOGRAM_SHARED_RETENTION_DAYS";
    public const string SubmissionsPerMinuteKey = "CARTOGRAM_SUBMISSIONS_PER_MINUTE";
    public const string JobInvisibilityTimeoutKey = "CARTOGRAM_JOB_INVISIBILITY_TIMEOUT_SECONDS";
    public const string MapsDirKey = "CARTOGRAM_MAPS_DIR";
    public const string HiddenLicencesKey = "CARTOGRAM_HIDDEN_LICENCES";
    public const string WarmUpKey = "CARTOGRAM_WARM_UP";
    public const string DeveloperExceptionPageKey = "CARTOGRAM_DEVELOPER_EXCEPTION_PAGE";

    /// <summary>Bounds of <see cref="JobInvisibilityTimeoutKey"/>: a keep-alive every 2 s at least, a job back within a day at most.</summary>
    public const int MinJobInvisibilitySeconds = 10;
    public const int MaxJobInvisibilitySeconds = 86_400;

    /// <summary>Every configuration key the site reads (each <c>...Key</c> constant), for documentation checks.</summary>
    public static IReadOnlyList<string> AllKeys { get; } = typeof(SiteSettings)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(field => field.IsLiteral && field.Name.EndsWith("Key", StringComparison.Ordinal))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    /// <summary>PostgreSQL, as keyword string or postgres:// URL; null for the embedded SQLite file.</summary>
    public string? DatabaseUrl { get; init; }

    /// <summary>StackExchange.Redis configuration (host:port) or redis:// URL; null for the in-memory progress store.</summary>
    public string? RedisUrl { get; init; }

    /// <summary>Folder for the SQLite database, the local Hangfire store and the mail pickup folder.</summary>
    public string DataDir { get; init; } = "App_Data";

    public Uri? PublicUrl { get; init; }

    public string? PublicUrlText { get; init; }

    public string? MigrateAtStartupText { get; init; }

    /// <summary>API Gateway's URL for the engine; null to compute in-process.</summary>
    public Uri? LambdaUrl { get; init; }

    public string? LambdaUrlText { get; init; }

    /// <summary>The API Gateway key (a secret: never logged).</summary>
    public string? LambdaKey { get; init; }

    public string? LambdaTimeoutText { get; init; }

    /// <summary>Shared with the Lambda to sign progress posts (a secret: never logged); null turns the endpoint off.</summary>
    public string? ProgressSecret { get; init; }

    /// <summary>
    /// Addresses besides loopback whose X-Forwarded-* headers are believed (comma-separated), such as the Docker
    /// network gateway through which nginx on the host reaches the container.
    /// </summary>
    public string? TrustedProxiesText { get; init; }

    public string? SmtpHost { get; init; }

    public string? SmtpPortText { get; init; }

    public string? SmtpAuthenticationRequiredText { get; init; }

    public string? SmtpUser { get; init; }

    /// <summary>A secret: never logged.</summary>
    public string? SmtpPassword { get; init; }

    public string? SmtpFromEmail { get; init; }

    public string? SmtpDestination { get; init; }

    public string? AdminUser { get; init; }

    public string? AdminPasswordHash { get; init; }

    public string? GaTrackingId { get; init; }

    public string? UnsharedRetentionDaysText { get; init; }

    public string? SharedRetentionDaysText { get; init; }

    public string? SubmissionsPerMinuteText { get; init; }

    public string? JobInvisibilityTimeoutText { get; init; }

    /// <summary>Library folders (full paths, in the order given); empty for the built-in starter library.</summary>
    public IReadOnlyList<string> MapsDirs { get; init; } = [];

    /// <summary>Licence ids (<see cref="Maps.MapLicence"/>) whose maps the library leaves out.</summary>
    public string? HiddenLicencesText { get; init; }

    public string? WarmUpText { get; init; }

    /// <summary>Compute every library map's population cartogram in the background at start (true unless configured).</summary>
    public bool WarmUp => !string.Equals(WarmUpText, "false", StringComparison.OrdinalIgnoreCase);
    public string? DeveloperExceptionPageText { get; init; }

    /// <summary>
    /// Whether unhandled exceptions show ASP.NET Core's developer page (with the stack trace) instead of the
    /// friendly error page and problem details: only when a developer sets the variable to true, whatever the
    /// environment, so `dotnet run` shows visitors no stack trace either.
    /// </summary>
    public bool DeveloperExceptionPage => string.Equals(DeveloperExceptionPageText, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// With PostgreSQL: how long a fetched job stays invisible to other workers without a keep-alive from the
    /// process running it (sent every fifth of this). When that process dies (killed, out of memory), its jobs
    /// run again this long after its last keep-alive (60 s unless configured).
    /// </summary>
    public TimeSpan JobInvisibilityTimeout =>
        TimeSpan.FromSeconds(int.TryParse(JobInvisibilityTimeoutText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is >= MinJobInvisibilitySeconds and <= MaxJobInvisibilitySeconds ? seconds : 60);

    /// <summary>Cartograms (pages and API) and admin logins one address may submit per minute (20 unless configured).</summary>
    public int SubmissionsPerMinute =>
        int.TryParse(SubmissionsPerMinuteText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= 100_000 ? limit : 20;

    /// <summary>Days a result that was never shared is kept (2 unless configured).</summary>
    public int UnsharedRetentionDays => Days(UnsharedRetentionDaysText, 2);

    /// <summary>Days a shared result is kept after it was last viewed (365 unless configured).</summary>
    public int SharedRetentionDays => Days(SharedRetentionDaysText, 365);

    /// <summary>True when both admin settings are present: the admin login is then available.</summary>
    public bool HasAdmin => AdminUser is not null && AdminPasswordHash is not null;

    /// <summary>The parsed <see cref="TrustedProxiesText"/>; entries that are not IP addresses are left out (the validator names them).</summary>
    public IReadOnlyList<System.Net.IPAddress> TrustedProxies =>
        (TrustedProxiesText ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => System.Net.IPAddress.TryParse(entry, out var address) ? address : null)
            .OfType<System.Net.IPAddress>()
            .ToArray();

    /// <summary>How long one call to the Lambda may take before it counts as failed and is retried.</summary>
    public double LambdaAttemptTimeoutSeconds => double.TryParse(LambdaTimeoutText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 35;

    /// <summary>All attempts and back-off together.</summary>
    public double LambdaTotalTimeoutSeconds => (3 * LambdaAttemptTimeoutSeconds) + 10;

    public double LambdaRetryDelaySeconds => 1;

    public bool MigrateAtStartup => !string.Equals(MigrateAtStartupText, "false", StringComparison.OrdinalIgnoreCase);

    public bool UsesPostgres => DatabaseUrl is not null;

    public bool UsesRedis => RedisUrl is not null;

    public static SiteSettings From(IConfiguration configuration, string contentRoot)
    {
        var dataDir = Value(configuration, DataDirKey) ?? Path.Combine(contentRoot, "App_Data");
        var publicUrl = Value(configuration, PublicUrlKey);
        return new SiteSettings
        {
            DatabaseUrl = Value(configuration, DatabaseUrlKey),
            RedisUrl = Value(configuration, RedisUrlKey),
            DataDir = Path.GetFullPath(dataDir, contentRoot),
            PublicUrlText = publicUrl,
            PublicUrl = Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) ? uri : null,
            MigrateAtStartupText = Value(configuration, MigrateAtStartupKey),
            LambdaUrlText = Value(configuration, LambdaUrlKey),
            LambdaUrl = Uri.TryCreate(Value(configuration, LambdaUrlKey), UriKind.Absolute, out var lambda) ? lambda : null,
            LambdaKey = Value(configuration, LambdaKeyKey),
            LambdaTimeoutText = Value(configuration, LambdaTimeoutKey),
            ProgressSecret = Value(configuration, ProgressSecretKey),
            TrustedProxiesText = Value(configuration, TrustedProxiesKey),
            SmtpHost = Value(configuration, SmtpHostKey),
            SmtpPortText = Value(configuration, SmtpPortKey),
            SmtpAuthenticationRequiredText = Value(configuration, SmtpAuthenticationRequiredKey),
            SmtpUser = Value(configuration, SmtpUserKey),
            SmtpPassword = Value(configuration, SmtpPasswordKey),
            SmtpFromEmail = Value(configuration, SmtpFromEmailKey),
            SmtpDestination = Value(configuration, SmtpDestinationKey),
            AdminUser = Value(configuration, AdminUserKey),
            AdminPasswordHash = Value(configuration, AdminPasswordHashKey),
            GaTrackingId = Value(configuration, GaTrackingIdKey),
            UnsharedRetentionDaysText = Value(configuration, UnsharedRetentionDaysKey),
            SharedRetentionDaysText = Value(configuration, SharedRetentionDaysKey),
            SubmissionsPerMinuteText = Value(configuration, SubmissionsPerMinuteKey),
            JobInvisibilityTimeoutText = Value(configuration, JobInvisibilityTimeoutKey),
            MapsDirs = [.. (Value(configuration, MapsDirKey) ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Path.GetFullPath)],
            HiddenLicencesText = Value(configuration, HiddenLicencesKey),
            WarmUpText = Value(configuration, WarmUpKey),
            DeveloperExceptionPageText = Value(configuration, DeveloperExceptionPageKey),
        };
    }

    /// <summary>A whole number of days from 1 to 3650, or the default (the validator refuses anything else).</summary>
    public static int Days(string? text, int fallback) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 3650 ? days : fallback;

    private static string? Value(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
