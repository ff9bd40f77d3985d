namespace GoCart.Site.Cartograms.Rendering;

/// <summary>How a choropleth colours: scheme, break method, number of classes, and the breaks themselves when custom.</summary>
public sealed record ColourSettings(ColourScheme Scheme, BreakMethod Method, int Classes, IReadOnlyList<double> CustomBreaks)
{
    public const int DefaultClasses = 5;

    public static readonly ColourSettings Default = new(ColourScheme.Sequential, BreakMethod.Quantile, DefaultClasses, []);
}
