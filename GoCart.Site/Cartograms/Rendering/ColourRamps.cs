namespace GoCart.Site.Cartograms.Rendering;

/// <summary>The colours of each <see cref="ColourScheme"/>: ColorBrewer ramps (Cynthia Brewer, colorbrewer2.org) and Tableau 10.</summary>
public static class ColourRamps
{
    public const string Missing = "#cfd4dc";

    public const int MaxClasses = 9;

    private static readonly string[] Sequential = ["#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"];

    private static readonly string[] Diverging = ["#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac"];

    private static readonly string[] Categorical = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"];

    /// <summary><paramref name="classes"/> colours of the scheme, spread over its whole ramp (categorical: the first ones).</summary>
    public static IReadOnlyList<string> Of(ColourScheme scheme, int classes)
    {
        if (scheme == ColourScheme.Categorical)
        {
            return Categorical[..classes];
        }

        var ramp = scheme == ColourScheme.Sequential ? Sequential : Diverging;
        return classes == 1
            ? [ramp[ramp.Length / 2]]
            : [.. Enumerable.Range(0, classes).Select(k => ramp[(int)Math.Round(k * (ramp.Length - 1) / (double)(classes - 1))])];
    }
}
