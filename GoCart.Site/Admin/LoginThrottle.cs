using System.Collections.Concurrent;

namespace GoCart.Site.Admin;

/// <summary>
/// The lockout counted in this process's memory: the embedded default (one process), and what a replica falls
/// back to while Redis is unreachable (<see cref="RedisLoginThrottle"/>). A restart forgets.
/// </summary>
public sealed class LoginThrottle(TimeProvider time) : ILoginThrottle
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    public Task<bool> IsLockedOutAsync(string client)
    {
        if (!_failures.TryGetValue(client, out var failures))
        {
            return Task.FromResult(false);
        }

        lock (failures)
        {
            failures.RemoveAll(f => time.GetUtcNow() - f > Window);
            return Task.FromResult(failures.Count >= MaxFailures);
        }
    }

    public Task RecordFailureAsync(string client)
    {
        var failures = _failures.GetOrAdd(client, _ => []);
        lock (failures)
        {
            failures.Add(time.GetUtcNow());
        }

        return Task.CompletedTask;
    }

    public Task ResetAsync(string client)
    {
        _failures.TryRemove(client, out _);
        return Task.CompletedTask;
    }
}
