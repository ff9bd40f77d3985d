using System.Globalization;
using System.Text;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Matches data rows to a map's regions, tolerantly: exact id first, then ignoring case, surrounding spaces and
/// diacritics when that identifies one region. Rows for regions the map does not have are an error that lists
/// them (with a suggestion where a near match exists); regions without a row get a missing value and a warning.
/// </summary>
public static class RegionValues
{
    public static MatchedValues Match(IReadOnlyList<string> regionIds, IReadOnlyList<(string Id, double? Value)> rows)
    {
        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        var loose = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < regionIds.Count; i++)
        {
            exact[regionIds[i]] = i;
            var key = Loose(regionIds[i]);
            if (!loose.TryGetValue(key, out var list))
            {
                loose[key] = list = [];
            }

            list.Add(i);
        }

        var values = new double?[regionIds.Count];
        var matched = new bool[regionIds.Count];
        var unknown = new List<string>();
        var rowRegion = new int[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var (id, value) = rows[r];
            var region = exact.TryGetValue(id, out var e) ? e
                : loose.TryGetValue(Loose(id), out var candidates) && candidates.Count == 1 ? candidates[0]
                : -1;
            rowRegion[r] = region;
            if (region < 0)
            {
                unknown.Add(id);
                continue;
            }

            if (matched[region])
            {
                throw new MapInputException($"Two rows of the data match region \"{regionIds[region]}\" (one is \"{id}\"); keep one row per region.");
            }

            matched[region] = true;
            values[region] = value;
        }

        if (unknown.Count > 0)
        {
            var suggestions = new NameSuggestions([.. regionIds.Select(id => (IReadOnlyList<string?>)[id])]);
            var listed = string.Join("; ", unknown.Take(10).Select(u => suggestions.Closest(u, matched) is >= 0 and var s ? $"\"{u}\" (did you mean \"{regionIds[s]}\"?)" : $"\"{u}\""));
            var more = unknown.Count > 10 ? $" and {unknown.Count - 10} more" : "";
            throw new MapInputException($"The data names regions the map does not have: {listed}{more}. Use the map's region names or ids.");
        }

        var missing = Enumerable.Range(0, regionIds.Count).Where(i => !matched[i]).Select(i => regionIds[i]).ToList();
        var warnings = missing.Count == 0
            ? []
            : new List<string> { $"No value for {missing.Count} region(s), drawn with the average density: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", …" : "")}." };
        return new MatchedValues(values, rowRegion, warnings);
    }

    // Latin letters with diacritics and their base letters, for folding without ICU (the engine runs with
    // invariant globalization, where string normalisation does not decompose non-ASCII characters).
    private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżžßæœ";
    private const string Plain = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzzsao";

    /// <summary>Lower case, trimmed, inner white space collapsed, diacritics removed.</summary>
    public static string Loose(string text)
    {
        var lower = text.Trim().ToLowerInvariant();
        var builder = new StringBuilder(lower.Length);
        var space = false;
        foreach (var original in lower)
        {
            var accent = Accented.IndexOf(original, StringComparison.Ordinal);
            var c = accent >= 0 ? Plain[accent] : original;
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
