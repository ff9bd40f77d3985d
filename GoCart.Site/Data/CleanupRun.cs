namespace GoCart.Site.Data;

/// <summary>One run of the CleanupStaleShares job: when, and how many records of each kind it deleted.</summary>
public sealed class CleanupRun
{
    public long Id { get; set; }

    public DateTime StartedUtc { get; set; }

    public DateTime FinishedUtc { get; set; }

    /// <summary>Results (and drafts) that were never shared, past their retention.</summary>
    public int DeletedUnshared { get; set; }

    /// <summary>Shared results not viewed within their retention.</summary>
    public int DeletedShared { get; set; }
}
