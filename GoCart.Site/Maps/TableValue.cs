using System.Globalization;
using GoCart.Lambda.Geo;

namespace GoCart.Site.Maps;

/// <summary>
/// A value typed or pasted in the data table, read as <see cref="TableNumber"/> reads a file's cells (empty or
/// NA for a missing value, thousands separators, a decimal comma such as 3,5, scientific notation, a trailing
/// %), as long as it is a finite number of zero or more.
/// </summary>
public static class TableValue
{
    public static bool TryParse(string? text, out double? value)
    {
        value = null;
        if (TableNumber.IsMissing(text ?? ""))
        {
            return true;
        }

        if (TableNumber.TryParse(text!, decimalComma: false, out var number) && double.IsFinite(number) && number >= 0)
        {
            value = number;
            return true;
        }

        return false;
    }

    public static string Format(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
