using GoCart.Lambda.Contract;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Computes a cartogram somewhere: in this process (the embedded default) or on the Lambda behind API Gateway
/// (production). Either way the answer is the engine's response JSON, or a <see cref="CartogramException"/>
/// whose message a user can act on.
/// </summary>
public interface ICartogramInvoker
{
    Task<byte[]> InvokeAsync(CartogramRequest request, IProgress<ProgressUpdate>? progress, CancellationToken cancellation);
}
