using GoCart.Lambda.Contract;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline;

namespace GoCart.Site.Cartograms;

/// <summary>
/// The embedded default: the engine runs in the site's own process, each computation on a thread of its own. A
/// computation takes seconds of CPU; on a thread-pool thread it would hold one of the few threads that serve
/// requests and complete database and Redis calls, and under a burst of jobs those would wait for seconds.
/// </summary>
public sealed class InProcessCartogramInvoker : ICartogramInvoker
{
    private readonly CartogramPipeline _pipeline = new(new EngineSettings(), MapReadLimits.Default);

    public Task<byte[]> InvokeAsync(CartogramRequest request, IProgress<ProgressUpdate>? progress, CancellationToken cancellation) =>
        Task.Factory.StartNew(
            () => _pipeline.Run(request, progress, TimeSpan.FromMinutes(5), cancellation),
            cancellation,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
}
