using System.Text.RegularExpressions;
using GoCart.Site.Infrastructure;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Deployment;

/// <summary>web-production.env.dist documents exactly the settings the site reads, and agrees with production.yml.</summary>
public partial class EnvironmentFileTests
{
    /// <summary>Variables the env file may set although SiteSettings does not read them: the framework's own.</summary>
    private static readonly string[] FrameworkVariables = ["ASPNETCORE_ENVIRONMENT"];

    public static IReadOnlyDictionary<string, string> Variables(string file) =>
        File.ReadLines(Path.Combine(RepositoryFiles.Root, file))
            .Select(line => Assignment().Match(line))
            .Where(match => match.Success)
            .ToDictionary(match => match.Groups["name"].Value, match => match.Groups["value"].Value.Trim());

    [Fact]
    public void Every_setting_the_site_reads_is_in_the_env_dist()
    {
        var documented = Variables("web-production.env.dist");

        var missing = SiteSettings.AllKeys.Where(key => !documented.ContainsKey(key)).ToList();

        Assert.True(missing.Count == 0, "web-production.env.dist lacks " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_variable_in_the_env_dist_is_read_by_the_site()
    {
        var unread = Variables("web-production.env.dist").Keys
            .Where(name => !SiteSettings.AllKeys.Contains(name) && !FrameworkVariables.Contains(name))
            .ToList();

        Assert.True(unread.Count == 0, "web-production.env.dist sets variables the site never reads: " + string.Join(", ", unread));
    }

    [Fact]
    public void Every_variable_in_the_env_dist_has_a_comment_above_it()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "web-production.env.dist"));
        var uncommented = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Assignment().Match(lines[i]);
            var above = i > 0 ? lines[i - 1] : "";
            if (match.Success && (!above.StartsWith('#') || Assignment().IsMatch(above)))
            {
                uncommented.Add(match.Groups["name"].Value);
            }
        }

        Assert.True(uncommented.Count == 0, "no comment explains " + string.Join(", ", uncommented));
    }

    [Fact]
    public void The_site_keys_are_all_cartogram_variables()
    {
        Assert.NotEmpty(SiteSettings.AllKeys);
        Assert.All(SiteSettings.AllKeys, key => Assert.StartsWith("CARTOGRAM_", key, StringComparison.Ordinal));
        Assert.Contains(SiteSettings.SmtpPasswordKey, SiteSettings.AllKeys);
        Assert.Equal(SiteSettings.AllKeys.Count, SiteSettings.AllKeys.Distinct().Count());
    }

    [Fact]
    public void The_database_url_matches_the_postgres_service_settings()
    {
        var web = Variables("web-production.env.dist");
        var postgres = Variables("postgres-production.env.dist");

        var url = new Uri(web[SiteSettings.DatabaseUrlKey]);

        Assert.Equal("postgres", url.Host);
        Assert.Equal(postgres["POSTGRES_USER"], url.UserInfo.Split(':')[0]);
        Assert.Equal(postgres["POSTGRES_PASSWORD"], url.UserInfo.Split(':')[1]);
        Assert.Equal(postgres["POSTGRES_DB"], url.AbsolutePath.TrimStart('/'));
        Assert.Equal("redis", web[SiteSettings.RedisUrlKey].Split(':')[0]);
    }

    [Fact]
    public void The_trusted_proxy_is_the_gateway_of_the_compose_network()
    {
        var compose = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "production.yml"));
        var gateway = Gateway().Match(compose);

        Assert.True(gateway.Success, "production.yml names no network gateway");
        Assert.Equal(gateway.Groups["address"].Value, Variables("web-production.env.dist")[SiteSettings.TrustedProxiesKey]);
    }

    [GeneratedRegex(@"^#?\s?(?<name>[A-Z][A-Z0-9_]*)=(?<value>.*)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"gateway:\s*(?<address>[0-9.]+)")]
    private static partial Regex Gateway();
}
