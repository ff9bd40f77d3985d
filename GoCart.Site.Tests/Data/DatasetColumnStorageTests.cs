using GoCart.Site.Data;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Tests.Data;

/// <summary>
/// The dataset_columns migration on both providers: applied to an empty database, it stores a dataset's columns
/// in order, and deleting a cartogram record (as the cleanup does) removes the columns that pointed at it.
/// </summary>
public sealed class DatasetColumnStorageTests
{
    [Fact]
    public async Task Postgres_stores_a_datasets_columns_and_cleans_them_with_their_records()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using var context = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(database.ConnectionString).Options);

        await StoresAndCleansAsync(context);
    }

    [Fact]
    public async Task Sqlite_stores_a_datasets_columns_and_cleans_them_with_their_records()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gocart-columns-{Guid.NewGuid():N}.db");
        try
        {
            await using var context = new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options);

            await StoresAndCleansAsync(context);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task StoresAndCleansAsync(GoCartDbContext context)
    {
        await context.Database.MigrateAsync();
        var dataset = Record("d".PadRight(32, 'd'));
        var gdp = Record("g".PadRight(32, 'g'));
        context.Cartograms.AddRange(dataset, gdp);
        context.DatasetColumns.AddRange(
            new DatasetColumnRecord { DatasetKey = dataset.Key, Index = 0, Name = "Population (people)", CartogramKey = dataset.Key },
            new DatasetColumnRecord { DatasetKey = dataset.Key, Index = 1, Name = "GDP (million USD)", CartogramKey = gdp.Key },
            new DatasetColumnRecord { DatasetKey = dataset.Key, Index = 2, Name = "Inhabitants (people)", CartogramKey = dataset.Key });
        await context.SaveChangesAsync();
        context.ChangeTracker.Clear();

        var columns = await context.DatasetColumns.Where(c => c.DatasetKey == dataset.Key).OrderBy(c => c.Index).Select(c => c.Name + "→" + c.CartogramKey).ToListAsync();
        Assert.Equal([$"Population (people)→{dataset.Key}", $"GDP (million USD)→{gdp.Key}", $"Inhabitants (people)→{dataset.Key}"], columns);

        await context.Cartograms.Where(c => c.Key == gdp.Key).ExecuteDeleteAsync();
        Assert.Equal([0, 2], await context.DatasetColumns.OrderBy(c => c.Index).Select(c => c.Index).ToListAsync());
        await context.Cartograms.Where(c => c.Key == dataset.Key).ExecuteDeleteAsync();
        Assert.Empty(await context.DatasetColumns.ToListAsync());
    }

    private static CartogramRecord Record(string key) => new()
    {
        Key = key,
        Title = key[..1],
        Status = CartogramRecordStatus.Succeeded,
        CreatedUtc = DateTime.UtcNow,
        LastAccessedUtc = DateTime.UtcNow,
        RequestJson = [1],
    };
}
