using GoCart.Site.Infrastructure;

namespace GoCart.Site.Cartograms;

/// <summary>
/// The slots for calls to the Lambda in this replica (CARTOGRAM_LAMBDA_CONCURRENCY): a call waits for a free slot
/// before it is sent and gives it back when its answer (after retries) is in. One instance per replica, shared by
/// every job, so however many jobs or columns call at once, at most that many calls are open; a job that runs
/// several engine calls in parallel (one per column of a multi-column dataset, ARCHITECTURE.md) only has to
/// start them all and await them together.
/// </summary>
public sealed class LambdaConcurrency(SiteSettings settings) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(settings.LambdaConcurrency, settings.LambdaConcurrency);

    public int Limit { get; } = settings.LambdaConcurrency;

    /// <summary>Waits for a slot; disposing the result frees it.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellation)
    {
        using (SiteMetrics.TrackLambdaWaiting())
        {
            await _slots.WaitAsync(cancellation);
        }

        return new Slot(_slots, SiteMetrics.TrackLambdaInFlight());
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots, IDisposable inFlight) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                inFlight.Dispose();
                slots.Release();
            }
        }
    }
}
