namespace GoCart.Site.Data;

/// <summary>Where a cartogram is in its life; stored as text so the database stays readable.</summary>
public enum CartogramRecordStatus
{
    /// <summary>An uploaded map waiting for its data; never computed.</summary>
    Draft,
    Queued,
    Running,
    Succeeded,
    Failed,
}
