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
        CachedAsync(record, database, "view", (submission, result) => CartogramViewBuilder.Build(submission, result, maps, record.Key), cancellation);

    /// <summary>
    /// A dataset's view over all its columns: the figures of column <paramref name="shown"/>, or of the first computed
    /// column while that one is not; null while none is computed. Kept until a column's state changes.
    /// </summary>
    public async Task<CartogramView?> DatasetViewAsync(
        IReadOnlyList<(DatasetColumn Column, CartogramRecord? Record)> columns, int shown, GoCartDbContext database, CancellationToken cancellation)
    {
        var computed = Enumerable.Range(0, columns.Count).Where(c => columns[c].Record?.Status == CartogramRecordStatus.Succeeded).ToList();
        if (computed.Count == 0)
        {
            return null;
        }

        var figures = computed.Contains(shown) ? shown : computed[0];
        if (columns.Count == 1)
        {
            return await ViewAsync(columns[0].Record!, database, cancellation);
        }

        var state = string.Join(',', columns.Select(c => $"{c.Column.CartogramKey}:{c.Record?.Status}"));
        if (cache.TryGetValue(("dataset", state, figures), out CartogramView? cached) && cached is not null)
        {
            return cached;
        }

        var keys = columns.Select(c => c.Column.CartogramKey).Distinct().ToList();
        var payloads = await database.Cartograms.AsNoTracking().Where(c => keys.Contains(c.Key))
            .Select(c => new { c.Key, c.RequestJson, c.ResultJson, c.Status })
            .ToDictionaryAsync(c => c.Key, StringComparer.Ordinal, cancellation);
        var results = payloads.Values.Where(p => p is { Status: CartogramRecordStatus.Succeeded, ResultJson: not null })
            .ToDictionary(p => p.Key, p => CartogramResult.Parse(CompressedJson.Decompress(p.ResultJson!), withGeometry: true), StringComparer.Ordinal);
        var sources = columns.Select(c =>
        {
            var payload = payloads.GetValueOrDefault(c.Column.CartogramKey);
            return new ColumnSource(c.Column.Name, c.Column.CartogramKey, c.Record?.Status, c.Record?.Error,
                payload is null ? null : CompressedJson.Deserialize<CartogramSubmission>(payload.RequestJson),
                results.GetValueOrDefault(c.Column.CartogramKey));
        }).ToList();
        if (sources[figures].Result is null)
        {
            return null; // the column finished between the two reads; the next request sees it
        }

        var view = CartogramViewBuilder.Build(sources, figures, maps);
        cache.Set(("dataset", state, figures), view, new MemoryCacheEntryOptions { SlidingExpiration = KeepFor });
        return view;
    }

    public Task<string> SvgAsync(CartogramRecord record, GoCartDbContext database, CancellationToken cancellation) =>
        CachedAsync(record, database, "svg", (submission, result) => MapSvg.Render(CartogramViewBuilder.DownloadPicture(submission, result, maps), standalone: true), cancellation);

    public Task<byte[]> PngAsync(CartogramRecord record, GoCartDbContext database, CancellationToken cancellation) =>
        CachedAsync(record, database, "png", (submission, result) => MapPng.Render(CartogramViewBuilder.DownloadPicture(submission, result, maps, 900)), cancellation);

    /// <summary>
    /// The panels the settings ask for, drawn inline; kept per record and settings like the view. A library example's
    /// default panels (its map page without a query, drawn ahead by the warm-up) stay drawn like its view.
    /// </summary>
    public async Task<ResultPanels> PanelsAsync(CartogramRecord record, GoCartDbContext database, ViewSettings settings, CancellationToken cancellation)
    {
        var view = await ViewAsync(record, database, cancellation);
        var keep = record.IsExample && settings.Query() == DefaultSettings(view).Query();
        return Panels(view, settings, keep);
    }

    /// <summary>The settings of a page asked for without a query string.</summary>
    public static ViewSettings DefaultSettings(CartogramView view) => ViewSettings.Read(QueryCollection.Empty, view.Scene.ColumnNames);

    /// <summary>The panels of a view (a record's or a dataset's), kept per view and settings.</summary>
    public ResultPanels Panels(CartogramView view, ViewSettings settings) => Panels(view, settings, keep: false);

    private ResultPanels Panels(CartogramView view, ViewSettings settings, bool keep) =>
        cache.GetOrCreate(("panels", view, settings.Query()), entry =>
        {
            if (keep)
            {
                entry.Priority = CacheItemPriority.NeverRemove;
            }
            else
            {
                entry.SlidingExpiration = KeepFor;
            }

            return ResultPanels.Render(view.Scene, settings);
        })!;

    /// <summary>One panel as a standalone picture for its SVG, PNG and PDF exports (title, legends, grid if on, credit).</summary>
    public static MapPicture ExportPicture(CartogramView view, ViewSettings settings, int index)
    {
        var picture = Rendering.PanelPicture.Build(view.Scene, settings.Panels[index], settings, Rendering.PanelPicture.Id(settings.Panels, index));
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
