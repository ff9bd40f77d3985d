namespace GoCart.Site.Pages.Create;

/// <summary>One line of the editable data table as posted: the region id is fixed, the rest is typed.</summary>
public sealed class TableRow
{
    public string Id { get; set; } = "";

    public string? Label { get; set; }

    public string? Value { get; set; }

    /// <summary>The values of the columns after the first (<see cref="IndexModel.MoreColumns"/>), in their order.</summary>
    public List<string?> More { get; set; } = [];

    public string? Colour { get; set; }

    public string? Inset { get; set; }
}
