using GoCart.Lambda.Contract;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Live progress per cartogram key: only a report with a higher order than the stored one replaces it, so
/// progress never goes backwards however posts arrive; entries expire on their own.
/// </summary>
public interface IProgressStore
{
    /// <summary>Stores the update if its order is higher than the stored one; says whether it did.</summary>
    Task<bool> TryUpdateAsync(ProgressUpdate update, CancellationToken cancellation);

    Task<ProgressUpdate?> GetAsync(string key, CancellationToken cancellation);
}
