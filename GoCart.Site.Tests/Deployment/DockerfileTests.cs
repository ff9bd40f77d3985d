using System.Text.RegularExpressions;
using GoCart.Site.Infrastructure;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Deployment;

/// <summary>
/// What can be checked of the Dockerfiles without a Docker engine: what they copy exists and passes
/// .dockerignore, the site runs as a non-root user on port 5000, and the health check calls a command the site has.
/// </summary>
public partial class DockerfileTests
{
    public static TheoryData<string> Dockerfiles => new() { "site.Dockerfile", "lambda.Dockerfile" };

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Everything_a_dockerfile_copies_from_the_context_exists_and_is_not_ignored(string dockerfile)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "docker", dockerfile));
        var sources = lines.Select(line => ContextCopy().Match(line)).Where(match => match.Success)
            .SelectMany(match => match.Groups["sources"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            .ToList();
        var allowed = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, ".dockerignore"))
            .Where(line => line.StartsWith('!')).Select(line => line[1..].TrimEnd('/')).ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source =>
        {
            var path = Path.Combine(RepositoryFiles.Root, source.TrimEnd('/'));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"{dockerfile} copies {source}, which does not exist");
            Assert.True(allowed.Any(entry => source.TrimEnd('/') == entry || source.StartsWith(entry + "/", StringComparison.Ordinal)), $".dockerignore leaves {source} out of the build context");
        });
    }

    [Fact]
    public void The_site_image_runs_as_a_non_root_user_on_port_5000_with_a_health_check_the_site_understands()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docker", "site.Dockerfile"));

        Assert.Matches(@"(?m)^FROM mcr\.microsoft\.com/dotnet/sdk:10\.0 AS build$", text);
        Assert.Matches(@"(?m)^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0[^ ]* AS runtime$", text);
        Assert.Matches(@"(?m)^USER \$APP_UID$", text);
        Assert.Contains("ASPNETCORE_URLS=http://+:5000", text);
        Assert.Matches(@"(?m)^EXPOSE 5000$", text);
        Assert.Contains($"CMD [\"dotnet\", \"GoCart.Site.dll\", \"{HealthProbe.Command}\"]", text);
        Assert.Contains("http://127.0.0.1:5000/health/live", HealthProbe.DefaultUrl);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"GoCart.Site.dll\"]", text);
    }

    [Fact]
    public void The_lambda_image_packages_with_the_repository_script_and_exports_only_the_zip()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docker", "lambda.Dockerfile"));

        Assert.Contains("RUN scripts/package-lambda.sh /out/gocart-lambda.zip", text);
        Assert.Matches(@"(?m)^FROM scratch AS zip$", text);
        Assert.Matches(@"(?m)^COPY --from=build /out/gocart-lambda.zip /$", text);
    }

    /// <summary>A COPY from the build context (not --from another stage): its sources, then the destination.</summary>
    [GeneratedRegex(@"^COPY (?!.*--from)(?:--\S+ )*(?<sources>.+)$")]
    private static partial Regex ContextCopy();
}
