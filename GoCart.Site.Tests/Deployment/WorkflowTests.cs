using System.Text.RegularExpressions;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Deployment;

/// <summary>The GitHub workflows are valid YAML, and every secret they use is explained in docs/deploy.md.</summary>
public partial class WorkflowTests
{
    private static string Workflows => Path.Combine(RepositoryFiles.Root, ".github", "workflows");

    [Fact]
    public async Task Workflows_and_production_yml_pass_yamllint_strictly()
    {
        var files = Directory.EnumerateFiles(Workflows, "*.yml").Append(Path.Combine(RepositoryFiles.Root, "production.yml")).ToList();
        Assert.Contains(files, file => file.EndsWith("deploy-site.yml", StringComparison.Ordinal));
        Assert.Contains(files, file => file.EndsWith("deploy-lambda.yml", StringComparison.Ordinal));

        var result = await ExternalTool.RunAsync("yamllint", ["--strict", "--format", "parsable", .. files], RepositoryFiles.Root);

        Assert.True(result.ExitCode == 0, result.Everything);
    }

    [Fact]
    public void Every_secret_a_workflow_uses_is_listed_in_the_deploy_docs()
    {
        var used = Directory.EnumerateFiles(Workflows, "*.yml")
            .SelectMany(file => SecretReference().Matches(File.ReadAllText(file)).Select(match => match.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);
        var docs = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "deploy.md"));
        var listed = ListedSecret().Matches(docs).Select(match => match.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("LAMBDA_FUNCTION_NAME", used);
        Assert.Contains("AWS_REGION", used);
        Assert.Contains("DEPLOY_SSH_KEY", used);
        var unlisted = used.Except(listed).ToList();
        Assert.True(unlisted.Count == 0, "docs/deploy.md does not list the secrets " + string.Join(", ", unlisted));
    }

    [Fact]
    public void Deployments_wait_for_a_green_ci_run_on_main()
    {
        foreach (var name in new[] { "deploy-site.yml", "deploy-lambda.yml" })
        {
            var text = File.ReadAllText(Path.Combine(Workflows, name));
            Assert.Contains("workflows: [ci]", text);
            Assert.Contains("branches: [main]", text);
            Assert.Contains("github.event.workflow_run.conclusion == 'success'", text);
        }

        Assert.Contains("run: ./scripts/test.sh", File.ReadAllText(Path.Combine(Workflows, "ci.yml")));
        Assert.Contains("name: ci", File.ReadAllText(Path.Combine(Workflows, "ci.yml")));
        // The library is obtained when the repository names where it is kept, else the starter library is used.
        Assert.Contains("CARTOGRAM_MAPS_DIR: ${{ vars.CARTOGRAM_MAPS_REPOSITORY != '' && format('{0}/maps-library', github.workspace) || '' }}", File.ReadAllText(Path.Combine(Workflows, "ci.yml")));
    }

    [Fact]
    public void Ci_keeps_the_screenshots_from_the_folder_the_test_script_gives_the_tests()
    {
        var folder = ArtifactsFolder().Match(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "scripts", "test.sh")));
        Assert.True(folder.Success, "scripts/test.sh does not set GOCART_TEST_ARTIFACTS to a folder of the repository");
        var steps = File.ReadAllText(Path.Combine(Workflows, "ci.yml")).Split("\n      - ");

        var upload = Assert.Single(steps, step => step.Contains("uses: actions/upload-artifact@", StringComparison.Ordinal));
        Assert.Contains("if: always()", upload);
        Assert.Contains($"path: {folder.Groups["path"].Value}\n", upload);
    }

    [GeneratedRegex("^export GOCART_TEST_ARTIFACTS=\"\\$root/(?<path>[^\"]+)\"", RegexOptions.Multiline)]
    private static partial Regex ArtifactsFolder();

    [GeneratedRegex(@"secrets\.(?<name>[A-Za-z0-9_]+)")]
    private static partial Regex SecretReference();

    /// <summary>A secret in the docs' table: a row starting with the name in backticks.</summary>
    [GeneratedRegex(@"^\|\s*`(?<name>[A-Z0-9_]+)`\s*\|", RegexOptions.Multiline)]
    private static partial Regex ListedSecret();
}
