using GoCart.Site.Cartograms;

namespace GoCart.Site.Maps;

/// <summary>
/// The outcome of matching user rows to a map's regions: one row per region (in map order, missing values as
/// null), and what needs the user's attention before anything runs.
/// </summary>
public sealed record DataMatch(
    IReadOnlyList<SubmissionRow> Rows,
    IReadOnlyList<UnmatchedRow> Unmatched,
    IReadOnlyList<(string Region, IReadOnlyList<string> Names)> Duplicates,
    IReadOnlyList<string> Missing)
{
    /// <summary>True when every row found its own region; missing regions are allowed (drawn at mean density).</summary>
    public bool IsUsable => Unmatched.Count == 0 && Duplicates.Count == 0 && Rows.Any(r => r.Value > 0);

    /// <summary>One message that says which names to fix, or null when every row found its own region (values are checked apart).</summary>
    public string? Problem()
    {
        var parts = new List<string>();
        if (Unmatched.Count > 0)
        {
            parts.Add($"These names match no region of the map: {Listed(Unmatched.Select(u => u.Describe("\"", "\"")))}. Use the region names or ids from the template.");
        }

        if (Duplicates.Count > 0)
        {
            parts.Add($"Several rows name the same region: {Listed(Duplicates.Select(d => $"{d.Region} ({string.Join(", ", d.Names.Select(n => $"\"{n}\""))})"))}. Keep one row per region.");
        }

        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    private static string Listed(IEnumerable<string> items)
    {
        var list = items.ToList();
        return string.Join("; ", list.Take(10)) + (list.Count > 10 ? $" and {list.Count - 10} more" : "");
    }
}
