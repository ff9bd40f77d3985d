namespace GoCart.Lambda.Drawing;

/// <summary>A label drawn inside region <paramref name="Region"/>: its text centred on (X, Y) in picture units, at a font size chosen to fit the region.</summary>
public sealed record PlacedLabel(int Region, string Text, double X, double Y, double FontSize)
{
    public LabelBox Box => LabelBox.Around(X, Y, Text, FontSize);
}
