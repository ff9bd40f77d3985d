using GoCart.Lambda.Contract;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Relays the in-process engine's progress to the progress store, as the Lambda's poster does over HTTP: orders
/// increase strictly, and at most one report per 200 ms is written (the latest one wins).
/// </summary>
public sealed class StoreProgressReporter(IProgressStore store, string key, TimeProvider time) : IProgress<ProgressUpdate>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private long _order = 1;
    private long _lastWrite = long.MinValue;

    public void Report(ProgressUpdate value)
    {
        var now = time.GetTimestamp();
        if (_lastWrite != long.MinValue && time.GetElapsedTime(_lastWrite, now) < Interval)
        {
            return;
        }

        _lastWrite = now;
        var order = Interlocked.Increment(ref _order);
        _ = store.TryUpdateAsync(value with { Key = key, Order = order }, CancellationToken.None);
    }
}
