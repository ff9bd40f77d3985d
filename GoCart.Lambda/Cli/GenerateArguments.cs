using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline.Simplification;

namespace GoCart.Lambda.Cli;

/// <summary>What `gocart generate` was asked to do, as parsed and checked by System.CommandLine.</summary>
public sealed record GenerateArguments(string Map, string Data, string? Column, string? IdProperty, string Out, string? Svg, double MaxError, int? Grid, string? SvgTitle, IReadOnlyList<string> Layers)
{
    /// <summary>Which TopoJSON object (or shapefile of a zip holding several) to read; null for the one with the most polygons.</summary>
    public string? MapObject { get; init; }

    /// <summary>Most points per inset in the output (shared points counted once); 0 for every point.</summary>
    public int MaxPoints { get; init; } = OutputBudget.DefaultMaxPoints;

    /// <summary>A distance in the output's units within which points are removed beyond <see cref="MaxPoints"/>; null for none.</summary>
    public double? Tolerance { get; init; }

    /// <summary>What to do with far-flung regions and far parts (--far-flung, --leave-out, --far-parts).</summary>
    public FarFlungChoice FarFlung { get; init; } = FarFlungChoice.Default;

    /// <summary>Where to write the whole result as the API answers it; null for none.</summary>
    public string? Json { get; init; }

    /// <summary>The SVG's title: the one given, else the value column's ("Cartogram: Population (people)").</summary>
    public string Title(RegionData data) => SvgTitle is { Length: > 0 } title ? title : "Cartogram: " + data.ValueColumn;
}
