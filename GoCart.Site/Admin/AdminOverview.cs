using GoCart.Site.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GoCart.Site.Admin;

/// <summary>What the admin page shows: cartograms by state, recent failures, pending mail, the last cleanup, storage and health.</summary>
public sealed class AdminOverview(GoCartDbContext database, HealthCheckService health, TimeProvider time)
{
    public async Task<AdminFigures> LoadAsync(CancellationToken cancellation)
    {
        var dayAgo = time.GetUtcNow().UtcDateTime.AddDays(-1);
        var cartograms = database.Cartograms.AsNoTracking();
        var figures = new AdminFigures
        {
            Queued = await cartograms.CountAsync(c => c.Status == CartogramRecordStatus.Queued, cancellation),
            Running = await cartograms.CountAsync(c => c.Status == CartogramRecordStatus.Running, cancellation),
            FailedLastDay = await cartograms.CountAsync(c => c.Status == CartogramRecordStatus.Failed && c.CreatedUtc >= dayAgo, cancellation),
            SucceededLastDay = await cartograms.CountAsync(c => c.Status == CartogramRecordStatus.Succeeded && c.CreatedUtc >= dayAgo, cancellation),
            Shared = await cartograms.CountAsync(c => c.IsShared, cancellation),
            Total = await cartograms.CountAsync(cancellation),
            StoredBytes = await cartograms.SumAsync(c => (long)c.RequestJson.Length + (c.ResultJson == null ? 0 : c.ResultJson.Length), cancellation),
            RecentFailures = await cartograms.Where(c => c.Status == CartogramRecordStatus.Failed)
                .OrderByDescending(c => c.CreatedUtc).Take(10)
                .Select(c => new RecentFailure(c.Key, c.Title, c.CreatedUtc, c.Error ?? "")).ToListAsync(cancellation),
            PendingMail = await database.ContactMessages.CountAsync(m => m.SentUtc == null, cancellation),
            LastCleanup = await database.CleanupRuns.AsNoTracking().OrderByDescending(r => r.StartedUtc).FirstOrDefaultAsync(cancellation),
        };
        var report = await health.CheckHealthAsync(cancellation);
        figures.Health = [.. report.Entries.Select(e => (e.Key, e.Value.Status.ToString()))];
        return figures;
    }
}

/// <summary>The admin page's numbers.</summary>
public sealed class AdminFigures
{
    public int Queued { get; init; }

    public int Running { get; init; }

    public int FailedLastDay { get; init; }

    public int SucceededLastDay { get; init; }

    public int Shared { get; init; }

    public int Total { get; init; }

    public long StoredBytes { get; init; }

    public IReadOnlyList<RecentFailure> RecentFailures { get; init; } = [];

    public int PendingMail { get; init; }

    public CleanupRun? LastCleanup { get; init; }

    public IReadOnlyList<(string Name, string Status)> Health { get; set; } = [];
}

/// <summary>A failed cartogram and its error.</summary>
public sealed record RecentFailure(string Key, string Title, DateTime CreatedUtc, string Error);
