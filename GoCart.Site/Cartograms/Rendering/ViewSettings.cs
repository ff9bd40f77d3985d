using System.Globalization;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// What the result view shows, read from the page's query string so that every choice is a link and every
/// selector an ordinary GET form: <c>?panels=equal-area,contiguous,choropleth</c> (one to five panels), the
/// colour-by column (<c>by=0</c>), the choropleth's <c>scheme</c>, <c>breaks</c>, <c>classes</c> and <c>custom</c>
/// breaks, and the grid's size (<c>grid=small|medium|large</c>) and <c>opacity</c> in percent. A value that
/// cannot be read falls back to its default and adds a problem that says what to write instead.
/// </summary>
public sealed record ViewSettings(
    IReadOnlyList<PanelSpec> Panels,
    int? ColourBy,
    ColourSettings Colours,
    GridSize Grid,
    int GridOpacityPercent,
    IReadOnlyList<string> Problems)
{
    public const int MaxPanels = 5;

    /// <summary>Without <c>panels=</c>: the equal-area map and the cartogram of the column a link opens on (the first by default).</summary>
    public static IReadOnlyList<PanelSpec> DefaultPanels(int column = 0) => [new(ViewType.EqualArea, 0), new(ViewType.Contiguous, column)];

    /// <param name="query">The page's query string.</param>
    /// <param name="columnNames">The names of the data's value columns, in order (problems name them).</param>
    /// <param name="opensOn">The column a link opens on, for the default panels.</param>
    public static ViewSettings Read(IQueryCollection query, IReadOnlyList<string> columnNames, int opensOn = 0)
    {
        var problems = new List<string>();
        var columns = columnNames.Count;
        var panels = ReadPanels(query, columnNames, opensOn, problems);
        var colourBy = query["by"].ToString() is { Length: > 0 } by
            ? int.TryParse(by, NumberStyles.None, CultureInfo.InvariantCulture, out var column) && column < columns ? column : Problem<int?>(problems, $"Colour by \"{by}\" is not a column: use 0 to {columns - 1}, or leave it empty for the regions' own colours.", null)
            : null;
        var scheme = query["scheme"].ToString() is { Length: > 0 } s
            ? Enum.TryParse<ColourScheme>(s, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : Problem(problems, $"Colour scheme \"{s}\" is unknown: use sequential, diverging or categorical.", ColourScheme.Sequential)
            : ColourScheme.Sequential;
        var method = query["breaks"].ToString() switch
        {
            "" or "quantile" => BreakMethod.Quantile,
            "equal-interval" => BreakMethod.EqualInterval,
            "custom" => BreakMethod.Custom,
            var other => Problem(problems, $"Breaks \"{other}\" are unknown: use quantile, equal-interval or custom.", BreakMethod.Quantile),
        };
        var classes = query["classes"].ToString() is { Length: > 0 } c
            ? int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 2 and <= ColourRamps.MaxClasses ? n : Problem(problems, $"{c} classes: use a whole number from 2 to {ColourRamps.MaxClasses}.", ColourSettings.DefaultClasses)
            : ColourSettings.DefaultClasses;
        var custom = method == BreakMethod.Custom ? ReadCustomBreaks(query["custom"].ToString(), problems) : [];
        if (method == BreakMethod.Custom && custom.Count == 0)
        {
            method = BreakMethod.Quantile;
        }

        var grid = query["grid"].ToString() switch
        {
            "" or "off" => GridSize.Off,
            "small" => GridSize.Small,
            "medium" => GridSize.Medium,
            "large" => GridSize.Large,
            var other => Problem(problems, $"Grid \"{other}\" is unknown: use off, small, medium or large.", GridSize.Off),
        };
        var opacity = query["opacity"].ToString() is { Length: > 0 } o
            ? int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) && percent <= 100 ? percent : Problem(problems, $"Grid opacity \"{o}\": use a whole number of percent from 0 to 100.", DefaultOpacity)
            : DefaultOpacity;
        return new ViewSettings(panels, colourBy, new ColourSettings(scheme, method, custom.Count > 0 ? custom.Count + 1 : classes, custom), grid, opacity, problems);
    }

    public const int DefaultOpacity = 45;

    /// <summary>The query string that shows these settings (defaults left out), for links and caching.</summary>
    public string Query(IReadOnlyList<PanelSpec>? panels = null)
    {
        var parts = new List<string> { "panels=" + string.Join(',', (panels ?? Panels).Select(p => p.Token)) };
        if (ColourBy is { } by)
        {
            parts.Add($"by={by}");
        }

        if (Colours.Scheme != ColourScheme.Sequential)
        {
            parts.Add("scheme=" + Colours.Scheme.ToString().ToLowerInvariant());
        }

        if (Colours.Method != BreakMethod.Quantile)
        {
            parts.Add("breaks=" + (Colours.Method == BreakMethod.EqualInterval ? "equal-interval" : "custom"));
        }

        if (Colours.Method == BreakMethod.Custom)
        {
            parts.Add("custom=" + Uri.EscapeDataString(string.Join(',', Colours.CustomBreaks.Select(b => b.ToString("R", CultureInfo.InvariantCulture)))));
        }
        else if (Colours.Classes != ColourSettings.DefaultClasses)
        {
            parts.Add($"classes={Colours.Classes}");
        }

        if (Grid != GridSize.Off)
        {
            parts.Add("grid=" + Grid.ToString().ToLowerInvariant());
        }

        if (GridOpacityPercent != DefaultOpacity)
        {
            parts.Add($"opacity={GridOpacityPercent}");
        }

        return string.Join('&', parts);
    }

    private static List<PanelSpec> ReadPanels(IQueryCollection query, IReadOnlyList<string> columnNames, int opensOn, List<string> problems)
    {
        var tokens = query["panels"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var panels = new List<PanelSpec>();
        foreach (var token in tokens)
        {
            if (PanelSpec.Parse(token, columnNames.Count) is { } panel)
            {
                panels.Add(panel);
            }
            else
            {
                problems.Add(PanelProblem(token, columnNames));
            }
        }

        if (panels.Count == 0)
        {
            panels.AddRange(DefaultPanels(opensOn));
        }

        if (query["remove"].ToString() is { Length: > 0 } remove && int.TryParse(remove, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 1 && index <= panels.Count && panels.Count > 1)
        {
            panels.RemoveAt(index - 1);
        }

        if (query["add"].Count > 0 && panels.Count < MaxPanels)
        {
            panels.Add(new PanelSpec(ViewType.Contiguous, 0));
        }

        if (panels.Count > MaxPanels)
        {
            problems.Add($"{panels.Count} panels asked for: at most {MaxPanels} are shown.");
            panels.RemoveRange(MaxPanels, panels.Count - MaxPanels);
        }

        return panels;
    }

    /// <summary>What is wrong with a panel token: a column the data does not have (naming the columns it has), or not a view at all.</summary>
    private static string PanelProblem(string token, IReadOnlyList<string> columnNames)
    {
        var dot = token.LastIndexOf('.');
        if (dot > 0 && ViewTypes.Parse(token[..dot]) is { } type && int.TryParse(token[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var column))
        {
            var choices = columnNames.Select((name, c) => $"{name} ({new PanelSpec(type, c).Token})").ToList();
            var list = choices.Count == 1 ? $"the only column is {choices[0]}" : $"the columns are {string.Join(", ", choices[..^1])} and {choices[^1]}";
            return $"Panel \"{token}\" asks for column {column}, which this data does not have: {list}.";
        }

        return columnNames.Count > 1
            ? $"Panel \"{token}\" is not a view: use equal-area, contiguous, non-contiguous or choropleth, with .1 to .{columnNames.Count - 1} for another column than the first (contiguous.1)."
            : $"Panel \"{token}\" is not a view: use equal-area, contiguous, non-contiguous or choropleth.";
    }

    private static List<double> ReadCustomBreaks(string text, List<string> problems)
    {
        var breaks = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                problems.Add($"Custom break \"{part}\" is not a number: write the breaks as numbers separated by commas, such as 10,100,1000.");
                return [];
            }

            breaks.Add(value);
        }

        if (breaks.Count == 0 || breaks.Count >= ColourRamps.MaxClasses || breaks.Zip(breaks.Skip(1)).Any(p => p.Second <= p.First))
        {
            problems.Add($"Custom breaks must be 1 to {ColourRamps.MaxClasses - 1} increasing numbers separated by commas, such as 10,100,1000.");
            return [];
        }

        return breaks;
    }

    private static T Problem<T>(List<string> problems, string message, T fallback)
    {
        problems.Add(message);
        return fallback;
    }
}
