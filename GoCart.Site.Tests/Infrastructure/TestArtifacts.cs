namespace GoCart.Site.Tests.Infrastructure;

/// <summary>Where tests leave what people look at afterwards (screenshots, load figures): GOCART_TEST_ARTIFACTS, set by scripts/test.sh.</summary>
public static class TestArtifacts
{
    public static string Folder()
    {
        var folder = Environment.GetEnvironmentVariable("GOCART_TEST_ARTIFACTS") is { Length: > 0 } artifacts
            ? artifacts
            : Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Appends a time-stamped line to a report file in the artefacts folder (figures docs quote).</summary>
    public static Task AppendLineAsync(string file, string line) =>
        File.AppendAllTextAsync(Path.Combine(Folder(), file), $"{DateTime.UtcNow:O} {line}{Environment.NewLine}");
}
