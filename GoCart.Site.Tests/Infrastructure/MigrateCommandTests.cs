using System.Diagnostics;
using GoCart.Site.Tests.Geo;
using Npgsql;

namespace GoCart.Site.Tests.Infrastructure;

public class MigrateCommandTests
{
    [Fact]
    public async Task The_migrate_command_creates_the_schema_on_postgres_and_exits()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var site = Path.Combine(RepositoryFiles.Root, "GoCart.Site", "bin", configuration, "net10.0", "GoCart.Site.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(site)! };
        start.ArgumentList.Add(site);
        start.ArgumentList.Add("migrate");
        start.Environment["CARTOGRAM_DATABASE_URL"] = database.ConnectionString;
        start.Environment["CARTOGRAM_DATA_DIR"] = Path.Combine(Path.GetTempPath(), "gocart-migrate-" + Guid.NewGuid().ToString("N"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(process.ExitCode == 0, await output + await errors);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name = 'cartograms'", connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        Assert.DoesNotContain("Password", await output, StringComparison.OrdinalIgnoreCase);
    }
}
