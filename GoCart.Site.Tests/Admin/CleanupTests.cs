using GoCart.Site.Admin;
using GoCart.Site.Cartograms;
using GoCart.Site.Data;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Admin;

/// <summary>The CleanupStaleShares job against real PostgreSQL: exactly the stale rows go, twice is harmless.</summary>
public sealed class CleanupTests
{
    [Fact]
    public async Task Cleanup_deletes_exactly_the_stale_records_and_records_its_run()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_DATABASE_URL"] = database.ConnectionString,
            ["CARTOGRAM_UNSHARED_RETENTION_DAYS"] = "2",
            ["CARTOGRAM_SHARED_RETENTION_DAYS"] = "365",
        });
        _ = factory.CreateClient();
        var now = DateTime.UtcNow;
        var rows = new Dictionary<string, (CartogramRecordStatus Status, bool Shared, bool Example, DateTime Created, DateTime Accessed, bool Kept)>
        {
            ["unshared-fresh"] = (CartogramRecordStatus.Succeeded, false, false, now.AddDays(-1), now.AddDays(-1), true),
            ["unshared-stale"] = (CartogramRecordStatus.Succeeded, false, false, now.AddDays(-3), now.AddDays(-3), false),
            ["failed-stale"] = (CartogramRecordStatus.Failed, false, false, now.AddDays(-5), now.AddDays(-5), false),
            ["draft-stale"] = (CartogramRecordStatus.Draft, false, false, now.AddDays(-3), now.AddDays(-3), false),
            ["queued-old"] = (CartogramRecordStatus.Queued, false, false, now.AddDays(-3), now.AddDays(-3), true),
            ["shared-viewed"] = (CartogramRecordStatus.Succeeded, true, false, now.AddDays(-800), now.AddDays(-10), true),
            ["shared-stale"] = (CartogramRecordStatus.Succeeded, true, false, now.AddDays(-800), now.AddDays(-400), false),
            ["example-old"] = (CartogramRecordStatus.Succeeded, false, true, now.AddDays(-900), now.AddDays(-900), true),
        };
        var keys = rows.Keys.ToDictionary(name => name, _ => CartogramKeys.New());
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
            foreach (var (name, row) in rows)
            {
                db.Cartograms.Add(new CartogramRecord
                {
                    Key = keys[name],
                    Title = name,
                    Status = row.Status,
                    IsShared = row.Shared,
                    IsExample = row.Example,
                    CreatedUtc = row.Created,
                    LastAccessedUtc = row.Accessed,
                    RequestJson = [1],
                });
            }

            await db.SaveChangesAsync();
        }

        await RunAsync(factory);
        await RunAsync(factory);

        using var check = factory.Services.CreateScope();
        var remaining = await check.ServiceProvider.GetRequiredService<GoCartDbContext>().Cartograms.Select(c => c.Title).ToListAsync();
        Assert.Equal(rows.Where(r => r.Value.Kept).Select(r => r.Key).Order(), remaining.Order());
        var runs = await check.ServiceProvider.GetRequiredService<GoCartDbContext>().CleanupRuns.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(2, runs.Count);
        Assert.Equal((3, 1), (runs[0].DeletedUnshared, runs[0].DeletedShared));
        Assert.Equal((0, 0), (runs[1].DeletedUnshared, runs[1].DeletedShared));
    }

    private static async Task RunAsync(GoCartFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CleanupStaleSharesJob>().RunAsync(CancellationToken.None);
    }
}
