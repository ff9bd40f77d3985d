using System.Text.RegularExpressions;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Deployment;

/// <summary>
/// The README as a new user follows it: its links lead to files committed to the repository (what a fresh clone has), it names the SDK,
/// and the run command it gives is the one scripts/fresh-clone-check.sh runs from a fresh clone.
/// </summary>
public sealed partial class ReadmeTests
{
    private const string RunCommand = "dotnet run --project GoCart.Site";

    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));

    [Fact]
    public void Every_relative_link_in_the_readme_and_docs_names_a_file_of_the_repository()
    {
        var missing = new List<string>();
        // In the repository means committed: a file that is only on this machine (built, downloaded, ignored) is not in a fresh clone.
        var tracked = TrackedFiles();
        var documents = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "docs"), "*.md").Append(Path.Combine(RepositoryFiles.Root, "README.md"));
        foreach (var document in documents)
        {
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(document)))
            {
                var target = link.Groups["target"].Value.Split('#')[0];
                if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var path = Path.GetRelativePath(RepositoryFiles.Root, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, target))).Replace('\\', '/');
                if (!tracked.Any(file => file == path || file.StartsWith(path.TrimEnd('/') + "/", StringComparison.Ordinal)))
                {
                    missing.Add($"{Path.GetFileName(document)} → {target}");
                }
            }
        }

        Assert.True(missing.Count == 0, "Links to files that are not in the repository: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_readme_names_the_sdk_and_its_run_command_is_the_one_the_fresh_clone_check_runs()
    {
        Assert.Contains(".NET 10 SDK", Readme, StringComparison.Ordinal);
        Assert.Contains($"```sh\n{RunCommand}\n```", Readme, StringComparison.Ordinal);
        var check = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "scripts", "fresh-clone-check.sh"));
        Assert.Contains($"setsid {RunCommand} -- --urls", check, StringComparison.Ordinal);
        Assert.Contains("fresh-clone-check.sh", File.ReadAllText(Path.Combine(RepositoryFiles.Root, ".ci", "run")), StringComparison.Ordinal);
    }

    /// <summary>The files git tracks here (committed or added), as paths from the repository's root.</summary>
    private static HashSet<string> TrackedFiles()
    {
        var start = new System.Diagnostics.ProcessStartInfo("git", "ls-files") { WorkingDirectory = RepositoryFiles.Root, RedirectStandardOutput = true };
        using var git = System.Diagnostics.Process.Start(start)!;
        var files = git.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        git.WaitForExit();
        Assert.True(git.ExitCode == 0 && files.Count > 0, "git ls-files listed nothing: the test needs the repository's git checkout.");
        return files;
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
