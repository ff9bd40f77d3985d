using GoCart.Site.Cartograms.Rendering;
using GoCart.Site.Data;
using GoCart.Site.Maps;
using Microsoft.Extensions.Caching.Memory;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Rendered results, cached in memory for a while after last use: a stored result's page then renders without
/// parsing or drawing again. Results never change once succeeded, so the key is the record's key.
/// </summary>
public sealed class CartogramViews(IMemoryCache cache, MapLibrary maps)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    public CartogramView View(CartogramRecord record) =>
        Cached(record, "view", (submission, result) => CartogramViewBuilder.Build(submission, result, maps));

    public string Svg(CartogramRecord record) =>
        Cached(record, "svg", (submission, result) => MapSvg.Render(CartogramViewBuilder.DownloadPicture(submission, result, maps), standalone: true));

    public byte[] Png(CartogramRecord record) =>
        Cached(record, "png", (submission, result) => MapPng.Render(CartogramViewBuilder.DownloadPicture(submission, result, maps, 900)));

    private T Cached<T>(CartogramRecord record, string what, Func<CartogramSubmission, CartogramResult, T> build)
    {
        var resultJson = record.ResultJson ?? throw new InvalidOperationException($"Cartogram {record.Key} has no result.");
        return cache.GetOrCreate((what, record.Key), entry =>
        {
            entry.SlidingExpiration = KeepFor;
            var submission = CompressedJson.Deserialize<CartogramSubmission>(record.RequestJson);
            var result = CartogramResult.Parse(CompressedJson.Decompress(resultJson), withGeometry: true);
            return build(submission, result);
        })!;
    }
}
