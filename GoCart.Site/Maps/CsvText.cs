namespace GoCart.Site.Maps;

/// <summary>CSV fields as spreadsheets expect them: quoted only when they hold a delimiter, a quote or a line break.</summary>
public static class CsvText
{
    public static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r', ';', '\t']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
