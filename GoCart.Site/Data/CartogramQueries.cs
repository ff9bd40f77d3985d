namespace GoCart.Site.Data;

/// <summary>Queries of cartogram records that pages and the API run on every view.</summary>
public static class CartogramQueries
{
    /// <summary>
    /// Records without their compressed request and result (RequestJson empty, ResultJson null): what a page or
    /// a status poll needs, without reading up to megabytes of payload each time. Rendered views come from
    /// <see cref="Cartograms.CartogramViews"/>, which loads the payload only when it has to draw.
    /// </summary>
    public static IQueryable<CartogramRecord> WithoutPayload(this IQueryable<CartogramRecord> records) =>
        records.Select(c => new CartogramRecord
        {
            Key = c.Key,
            MapId = c.MapId,
            Title = c.Title,
            Status = c.Status,
            CreatedUtc = c.CreatedUtc,
            LastAccessedUtc = c.LastAccessedUtc,
            IsShared = c.IsShared,
            IsExample = c.IsExample,
            StartedUtc = c.StartedUtc,
            FinishedUtc = c.FinishedUtc,
            Error = c.Error,
        });
}
