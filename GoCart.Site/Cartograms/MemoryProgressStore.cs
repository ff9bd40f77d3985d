using System.Collections.Concurrent;
using GoCart.Lambda.Contract;

namespace GoCart.Site.Cartograms;

/// <summary>The embedded default: progress in this process's memory, expiring after <see cref="ProgressStoreSettings.TimeToLive"/>.</summary>
public sealed class MemoryProgressStore(TimeProvider time) : IProgressStore
{
    private readonly ConcurrentDictionary<string, (ProgressUpdate Update, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    public Task<bool> TryUpdateAsync(ProgressUpdate update, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var expires = now + ProgressStoreSettings.TimeToLive;
        var stored = false;
        _entries.AddOrUpdate(
            update.Key,
            _ =>
            {
                stored = true;
                return (update, expires);
            },
            (_, current) =>
            {
                if (current.Expires > now && current.Update.Order >= update.Order)
                {
                    stored = false;
                    return current;
                }

                stored = true;
                return (update, expires);
            });
        RemoveExpired(now);
        return Task.FromResult(stored);
    }

    public Task RestartAsync(ProgressUpdate first, CancellationToken cancellation)
    {
        _entries[first.Key] = (first, time.GetUtcNow() + ProgressStoreSettings.TimeToLive);
        return Task.CompletedTask;
    }

    public Task<ProgressUpdate?> GetAsync(string key, CancellationToken cancellation) =>
        Task.FromResult(_entries.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow() ? entry.Update : null);

    private void RemoveExpired(DateTimeOffset now)
    {
        if (_entries.Count < 1024)
        {
            return;
        }

        foreach (var (key, entry) in _entries)
        {
            if (entry.Expires <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }
}
