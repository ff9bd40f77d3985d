using System.Globalization;
using System.Net;
using GoCart.Site.Admin;
using GoCart.Site.Tests.Contact;
using GoCart.Site.Tests.Deployment;
using GoCart.Site.Tests.Hosting;
using GoCart.Site.Tests.Infrastructure;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// Production's shape on loopback, with two site replicas: a fresh PostgreSQL database, a Redis server of its
/// own (so that its rate-limit and lockout counts are this stack's alone), `gocart serve` standing in for API
/// Gateway and the Lambda, an SMTP sink, `migrate` run once as docker/deploy.sh does, two built site processes
/// from the publish output as the image runs them (each with its own data folder, so nothing is shared through
/// files) and docker/nginx/gocart.conf in front of
/// them, round robin.
/// </summary>
public sealed class TwoReplicaSite : IAsyncLifetime, IDisposable
{
    public const string AdminUser = "admin";

    public const string AdminPassword = "replicas share one lockout";

    public const int JobInvisibilitySeconds = 10;

    private const string ApiKey = "replica-stack-key-42";

    private TemporaryPostgresDatabase? _database;

    private OwnRedisServer? _redis;

    private GocartExecutable? _engine;

    private LoopbackNginx? _nginx;

    private int _stopped;

    public SmtpSink Smtp { get; } = SmtpSink.Create();

    public TemporaryPostgresDatabase Database => _database!;

    public IReadOnlyList<RunningSite> Replicas { get; private set; } = [];

    /// <summary>The site as visitors reach it: nginx's HTTPS address.</summary>
    public string PublicUrl => _nginx!.HttpsUrl;

    public async Task InitializeAsync()
    {
        _database = await TemporaryPostgresDatabase.CreateAsync();
        _redis = await OwnRedisServer.StartAsync();
        await Smtp.StartAsync();
        (_engine, var engineUrl) = await GocartExecutable.StartServeAsync(ApiKey);
        var environment = new Dictionary<string, string>
        {
            ["CARTOGRAM_DATABASE_URL"] = _database.ConnectionString,
            ["CARTOGRAM_REDIS_URL"] = _redis.Address,
            ["CARTOGRAM_LAMBDA_URL"] = engineUrl,
            ["CARTOGRAM_LAMBDA_KEY"] = ApiKey,
            ["CARTOGRAM_MIGRATE_AT_STARTUP"] = "false",
            ["CARTOGRAM_JOB_INVISIBILITY_TIMEOUT_SECONDS"] = JobInvisibilitySeconds.ToString(CultureInfo.InvariantCulture),
            ["CARTOGRAM_ADMIN_USER"] = AdminUser,
            ["CARTOGRAM_ADMIN_PASSWORD_HASH"] = PasswordHash.Create(AdminPassword),
            ["CARTOGRAM_SMTP_HOST"] = "127.0.0.1",
            ["CARTOGRAM_SMTP_PORT"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["CARTOGRAM_SMTP_AUTHENTICATION_REQUIRED"] = "FALSE",
            ["CARTOGRAM_SMTP_FROM_EMAIL"] = "contactform@gocart.test",
            ["CARTOGRAM_SMTP_DESTINATION"] = "support@gocart.test",
        };

        var (exitCode, output) = await SiteProcess.RunAsync(environment, "migrate");
        Assert.True(exitCode == 0, $"migrate failed: {output}");
        var published = await SiteProcess.PublishedAsync();
        Replicas = await Task.WhenAll(SiteProcess.StartAsync(environment, published), SiteProcess.StartAsync(environment, published));
        _nginx = new LoopbackNginx(Loopback.FreePort(), Loopback.FreePort());
        await _nginx.PrepareAsync([.. Replicas.Select(replica => replica.Port)]);
        await _nginx.StartAsync();
    }

    /// <summary>A client of one replica directly, from the given loopback address, with the given cookie jar.</summary>
    public HttpClient Direct(int replica, IPAddress from, CookieContainer cookies) => Loopback.ClientFrom(from, Replicas[replica].Url, cookies);

    /// <summary>A client of the site through nginx, from the given loopback address.</summary>
    public HttpClient ThroughNginx(IPAddress from) => Loopback.ClientFrom(from, PublicUrl);

    /// <summary>How many requests of this method and path a replica has logged so far (its one-line request log).</summary>
    public int Served(int replica, string method, string pathStart) =>
        Replicas[replica].Output.Count(line => line.Contains($"\"RequestMethod\":\"{method}\"", StringComparison.Ordinal)
            && line.Contains($"\"RequestPath\":\"{pathStart}", StringComparison.Ordinal));

    /// <summary>Stops the processes (xUnit calls this after <see cref="DisposeAsync"/>).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        _nginx?.Dispose();
        foreach (var replica in Replicas)
        {
            replica.Dispose();
        }

        _engine?.Dispose();
        _redis?.Dispose();
    }

    /// <summary>Stops the sites first, then drops what they used.</summary>
    public async Task DisposeAsync()
    {
        Dispose();
        await Smtp.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
