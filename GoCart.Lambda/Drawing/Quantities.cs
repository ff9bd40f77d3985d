using System.Globalization;

namespace GoCart.Lambda.Drawing;

/// <summary>Numbers as people read them: "35,000", "1.2 million", "3 billion"; and round legend sizes.</summary>
public static class Quantities
{
    public static string Format(double value)
    {
        var magnitude = Math.Abs(value);
        return magnitude switch
        {
            >= 1e12 => Scaled(value, 1e12, "trillion"),
            >= 1e9 => Scaled(value, 1e9, "billion"),
            >= 1e6 => Scaled(value, 1e6, "million"),
            >= 1000 => value.ToString("#,0", CultureInfo.InvariantCulture),
            >= 1 => value.ToString("0.##", CultureInfo.InvariantCulture),
            0 => "0",
            _ => value.ToString("0.####", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The number of the form 1, 2 or 5 × 10^k nearest (in ratio) to the given positive value.</summary>
    public static double Nice(double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        var mantissa = value / power;
        var nice = mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10;
        return nice * power;
    }

    /// <summary>The next round number after a round one: 1 → 2 → 5 → 10.</summary>
    public static double NextNice(double nice)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(nice) + 1e-9));
        var mantissa = Math.Round(nice / power);
        return (mantissa < 2 ? 2 : mantissa < 5 ? 5 : 10) * power;
    }

    /// <summary>The unit in a value column's name: "people" in "Population (people)", else an empty string.</summary>
    public static string UnitOf(string valueColumn) =>
        valueColumn.LastIndexOf('(') is var open and >= 0 && valueColumn.EndsWith(')')
            ? valueColumn[(open + 1)..^1].Trim()
            : "";

    public static string Percent(double fraction) => fraction.ToString("0.0#%", CultureInfo.InvariantCulture);

    private static string Scaled(double value, double unit, string word) =>
        $"{(value / unit).ToString("0.##", CultureInfo.InvariantCulture)} {word}";
}
