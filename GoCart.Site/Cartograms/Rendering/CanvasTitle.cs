using SkiaSharp;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// Fits a panel's title into the PNG's and PDF's title band: on one line at <see cref="FullSize"/> when it fits the
/// width, else wrapped at spaces onto as many lines as the band holds at the largest size (down to
/// <see cref="SmallestSize"/>) where every line fits; a title too long even then keeps what fits of its last line
/// and ends with an ellipsis (the document's title keeps it whole).
/// </summary>
public static class CanvasTitle
{
    public const float FullSize = 15;
    public const float SmallestSize = 7;

    /// <summary>Embolden widens each glyph a little beyond what MeasureText says: lines are fitted to this share of the width.</summary>
    private const float BoldRoom = 0.96f;

    /// <summary>Line height as a multiple of the font size.</summary>
    private const float Leading = 1.15f;

    /// <summary>The size to draw at and the lines, for a band <paramref name="width"/> wide and <paramref name="height"/> high.</summary>
    public static (float Size, IReadOnlyList<string> Lines) Fit(string title, SKTypeface typeface, float width, float height)
    {
        width *= BoldRoom;
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var size = FullSize; size >= SmallestSize; size -= 0.5f)
        {
            using var font = Font(typeface, size);
            var lines = Wrap(words, font, width);
            if (lines.Count <= MaxLines(size, height) && lines.All(l => font.MeasureText(l) <= width))
            {
                return (size, lines);
            }
        }

        using var smallest = Font(typeface, SmallestSize);
        var wrapped = Wrap(words, smallest, width);
        var kept = wrapped.Take(MaxLines(SmallestSize, height)).Select(l => Cut(l, smallest, width, ellipsis: false)).ToList();
        kept[^1] = Cut(kept[^1] + "…", smallest, width, ellipsis: true);
        return (SmallestSize, kept);
    }

    /// <summary>The baseline of line <paramref name="index"/> of <paramref name="count"/>, the block centred in the band.</summary>
    public static float Baseline(int index, int count, float size, float height)
    {
        var lineHeight = Leading * size;
        return ((height - (count * lineHeight)) / 2) + (lineHeight * (index + 1)) - (0.25f * size);
    }

    public static SKFont Font(SKTypeface typeface, float size) => new(typeface, size) { Embolden = true };

    private static int MaxLines(float size, float height) => Math.Max(1, (int)((height - 4) / (Leading * size)));

    private static List<string> Wrap(string[] words, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in words)
        {
            var longer = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && font.MeasureText(longer) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = longer;
            }
        }

        lines.Add(line);
        return lines;
    }

    private static string Cut(string line, SKFont font, float width, bool ellipsis)
    {
        var text = line;
        while (text.Length > 1 && font.MeasureText(text) > width)
        {
            text = ellipsis ? text[..^2].TrimEnd() + "…" : text[..^1];
        }

        return text;
    }
}
