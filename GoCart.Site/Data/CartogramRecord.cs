namespace GoCart.Site.Data;

/// <summary>
/// One cartogram: the request as submitted, its status and, once computed, its result. Request and result are
/// gzip-compressed JSON. The key is 32 random characters and is the only way to reach the record.
/// </summary>
public sealed class CartogramRecord
{
    public required string Key { get; set; }

    /// <summary>The built-in map it was made from, or null for an uploaded map (its geometry is in the request).</summary>
    public string? MapId { get; set; }

    public string Title { get; set; } = "";

    public CartogramRecordStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime LastAccessedUtc { get; set; }

    public bool IsShared { get; set; }

    /// <summary>A library map's example (its population cartogram), kept while the map ships.</summary>
    public bool IsExample { get; set; }

    public DateTime? StartedUtc { get; set; }

    public DateTime? FinishedUtc { get; set; }

    /// <summary>The submission (map, rows of data, options) as gzip-compressed JSON.</summary>
    public byte[] RequestJson { get; set; } = [];

    /// <summary>The engine's response as gzip-compressed JSON, once it succeeded.</summary>
    public byte[]? ResultJson { get; set; }

    public string? Error { get; set; }
}
