using GoCart.Lambda.Contract;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline;

namespace GoCart.Site.Cartograms;

/// <summary>The embedded default: the engine runs in the site's own process, on a worker thread.</summary>
public sealed class InProcessCartogramInvoker : ICartogramInvoker
{
    private readonly CartogramPipeline _pipeline = new(new EngineSettings(), MapReadLimits.Default);

    public Task<byte[]> InvokeAsync(CartogramRequest request, IProgress<ProgressUpdate>? progress, CancellationToken cancellation) =>
        Task.Run(() => _pipeline.Run(request, progress, TimeSpan.FromMinutes(5), cancellation), cancellation);
}
