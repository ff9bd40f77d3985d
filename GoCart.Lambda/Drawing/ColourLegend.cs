namespace GoCart.Lambda.Drawing;

/// <summary>A colour key: what the colours stand for (column and unit) and one swatch per class with its range.</summary>
public sealed record ColourLegend(string Title, IReadOnlyList<ColourLegendEntry> Entries)
{
    public const double BandHeight = 40;
}

/// <summary>One class of a colour key: its fill and the range of values it covers, as people read it ("1–2 million").</summary>
public sealed record ColourLegendEntry(string Fill, string Text);
