using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GoCart.Site.Tests.Infrastructure;

/// <summary>
/// The real site in memory, configured only through its CARTOGRAM_* settings, with its own throw-away data
/// folder so that tests never share SQLite files, Hangfire stores or keys.
/// </summary>
public sealed class GoCartFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private readonly string _environment;

    private readonly bool _ownsDataDir;

    private readonly LogCapture? _logs;

    public GoCartFactory(IDictionary<string, string?>? settings = null, string environment = "Development", LogCapture? logs = null)
    {
        _environment = environment;
        _logs = logs;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        // A caller that passes its own data folder keeps it (to restart a site on the same files); otherwise
        // the factory makes a throw-away one and deletes it on dispose.
        _ownsDataDir = !_settings.TryGetValue("CARTOGRAM_DATA_DIR", out var given) || given is null;
        DataDir = given ?? Path.Combine(Path.GetTempPath(), "gocart-site-tests", Guid.NewGuid().ToString("N"));
        _settings["CARTOGRAM_DATA_DIR"] = DataDir;
        // Test sites do not compute the whole library at start unless a test asks for it.
        _settings.TryAdd("CARTOGRAM_WARM_UP", "false");
    }

    public string DataDir { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        _logs?.Configure(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_ownsDataDir)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection; the temp folder is cleaned by the OS eventually.
        }
    }
}
