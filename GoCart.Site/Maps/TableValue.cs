using System.Globalization;
using System.Text.RegularExpressions;

namespace GoCart.Site.Maps;

/// <summary>
/// A value typed in the data table: empty or NA for a missing value, digits with a point for decimals, spaces
/// or comma groups (1,234,567) as thousands separators.
/// </summary>
public static partial class TableValue
{
    public static bool TryParse(string? text, out double? value)
    {
        value = null;
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.Equals("NA", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("N/A", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var normalised = trimmed.Replace("\u00A0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (CommaGroups().IsMatch(normalised))
        {
            normalised = normalised.Replace(",", "", StringComparison.Ordinal);
        }

        if (double.TryParse(normalised, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && number >= 0)
        {
            value = number;
            return true;
        }

        return false;
    }

    public static string Format(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    [GeneratedRegex(@"^\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex CommaGroups();
}
