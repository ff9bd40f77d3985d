using GoCart.Site.Cartograms;
using GoCart.Site.Data;
using GoCart.Site.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Maps;

/// <summary>
/// Computes and draws every listed map's population cartogram before anyone asks, so that the first visit to a
/// map page is as fast as the second: the gallery's thumbnails, each example's view and its map page's panels are
/// drawn too and kept in memory. It starts once the site is serving and queues one example at a time through the
/// ordinary GenerateCartogram job (a visitor's own cartogram never waits behind the whole library; the job queue
/// is shared between replicas and survives restarts). Examples already stored (under the key of the map's current
/// files) are skipped, so a restart or a second replica computes nothing again. Off with CARTOGRAM_WARM_UP=false.
/// </summary>
public sealed partial class LibraryWarmUp(
    IServiceScopeFactory scopes,
    MapLibrary library,
    CartogramViews views,
    MapThumbnails thumbnails,
    SiteSettings settings,
    IHostApplicationLifetime lifetime,
    ILogger<LibraryWarmUp> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.WarmUp || !await StartedAsync(stoppingToken))
        {
            return;
        }

        // The gallery's outlines first: they take a fraction of a second each, and the gallery is whole long
        // before the last cartogram is.
        foreach (var map in library.Listed)
        {
            stoppingToken.ThrowIfCancellationRequested();
            await thumbnails.OutlineAsync(map);
        }

        var computed = 0;
        foreach (var map in library.Listed)
        {
            try
            {
                computed += await WarmAsync(map, stoppingToken) ? 1 : 0;
            }
            catch (Exception exception) when (exception is not OperationCanceledException && !stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unavailable: this map waits for its first visitor instead.
                LogMapFailed(logger, exception, map.Id);
            }
        }

        LogDone(logger, library.Listed.Count(), computed);
    }

    /// <summary>Queues the map's example when it is not stored yet and waits for it to finish; true when it had to be computed.</summary>
    private async Task<bool> WarmAsync(LibraryMap map, CancellationToken cancellation)
    {
        using var scope = scopes.CreateScope();
        var submitter = scope.ServiceProvider.GetRequiredService<CartogramSubmitter>();
        var database = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
        var example = await submitter.EnsureExampleAsync(map, cancellation);
        var computed = example.Status is not (CartogramRecordStatus.Succeeded or CartogramRecordStatus.Failed);
        var deadline = DateTime.UtcNow + LongestWait;
        while (example.Status is not (CartogramRecordStatus.Succeeded or CartogramRecordStatus.Failed) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(PollInterval, cancellation);
            example = await database.Cartograms.AsNoTracking().Where(c => c.Key == example.Key).WithoutPayload().FirstAsync(cancellation);
        }

        if (computed)
        {
            LogMapDone(logger, map.Id, example.Status.ToString());
        }

        // Drawn now too, gallery thumbnail and page panels, so that the first visit neither computes nor draws.
        if (example.Status == CartogramRecordStatus.Succeeded)
        {
            // A gallery visit may have looked for the thumbnail just before the example was stored: look again then.
            _ = await thumbnails.CartogramAsync(map) ?? await thumbnails.CartogramAsync(map);
            var view = await views.ViewAsync(example, database, cancellation);
            await views.PanelsAsync(example, database, CartogramViews.DefaultSettings(view), cancellation);
        }

        return computed;
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(started.SetResult);
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Library warm-up: example of {MapId} {Status}")]
    private static partial void LogMapDone(ILogger logger, string mapId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Library warm-up: example of {MapId} could not be queued; it is computed on its first visit")]
    private static partial void LogMapFailed(ILogger logger, Exception exception, string mapId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Library warm-up done: {Maps} maps, {Computed} computed now, the others already stored")]
    private static partial void LogDone(ILogger logger, int maps, int computed);
}
