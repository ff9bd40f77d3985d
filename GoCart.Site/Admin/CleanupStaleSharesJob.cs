using System.ComponentModel;
using GoCart.Site.Data;
using GoCart.Site.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Admin;

/// <summary>
/// The recurring cleanup: deletes results (and uploaded-map drafts) never shared after
/// CARTOGRAM_UNSHARED_RETENTION_DAYS (2 by default) and shared ones not viewed for
/// CARTOGRAM_SHARED_RETENTION_DAYS (365). Library examples and cartograms still queued or running are kept.
/// Idempotent; each run is recorded with its counts for the admin page.
/// </summary>
public sealed partial class CleanupStaleSharesJob(GoCartDbContext database, SiteSettings settings, TimeProvider time, ILogger<CleanupStaleSharesJob> logger)
{
    public const string RecurringId = "cleanup-stale-shares";

    [AutomaticRetry(Attempts = 3)]
    [DisplayName("CleanupStaleShares")]
    public async Task RunAsync(CancellationToken cancellation)
    {
        var started = time.GetUtcNow().UtcDateTime;
        var unsharedBefore = started.AddDays(-settings.UnsharedRetentionDays);
        var sharedBefore = started.AddDays(-settings.SharedRetentionDays);
        var unshared = await database.Cartograms
            .Where(c => !c.IsShared && !c.IsExample && c.CreatedUtc < unsharedBefore
                && c.Status != CartogramRecordStatus.Queued && c.Status != CartogramRecordStatus.Running)
            .ExecuteDeleteAsync(cancellation);
        var shared = await database.Cartograms
            .Where(c => c.IsShared && !c.IsExample && c.LastAccessedUtc < sharedBefore)
            .ExecuteDeleteAsync(cancellation);
        database.CleanupRuns.Add(new CleanupRun
        {
            StartedUtc = started,
            FinishedUtc = time.GetUtcNow().UtcDateTime,
            DeletedUnshared = unshared,
            DeletedShared = shared,
        });
        await database.SaveChangesAsync(cancellation);
        LogCleaned(logger, unshared, settings.UnsharedRetentionDays, shared, settings.SharedRetentionDays);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleanup deleted {Unshared} unshared results older than {UnsharedDays} days and {Shared} shared results not viewed for {SharedDays} days")]
    private static partial void LogCleaned(ILogger logger, int unshared, int unsharedDays, int shared, int sharedDays);
}
