namespace GoCart.Site.Cartograms;

/// <summary>How long progress is kept after its last update (a generation never takes this long).</summary>
public static class ProgressStoreSettings
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromHours(1);
}
