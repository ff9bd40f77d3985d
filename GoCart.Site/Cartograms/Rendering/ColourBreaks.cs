namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// Where a choropleth's classes meet: the inner breaks b₁ &lt; … &lt; b₍ₖ₋₁₎ of k classes (a value v is in class
/// j when b_j ≤ v &lt; b₍ⱼ₊₁₎, the top class holding the maximum). Missing values take no part.
/// </summary>
public static class ColourBreaks
{
    /// <summary>
    /// Quantile breaks: b_j is the j/k quantile, by linear interpolation between order statistics (Hyndman &amp;
    /// Fan's type 7, the default of R and of spreadsheets' PERCENTILE.INC): h = (n − 1)·p, Q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋₊₁₎ − x₍⌊h⌋₎).
    /// </summary>
    public static IReadOnlyList<double> Quantile(IEnumerable<double?> values, int classes)
    {
        var sorted = Known(values);
        if (sorted.Length == 0)
        {
            return [];
        }

        var breaks = new double[classes - 1];
        for (var j = 1; j < classes; j++)
        {
            var h = (sorted.Length - 1) * (double)j / classes;
            var low = (int)Math.Floor(h);
            var high = Math.Min(low + 1, sorted.Length - 1);
            breaks[j - 1] = sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
        }

        return breaks;
    }

    /// <summary>Equal-interval breaks: b_j = min + j·(max − min)/k.</summary>
    public static IReadOnlyList<double> EqualInterval(IEnumerable<double?> values, int classes)
    {
        var sorted = Known(values);
        if (sorted.Length == 0)
        {
            return [];
        }

        var (min, max) = (sorted[0], sorted[^1]);
        return [.. Enumerable.Range(1, classes - 1).Select(j => min + (j * (max - min) / classes))];
    }

    /// <summary>The class of a value: how many breaks are at or below it.</summary>
    public static int ClassOf(double value, IReadOnlyList<double> breaks)
    {
        var k = 0;
        while (k < breaks.Count && value >= breaks[k])
        {
            k++;
        }

        return k;
    }

    private static double[] Known(IEnumerable<double?> values) =>
        [.. values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).Order()];
}
