namespace GoCart.Lambda.Drawing;

/// <summary>The rectangle a label's text takes in the picture (y down), estimated from its length and font size.</summary>
public readonly record struct LabelBox(double Left, double Top, double Right, double Bottom)
{
    /// <summary>An average glyph of the sans-serif fonts used is about 0.6 em wide; a line is 1.2 em high.</summary>
    public const double GlyphWidth = 0.6;

    public const double LineHeight = 1.2;

    public static LabelBox Around(double x, double y, string text, double fontSize)
    {
        var halfWidth = text.Length * GlyphWidth * fontSize / 2;
        var halfHeight = LineHeight * fontSize / 2;
        return new LabelBox(x - halfWidth, y - halfHeight, x + halfWidth, y + halfHeight);
    }

    public bool Overlaps(LabelBox other) =>
        Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;
}
