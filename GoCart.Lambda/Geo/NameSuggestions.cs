namespace GoCart.Lambda.Geo;

/// <summary>
/// "Did you mean": the region whose id, name or label is closest to a name that matched none, compared in
/// <see cref="RegionValues.Loose"/> form by edit distance with transpositions (one slip in a name of up to four
/// letters, otherwise at most 2 or a quarter of the name),
/// or as a whole-word start of the other ("Bolivia" for "Bolivia (Plurinational State of)"). Among equally
/// close regions, one that has no value yet is preferred. Shared by the CLI, the Lambda and the site.
/// </summary>
public sealed class NameSuggestions
{
    private readonly List<(int Region, string Key)> _aliases = [];

    /// <param name="aliases">For each region (by index), the names it may be called by.</param>
    public NameSuggestions(IReadOnlyList<IReadOnlyList<string?>> aliases)
    {
        for (var i = 0; i < aliases.Count; i++)
        {
            foreach (var alias in aliases[i].OfType<string>().Where(a => a.Length > 0).Select(RegionValues.Loose).Distinct(StringComparer.Ordinal))
            {
                _aliases.Add((i, alias));
            }
        }
    }

    /// <summary>The index of the closest region, or -1 when none is close enough. <paramref name="taken"/> marks regions that already have a row.</summary>
    public int Closest(string name, IReadOnlyList<bool>? taken = null)
    {
        var key = RegionValues.Loose(name);
        if (key.Length == 0)
        {
            return -1;
        }

        // One slip in a short name, two or a quarter of the name in a longer one; nothing for one or two letters.
        var limit = key.Length switch { < 3 => 0, < 5 => 1, _ => Math.Max(2, key.Length / 4) };
        var best = -1;
        var bestScore = int.MaxValue;
        foreach (var (region, alias) in _aliases)
        {
            var distance = WordStart(key, alias) ? 1 : Math.Abs(alias.Length - key.Length) > limit ? int.MaxValue : Distance(key, alias, limit);
            if (distance > limit)
            {
                continue;
            }

            // Twice the distance, plus one for a region that already has its row: free regions win ties.
            var score = (2 * distance) + (taken is not null && taken[region] ? 1 : 0);
            if (score < bestScore)
            {
                (best, bestScore) = (region, score);
            }
        }

        return best;
    }

    private static bool WordStart(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= 4 && longer.Length > shorter.Length && longer.StartsWith(shorter, StringComparison.Ordinal) && !char.IsLetterOrDigit(longer[shorter.Length]);
    }

    /// <summary>
    /// Optimal string alignment distance (Levenshtein with adjacent transpositions: "Ohoi" is one slip from
    /// "Ohio"), giving up (returning more than <paramref name="limit"/>) once every path exceeds it.
    /// </summary>
    private static int Distance(string a, string b, int limit)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }

                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
