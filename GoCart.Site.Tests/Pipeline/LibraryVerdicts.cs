using System.Collections.Concurrent;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Pipeline;

/// <summary>
/// The verdicts of the library maps, measured ahead of the test that asks: xUnit runs one theory's rows one after
/// another, so while a row checks its map the next few maps are already being computed, one per core. The
/// engine parallelises within a map, but reading, projecting and the validity and overlap checks do not; running
/// maps side by side keeps both cores busy. Only a short window ahead is started, so a filtered run computes at
/// most that many maps more than it asks for.
/// </summary>
public static class LibraryVerdicts
{
    private static readonly int Ahead = Math.Max(1, Environment.ProcessorCount);
    private static readonly SemaphoreSlim Slots = new(Math.Max(1, Environment.ProcessorCount));
    private static readonly ConcurrentDictionary<string, Lazy<Task<LibraryMapVerdict>>> Verdicts = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> MapIds { get; } = [.. RepositoryFiles.MapFolders().Select(f => Path.GetFileName(f)!)];

    public static LibraryMapVerdict Of(string mapId)
    {
        var position = MapIds.ToList().IndexOf(mapId);
        var verdict = Start(mapId);
        foreach (var next in MapIds.Skip(position + 1).Take(Ahead))
        {
            Start(next);
        }

        return verdict.GetAwaiter().GetResult();
    }

    private static Task<LibraryMapVerdict> Start(string mapId) =>
        Verdicts.GetOrAdd(mapId, id => new Lazy<Task<LibraryMapVerdict>>(() => Task.Run(async () =>
        {
            await Slots.WaitAsync();
            try
            {
                return LibraryMapVerdict.Measure(id);
            }
            finally
            {
                Slots.Release();
            }
        }))).Value;
}
