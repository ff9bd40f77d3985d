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

    /// <summary>
    /// Starts a run's progress afresh: stores <paramref name="first"/> whatever is stored. A record's first run (a
    /// library example computed again for another database, whose key an earlier run used) is then not held back,
    /// or shown as done, by that run's reports.
    /// </summary>
    Task RestartAsync(ProgressUpdate first, CancellationToken cancellation);

    Task<ProgressUpdate?> GetAsync(string key, CancellationToken cancellation);
}
