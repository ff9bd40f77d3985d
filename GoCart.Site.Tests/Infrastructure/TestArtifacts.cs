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
}
