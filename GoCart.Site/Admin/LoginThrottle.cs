using System.Collections.Concurrent;

namespace GoCart.Site.Admin;

/// <summary>
/// Locks out a client address after repeated failed admin logins: five failures within fifteen minutes lock
/// it for fifteen minutes, even for the right password. Kept in memory: a restart forgets, which is acceptable
/// for one admin account behind rate limits.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    public bool IsLockedOut(string client)
    {
        if (!_failures.TryGetValue(client, out var failures))
        {
            return false;
        }

        lock (failures)
        {
            failures.RemoveAll(f => time.GetUtcNow() - f > Window);
            return failures.Count >= MaxFailures;
        }
    }

    public void RecordFailure(string client)
    {
        var failures = _failures.GetOrAdd(client, _ => []);
        lock (failures)
        {
            failures.Add(time.GetUtcNow());
        }
    }

    public void Reset(string client) => _failures.TryRemove(client, out _);
}
