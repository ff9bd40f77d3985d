using GoCart.Lambda.Geo;
using GoCart.Site.Cartograms;

namespace GoCart.Site.Maps;

/// <summary>
/// Matches user rows to a map's regions tolerantly: the exact id first, then the id, the region's name or its
/// label ignoring case, surrounding and repeated spaces and diacritics, as long as that names one region. Names
/// that match none get a "did you mean" suggestion (for the first <see cref="MaxSuggestions"/> of them).
/// </summary>
public static class RegionMatcher
{
    /// <summary>How many unmatched names get a suggestion: more than anyone reads, few enough to stay quick on a 100,000-row file.</summary>
    public const int MaxSuggestions = 100;

    public static DataMatch Match(IReadOnlyList<MapRegion> regions, IReadOnlyList<DataRow> rows)
    {
        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        var loose = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var i = 0; i < regions.Count; i++)
        {
            exact.TryAdd(regions[i].Id, i);
            foreach (var alias in new[] { regions[i].Id, regions[i].Name, regions[i].Label })
            {
                if (alias is { Length: > 0 })
                {
                    var key = RegionValues.Loose(alias);
                    if (!loose.TryGetValue(key, out var set))
                    {
                        loose[key] = set = [];
                    }

                    set.Add(i);
                }
            }
        }

        var byRegion = new List<(DataRow Row, string Name)>?[regions.Count];
        var unmatched = new List<DataRow>();
        foreach (var row in rows)
        {
            var name = row.Name.Trim();
            var region = exact.TryGetValue(name, out var e) ? e
                : loose.TryGetValue(RegionValues.Loose(name), out var candidates) && candidates.Count == 1 ? candidates.First()
                : -1;
            if (region < 0)
            {
                unmatched.Add(row);
                continue;
            }

            (byRegion[region] ??= []).Add((row, name));
        }

        var matched = new List<SubmissionRow>(regions.Count);
        var duplicates = new List<(string, IReadOnlyList<string>)>();
        var missing = new List<string>();
        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            var found = byRegion[i];
            if (found is null)
            {
                missing.Add(region.Name);
                matched.Add(new SubmissionRow(region.Id, region.Label, null, region.Colour, region.Inset));
                continue;
            }

            if (found[0].Row.Value is null)
            {
                // A row with an empty or NA cell: the region is named but still has no value.
                missing.Add(region.Name);
            }

            if (found.Count > 1)
            {
                duplicates.Add((region.Name, [.. found.Select(f => f.Name)]));
            }

            var row = found[0].Row;
            matched.Add(new SubmissionRow(region.Id, row.Label ?? region.Label, row.Value, row.Colour ?? region.Colour, row.Inset ?? region.Inset));
        }

        var suggestions = new NameSuggestions([.. regions.Select(r => (IReadOnlyList<string?>)[r.Id, r.Name, r.Label])]);
        var taken = byRegion.Select(found => found is not null).ToArray();
        var described = unmatched.Select((row, i) => new UnmatchedRow(row, i < MaxSuggestions && suggestions.Closest(row.Name, taken) is >= 0 and var s ? regions[s] : null)).ToList();
        return new DataMatch(matched, described, duplicates, missing);
    }
}
