using System.Globalization;

namespace GoCart.Site.Maps;

/// <summary>Readable names for map folders: <c>usa_by_state_since_1959</c> → "USA by State (since 1959)".</summary>
public static class MapNames
{
    private static readonly HashSet<string> Acronyms = new(StringComparer.Ordinal) { "usa", "eu" };
    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal) { "by", "and", "with", "of" };

    public static string Readable(string id)
    {
        var words = id.Split('_', StringSplitOptions.RemoveEmptyEntries).ToList();
        var suffix = "";
        for (var i = 0; i < words.Count - 1; i++)
        {
            if (words[i] is "since" or "until" && words[i + 1].All(char.IsAsciiDigit))
            {
                suffix = $" ({words[i]} {words[i + 1]})";
                words.RemoveRange(i, 2);
                break;
            }

            if (words[i] == "wo")
            {
                suffix = $" (without {string.Join(' ', words.Skip(i + 1).Select(Capitalised))})";
                words.RemoveRange(i, words.Count - i);
                break;
            }
        }

        return string.Join(' ', words.Select((w, i) => Word(w, i))) + suffix;
    }

    private static string Word(string word, int index) =>
        Acronyms.Contains(word) ? word.ToUpperInvariant()
        : index > 0 && SmallWords.Contains(word) ? word
        : Capitalised(word);

    private static string Capitalised(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
