using System.Globalization;

namespace GoCart.Site.Maps;

/// <summary>
/// Names for map folders as people write them: the place in title case, the division in lower case
/// (<c>colombia_by_department</c> → "Colombia by department", <c>usa_by_state_since_1959</c> → "USA by state (since 1959)");
/// a word that says how the map was made rather than what it divides ("simplified") joins the qualifier in brackets.
/// </summary>
public static class MapNames
{
    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["usa"] = "USA",
        ["eu"] = "EU",
        ["asean"] = "ASEAN",
        ["uk"] = "UK",
        ["departement"] = "département",
    };

    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal) { "and", "of", "the" };

    private static readonly HashSet<string> Qualifiers = new(StringComparer.Ordinal) { "simplified" };

    public static string Readable(string id)
    {
        var words = id.Split('_', StringSplitOptions.RemoveEmptyEntries).ToList();
        var qualifiers = words.Where(Qualifiers.Contains).ToList();
        words.RemoveAll(Qualifiers.Contains);
        var extent = "";
        for (var i = 0; i < words.Count - 1; i++)
        {
            if (words[i] is "since" or "until" && words[i + 1].All(char.IsAsciiDigit))
            {
                extent = $"{words[i]} {words[i + 1]}";
                words.RemoveRange(i, 2);
                break;
            }

            if (words[i] == "wo")
            {
                extent = $"without {string.Join(' ', words.Skip(i + 1).Select(w => Word(w, properNoun: true)))}";
                words.RemoveRange(i, words.Count - i);
                break;
            }
        }

        // Before "by" comes the place (a proper noun), after it the kind of division, until "with" names a place again.
        var properNoun = true;
        var readable = new List<string>();
        foreach (var (word, index) in words.Select((w, i) => (w, i)))
        {
            properNoun = word switch { "by" => false, "with" => true, _ => properNoun };
            readable.Add(word is "by" or "with" ? word : index > 0 && SmallWords.Contains(word) ? word : Word(word, properNoun));
        }

        var qualifier = string.Join(", ", qualifiers.Append(extent).Where(q => q.Length > 0));
        return string.Join(' ', readable) + (qualifier.Length > 0 ? $" ({qualifier})" : "");
    }

    private static string Word(string word, bool properNoun) =>
        Spellings.TryGetValue(word, out var spelling) ? spelling
        : properNoun && word.Length > 0 ? char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..]
        : word;
}
