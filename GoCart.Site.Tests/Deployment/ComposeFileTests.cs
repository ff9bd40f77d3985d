using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Deployment;

/// <summary>production.yml is a valid Compose file, as docker-compose itself reads it with copies of the env dists.</summary>
public class ComposeFileTests
{
    private static async Task<ExternalTool.Result> ConfigAsync(TemporaryFolder folder, string? image, string? replicas = null, string? mapsDir = null)
    {
        File.Copy(Path.Combine(RepositoryFiles.Root, "production.yml"), folder.File("production.yml"));
        File.Copy(Path.Combine(RepositoryFiles.Root, "web-production.env.dist"), folder.File("web-production.env"));
        File.Copy(Path.Combine(RepositoryFiles.Root, "postgres-production.env.dist"), folder.File("postgres-production.env"));
        var environment = new Dictionary<string, string> { ["GOCART_IMAGE"] = image ?? "" };
        if (replicas is not null)
        {
            environment["GOCART_WEB_REPLICAS"] = replicas;
        }

        if (mapsDir is not null)
        {
            environment["GOCART_MAPS_DIR"] = mapsDir;
        }

        return await ExternalTool.RunAsync("docker-compose", ["-f", "production.yml", "config"], folder.Path, environment);
    }

    [Fact]
    public async Task Compose_accepts_production_yml_with_the_env_dists()
    {
        using var folder = new TemporaryFolder("compose");

        var result = await ConfigAsync(folder, "registry.example.org/gocart/site:0123abc");

        Assert.True(result.ExitCode == 0, result.Everything);
        var config = result.Output;
        Assert.Contains("image: registry.example.org/gocart/site:0123abc", config);
        Assert.Contains("127.0.0.1:5000-5003:5000", config);
        Assert.Contains("replicas: 1", config);
        Assert.Equal(2, CountOf(config, "condition: service_healthy"));
        Assert.Equal(3, CountOf(config, "restart: unless-stopped"));
        Assert.Equal(3, CountOf(config, "driver: json-file"));
        Assert.Contains("--appendonly", config);
        Assert.Contains("pg_isready", config);
        Assert.Contains("redis-cli", config);
        Assert.Contains("postgres-data:/var/lib/postgresql/data", config);
        // The env file reaches the site's container.
        Assert.Contains("CARTOGRAM_DATABASE_URL: postgres://gocart:", config);
    }

    [Fact]
    public async Task The_one_replicas_setting_runs_several_site_processes_on_the_ports_nginx_lists()
    {
        using var folder = new TemporaryFolder("compose");

        var result = await ConfigAsync(folder, "registry.example.org/gocart/site:0123abc", replicas: "3");

        Assert.True(result.ExitCode == 0, result.Everything);
        Assert.Contains("replicas: 3", result.Output);
        var nginx = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docker", "nginx", "gocart.conf"));
        foreach (var port in new[] { 5000, 5001, 5002, 5003 })
        {
            Assert.Contains($"server 127.0.0.1:{port} ", nginx);
        }
    }

    /// <summary>docs/maps.md: the host's maps folder (./maps beside production.yml unless GOCART_MAPS_DIR names one) is mounted read-only where CARTOGRAM_MAPS_DIR points.</summary>
    [Fact]
    public async Task The_map_library_folder_is_mounted_read_only_where_the_site_reads_it()
    {
        using var folder = new TemporaryFolder("compose");
        using var other = new TemporaryFolder("compose");
        using var library = new TemporaryFolder("compose-maps");

        var beside = await ConfigAsync(folder, "registry.example.org/gocart/site:0123abc");
        var named = await ConfigAsync(other, "registry.example.org/gocart/site:0123abc", mapsDir: library.Path);

        Assert.True(beside.ExitCode == 0, beside.Everything);
        Assert.Contains("CARTOGRAM_MAPS_DIR: /srv/gocart-maps", beside.Output);
        Assert.Contains($"- {Path.Combine(folder.Path, "maps")}:/srv/gocart-maps:ro", beside.Output);
        Assert.True(named.ExitCode == 0, named.Everything);
        Assert.Contains($"- {library.Path}:/srv/gocart-maps:ro", named.Output);
    }

    [Fact]
    public async Task Compose_refuses_to_start_without_an_image_and_says_so()
    {
        using var folder = new TemporaryFolder("compose");

        var result = await ConfigAsync(folder, null);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("GOCART_IMAGE", result.Everything);
    }

    [Fact]
    public void Production_yml_holds_no_settings_or_secrets_itself()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "production.yml"));

        Assert.DoesNotContain("PASSWORD", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("environment:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CARTOGRAM_", text.Replace("CARTOGRAM_TRUSTED_PROXIES", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Env_files_with_secrets_are_kept_out_of_git_and_images()
    {
        var gitignore = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, ".gitignore"));
        var dockerignore = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, ".dockerignore"));

        Assert.Contains("web-production.env", gitignore);
        Assert.Contains("postgres-production.env", gitignore);
        // The build context is an allow-list: everything is excluded first.
        Assert.Equal("*", dockerignore.First(line => line.Length > 0 && !line.StartsWith('#')));
        Assert.DoesNotContain(dockerignore, line => line.Contains("production.env", StringComparison.Ordinal) && line.StartsWith('!'));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
