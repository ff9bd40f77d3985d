using System.Collections.Concurrent;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Geo.Projections;
using GoCart.Site.Cartograms;
using GoCart.Site.Data;
using GoCart.Site.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Maps;

/// <summary>
/// The gallery's pictures of the library maps: the equal-area outline (projected like the engine projects it) and
/// the population cartogram once the map's example is computed, kept in the data folder and in memory. A request
/// never waits for one: what is not in memory yet is read or drawn in the background, one picture at a time (a
/// gallery seen without a script asks for all of them at once), and the request is told it is not ready. The
/// warm-up draws them all ahead.
/// </summary>
public sealed partial class MapThumbnails(SiteSettings settings, IServiceScopeFactory scopes, ILogger<MapThumbnails> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _pictures = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>The outline if it is drawn; else null, and it is being drawn.</summary>
    public string? ReadyOutline(LibraryMap map) => Ready(OutlineAsync(map));

    /// <summary>The cartogram if it is drawn; else null, and it is drawn in the background once the example is computed.</summary>
    public string? ReadyCartogram(LibraryMap map) => Ready(CartogramAsync(map));

    /// <summary>The outline, read or drawn (the placeholder when the map cannot be drawn, which is logged).</summary>
    public Task<string?> OutlineAsync(LibraryMap map) =>
        Picture(map.Id + ".svg", () => Task.FromResult<string?>(LoadOutline(map)));

    /// <summary>The cartogram, read or drawn; null while the example is not computed (the next call looks again).</summary>
    public Task<string?> CartogramAsync(LibraryMap map)
    {
        var key = CartogramKeys.Example(map);
        return Picture(key + ".svg", () => LoadCartogramAsync(key));
    }

    private static string? Ready(Task<string?> picture) => picture.IsCompletedSuccessfully ? picture.Result : null;

    private string Folder => Path.Combine(settings.DataDir, "thumbnails");

    private Task<string?> Picture(string file, Func<Task<string?>> load)
    {
        var entry = _pictures.GetOrAdd(file, _ => new Lazy<Task<string?>>(() => DrawAsync(file, load)));
        if (entry.Value is { IsCompletedSuccessfully: true, Result: null })
        {
            // Not there last time (an example not computed yet): look again.
            _pictures.TryRemove(KeyValuePair.Create(file, entry));
            entry = _pictures.GetOrAdd(file, _ => new Lazy<Task<string?>>(() => DrawAsync(file, load)));
        }

        return entry.Value;
    }

    private async Task<string?> DrawAsync(string file, Func<Task<string?>> load)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            return await Task.Run(load);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Kept as the placeholder rather than drawn again on every visit of the gallery.
            LogNotDrawn(logger, exception, file);
            return ThumbnailSvg.Placeholder;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private string LoadOutline(LibraryMap map)
    {
        var file = Path.Combine(Folder, map.Id + ".svg");
        if (File.Exists(file) && File.GetLastWriteTimeUtc(file) >= File.GetLastWriteTimeUtc(map.GeoJsonPath))
        {
            return File.ReadAllText(file);
        }

        var source = GeoJsonMapReader.Read(MapLibrary.ReadGeoJson(map), map.IdProperty);
        var geometries = source.Regions.Select(r => r.Geometry).ToList();
        return Save(file, ThumbnailSvg.Render(source.IsLonLat ? MapProjector.Project(geometries).Geometries : geometries, ThumbnailSvg.OutlineStyle));
    }

    private async Task<string?> LoadCartogramAsync(string key)
    {
        var file = Path.Combine(Folder, key + ".svg");
        if (File.Exists(file))
        {
            return await File.ReadAllTextAsync(file);
        }

        using var scope = scopes.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
        var result = await database.Cartograms.AsNoTracking()
            .Where(c => c.Key == key && c.Status == CartogramRecordStatus.Succeeded)
            .Select(c => c.ResultJson).FirstOrDefaultAsync();
        return result is null
            ? null
            : Save(file, ThumbnailSvg.Render(CartogramResult.Parse(CompressedJson.Decompress(result), withGeometry: true).Cartogram, ThumbnailSvg.CartogramStyle));
    }

    private string Save(string file, string svg)
    {
        Directory.CreateDirectory(Folder);
        var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, svg);
        File.Move(temporary, file, overwrite: true);
        return svg;
    }

    public void Dispose() => _oneAtATime.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gallery thumbnail {File} could not be drawn; the gallery shows a placeholder")]
    private static partial void LogNotDrawn(ILogger logger, Exception exception, string file);
}
