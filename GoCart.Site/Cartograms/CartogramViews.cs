using GoCart.Lambda.Drawing;
using GoCart.Site.Cartograms.Rendering;
using GoCart.Site.Data;
using GoCart.Site.Maps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Rendered results, cached in memory for a while after last use: a stored result's page then renders without
/// reading the payload, parsing or drawing again. Results never change once succeeded, so the key is the
/// record's key. Records may come without their payload (<see cref="CartogramQueries.WithoutPayload"/>); it is
/// read from the database only when something has to be drawn.
/// </summary>
public sealed class CartogramViews(IMemoryCache cache, MapLibrary maps)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    public Task<CartogramView> ViewAsync(CartogramRecord record, GoCartDbContext database, CancellationToken cancellation) =>
        CachedAsync(record, database, "view", (submission, result) => CartogramViewBuilder.Build(submission, result, maps), cancellation);

    public Task<string> SvgAsync(CartogramRecord record, GoCartDbContext database, CancellationToken cancellation) =>
        CachedAsync(record, database, "svg", (submission, result) => MapSvg.Render(CartogramViewBuilder.DownloadPicture(submission, result, maps), standalone: true), cancellation);

    public Task<byte[]> PngAsync(CartogramRecord record, GoCartDbContext database, CancellationToken cancellation) =>
        CachedAsync(record, database, "png", (submission, result) => MapPng.Render(CartogramViewBuilder.DownloadPicture(submission, result, maps, 900)), cancellation);

    /// <summary>The panels the settings ask for, drawn inline; kept per record and settings like the view.</summary>
    public async Task<ResultPanels> PanelsAsync(CartogramRecord record, GoCartDbContext database, ViewSettings settings, CancellationToken cancellation)
    {
        var view = await ViewAsync(record, database, cancellation);
        return cache.GetOrCreate(("panels", record.Key, settings.Query()), entry =>
        {
            entry.SlidingExpiration = KeepFor;
            return ResultPanels.Render(view.Scene, settings);
        })!;
    }

    /// <summary>One panel as a standalone picture for its SVG and PNG exports (title, legends, grid if on, credit).</summary>
    public async Task<MapPicture> PanelPictureAsync(CartogramRecord record, GoCartDbContext database, ViewSettings settings, int index, CancellationToken cancellation)
    {
        var view = await ViewAsync(record, database, cancellation);
        var picture = PanelPicture.Build(view.Scene, settings.Panels[index], settings, PanelPicture.Id(settings.Panels, index));
        return picture with { Title = $"{view.Scene.Title} · {picture.Title}" };
    }

    /// <summary>The engine's statistics, without the geometry (status polls ask for them).</summary>
    public Task<ResultStatistics> StatisticsAsync(CartogramRecord record, GoCartDbContext database, CancellationToken cancellation) =>
        CachedAsync(record, database, "statistics", (_, result) => result.Statistics, cancellation, withGeometry: false);

    private async Task<T> CachedAsync<T>(
        CartogramRecord record, GoCartDbContext database, string what, Func<CartogramSubmission, CartogramResult, T> build,
        CancellationToken cancellation, bool withGeometry = true)
        where T : notnull
    {
        if (cache.TryGetValue((what, record.Key), out T? cached) && cached is not null)
        {
            return cached;
        }

        var (request, resultJson) = record.ResultJson is { } stored
            ? (record.RequestJson, stored)
            : await PayloadAsync(record.Key, database, cancellation);
        var submission = CompressedJson.Deserialize<CartogramSubmission>(request);
        var result = CartogramResult.Parse(CompressedJson.Decompress(resultJson), withGeometry);
        var value = build(submission, result);
        // Library examples stay drawn (there is one per map, computed ahead by the warm-up), so the first visit
        // to a map page after hours without one is as fast as the second.
        cache.Set((what, record.Key), value, record.IsExample
            ? new MemoryCacheEntryOptions { Priority = CacheItemPriority.NeverRemove }
            : new MemoryCacheEntryOptions { SlidingExpiration = KeepFor });
        return value;
    }

    private static async Task<(byte[] Request, byte[] Result)> PayloadAsync(string key, GoCartDbContext database, CancellationToken cancellation)
    {
        var payload = await database.Cartograms.AsNoTracking().Where(c => c.Key == key)
            .Select(c => new { c.RequestJson, c.ResultJson })
            .FirstOrDefaultAsync(cancellation);
        return payload?.ResultJson is { } result
            ? (payload.RequestJson, result)
            : throw new InvalidOperationException($"Cartogram {key} has no result.");
    }
}
