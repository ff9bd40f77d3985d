namespace GoCart.Site.Data;

/// <summary>Where a cartogram is in its life; stored as text so the database stays readable.</summary>
public enum CartogramRecordStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
