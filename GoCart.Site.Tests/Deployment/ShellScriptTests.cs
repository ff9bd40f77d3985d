using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Deployment;

public class ShellScriptTests
{
    /// <summary>Every shell script of the repository: *.sh files and the CI entry point.</summary>
    public static IReadOnlyList<string> Scripts() =>
        Directory.EnumerateFiles(RepositoryFiles.Root, "*.sh", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "node_modules"))
            .Append(Path.Combine(RepositoryFiles.Root, ".ci", "run"))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public async Task Shellcheck_finds_nothing_in_any_script()
    {
        var scripts = Scripts();
        Assert.Contains(scripts, path => path.EndsWith(Path.Combine("docker", "deploy.sh"), StringComparison.Ordinal));

        var result = await ExternalTool.RunAsync("shellcheck", ["--severity=style", "--external-sources", .. scripts], RepositoryFiles.Root);

        Assert.True(result.ExitCode == 0, result.Everything);
    }
}
