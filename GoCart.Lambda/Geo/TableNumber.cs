using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Numbers as spreadsheets and people write them: thousands separators (1,234,567 · 1.234.567 · 1 234 567 with
/// ordinary, no-break or thin spaces · 1'234'567), a decimal point or a decimal comma (3,5), scientific notation
/// (2.4e12, 2,4E+12), a leading +, a trailing %. Whether a column uses decimal commas is decided once for the
/// column (<see cref="UsesDecimalComma"/>), so that "1,234" means the same in every row. Missing values are
/// empty cells and the usual markers (NA, N/A, #N/A, n.a., -, ..).
/// </summary>
public static partial class TableNumber
{
    private static readonly string[] MissingMarkers = ["NA", "N/A", "#N/A", "n.a.", "n/a", "-", "–", "—", "..", "…"];

    public static bool IsMissing(string cell)
    {
        var text = cell.Trim();
        return text.Length == 0 || MissingMarkers.Contains(text, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether a column's cells use the decimal comma: more cells say so ("3,5", "1.234,5") than say otherwise
    /// ("3.5", "1,234.5"); when no cell decides, a semicolon-separated file (the European CSV dialect) with
    /// commas in its numbers does.
    /// </summary>
    public static bool UsesDecimalComma(IEnumerable<string> cells, char delimiter)
    {
        var comma = 0;
        var point = 0;
        var anyComma = false;
        foreach (var cell in cells)
        {
            var text = Compact(cell);
            anyComma |= text.Contains(',');
            comma += DecimalCommaSign().IsMatch(text) ? 1 : 0;
            point += DecimalPointSign().IsMatch(text) ? 1 : 0;
        }

        return comma != point ? comma > point : delimiter == ';' && anyComma;
    }

    public static bool TryParse(string cell, bool decimalComma, out double value)
    {
        value = double.NaN;
        var text = Compact(cell);
        if (text.EndsWith('%'))
        {
            text = text[..^1];
        }

        if (text.Length == 0 || text.Any(char.IsLetter) && !ExponentForm().IsMatch(text))
        {
            return false;
        }

        if (decimalComma)
        {
            text = DotGroups().IsMatch(text) ? text.Replace(".", "", StringComparison.Ordinal) : text;
            text = text.Replace(',', '.');
        }
        else if (CommaGroups().IsMatch(text))
        {
            text = text.Replace(",", "", StringComparison.Ordinal);
        }
        else if (!text.Contains(',') && text.Count(c => c == '.') > 1 && DotGroups().IsMatch(text))
        {
            // 1.234.567 cannot be a decimal: the points group thousands.
            text = text.Replace(".", "", StringComparison.Ordinal);
        }
        else if (!text.Contains('.') && text.Count(c => c == ',') == 1)
        {
            // A lone comma that cannot be a thousands separator ("3,5", "0,25") is a decimal comma.
            text = text.Replace(',', '.');
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The cell without spaces of any kind or apostrophes used as thousands separators.</summary>
    private static string Compact(string cell)
    {
        var builder = new StringBuilder(cell.Length);
        foreach (var c in cell)
        {
            if (!char.IsWhiteSpace(c) && c is not ('\'' or '’' or '\u202F' or '\u00A0' or '\u2009'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$|^[+-]?\d+(,\d+)?[eE][+-]?\d+$")]
    private static partial Regex ExponentForm();

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?([eE][+-]?\d+)?$")]
    private static partial Regex CommaGroups();

    [GeneratedRegex(@"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")]
    private static partial Regex DotGroups();

    [GeneratedRegex(@"^[+-]?\d+,(\d{1,2}|\d{4,})([eE][+-]?\d+)?%?$|\.\d{3},\d+%?$")]
    private static partial Regex DecimalCommaSign();

    [GeneratedRegex(@"^[+-]?\d+\.(\d{1,2}|\d{4,})([eE][+-]?\d+)?%?$|,\d{3}\.\d+%?$")]
    private static partial Regex DecimalPointSign();
}
