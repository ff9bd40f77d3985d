using GoCart.Lambda.Contract;

namespace GoCart.Lambda.Hosting;

/// <summary>
/// Turns a request into the response body (UTF-8 JSON). Throws <see cref="CartogramException"/> with a message
/// for the user when the input is wrong, the budget runs out or the engine fails.
/// </summary>
public interface ICartogramPipeline
{
    byte[] Run(CartogramRequest request, IProgress<ProgressUpdate>? progress, TimeSpan? timeBudget, CancellationToken cancellation);
}
