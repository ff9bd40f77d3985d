using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Deployment;

/// <summary>
/// docker/deploy.sh's decisions (order of steps, health wait, rollback, refusals), run against a recording
/// stand-in for the docker command, since this machine has no Docker engine: the stand-in keeps which image
/// runs and reports it healthy unless its name says "broken".
/// </summary>
public sealed class DeployScriptTests : IDisposable
{
    private const string StandIn = """
        #!/usr/bin/env bash
        # Records each call; "compose up" remembers the image; inspect reports its health.
        state=$DOCKER_STAND_IN_STATE
        echo "$* image=${GOCART_IMAGE:-}" >> "$state/calls"
        case "$*" in
          "compose version") exit 0 ;;
          *" pull web") [[ "$GOCART_IMAGE" == *missing* ]] && { echo "manifest unknown" >&2; exit 1; }; exit 0 ;;
          *" run --rm web migrate") exit 0 ;;
          *" up -d --remove-orphans") echo "$GOCART_IMAGE" > "$state/running"; exit 0 ;;
          *" ps -q web") [ -f "$state/running" ] && echo container-1; exit 0 ;;
          *" logs --tail 50 web") echo "site log"; exit 0 ;;
          "inspect --format "*) image=$(cat "$state/running")
            if [[ "$image" == *broken* ]]; then echo "$image unhealthy"; else echo "$image healthy"; fi; exit 0 ;;
        esac
        echo "unexpected docker call: $*" >&2
        exit 99
        """;

    private readonly TemporaryFolder _folder = new("deploy");

    public DeployScriptTests()
    {
        Directory.CreateDirectory(_folder.File("bin"));
        Directory.CreateDirectory(_folder.File("state"));
        File.WriteAllText(_folder.File("bin/docker"), StandIn.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder.File("bin/docker"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Directory.CreateDirectory(_folder.File("site"));
        File.Copy(Path.Combine(RepositoryFiles.Root, "production.yml"), _folder.File("site/production.yml"));
        File.WriteAllText(_folder.File("site/web-production.env"), "CARTOGRAM_LAMBDA_KEY=a-real-key\n");
        File.WriteAllText(_folder.File("site/postgres-production.env"), "POSTGRES_PASSWORD=a-real-password\n");
    }

    private string Running => File.ReadAllText(_folder.File("state/running")).Trim();

    private string Deployed => File.ReadAllText(_folder.File("site/.deployed-image")).Trim();

    private string[] Calls => File.ReadAllLines(_folder.File("state/calls"));

    private Task<ExternalTool.Result> DeployAsync(params string[] args) =>
        ExternalTool.RunAsync(Path.Combine(RepositoryFiles.Root, "docker", "deploy.sh"), args, _folder.Path, new Dictionary<string, string>
        {
            ["PATH"] = _folder.File("bin") + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["DOCKER_STAND_IN_STATE"] = _folder.File("state"),
            ["GOCART_DEPLOY_DIR"] = _folder.File("site"),
            ["GOCART_HEALTH_TIMEOUT"] = "2",
        });

    [Fact]
    public async Task A_healthy_image_is_pulled_migrated_started_and_remembered_and_deploying_it_again_changes_nothing()
    {
        var first = await DeployAsync("registry.example.org:5000/gocart/site:good1");
        var second = await DeployAsync("registry.example.org:5000/gocart/site:good1");

        Assert.True(first.ExitCode == 0, first.Everything);
        Assert.True(second.ExitCode == 0, second.Everything);
        Assert.Equal("registry.example.org:5000/gocart/site:good1", Deployed);
        var steps = Calls.Where(c => c.Contains("pull web") || c.Contains("migrate") || c.Contains("up -d")).Take(3).ToList();
        Assert.Collection(steps,
            pull => Assert.Contains("pull web image=registry.example.org:5000/gocart/site:good1", pull),
            migrate => Assert.Contains("run --rm web migrate image=registry.example.org:5000/gocart/site:good1", migrate),
            up => Assert.Contains("up -d --remove-orphans image=registry.example.org:5000/gocart/site:good1", up));
    }

    [Fact]
    public async Task An_unhealthy_image_is_rolled_back_to_the_last_good_one_and_the_deploy_fails()
    {
        Assert.Equal(0, (await DeployAsync("registry.example.org/gocart/site:good1")).ExitCode);

        var result = await DeployAsync("registry.example.org/gocart/site:broken2");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("rolled back: registry.example.org/gocart/site:good1 is live again", result.Everything);
        Assert.Equal("registry.example.org/gocart/site:good1", Running);
        Assert.Equal("registry.example.org/gocart/site:good1", Deployed);
    }

    [Fact]
    public async Task A_first_deploy_that_is_unhealthy_fails_without_anything_to_roll_back_to()
    {
        var result = await DeployAsync("registry.example.org/gocart/site:broken1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no earlier healthy image", result.Everything);
        Assert.False(File.Exists(_folder.File("site/.deployed-image")));
    }

    [Fact]
    public async Task An_image_that_cannot_be_pulled_leaves_the_running_site_alone()
    {
        Assert.Equal(0, (await DeployAsync("registry.example.org/gocart/site:good1")).ExitCode);

        var result = await DeployAsync("registry.example.org/gocart/site:missing2");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("registry.example.org/gocart/site:good1", Running);
        Assert.DoesNotContain(Calls, call => call.Contains("migrate image=registry.example.org/gocart/site:missing2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Env_files_with_placeholders_are_refused_before_any_docker_call()
    {
        File.WriteAllText(_folder.File("site/web-production.env"), "CARTOGRAM_LAMBDA_KEY=CHANGE_ME\n");

        var result = await DeployAsync("registry.example.org/gocart/site:good1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("web-production.env", result.Errors);
        Assert.Contains("CHANGE_ME", result.Errors);
        Assert.False(File.Exists(_folder.File("state/calls")));
    }

    [Theory]
    [InlineData]
    [InlineData("registry.example.org:5000/gocart/site")]
    [InlineData("a:1", "b:2")]
    public async Task A_missing_or_untagged_image_is_a_usage_error(params string[] args)
    {
        var result = await DeployAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage:", result.Errors);
    }

    public void Dispose() => _folder.Dispose();
}
