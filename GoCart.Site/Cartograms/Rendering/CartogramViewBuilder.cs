using GoCart.Lambda.Drawing;
using GoCart.Lambda.Geo;
using GoCart.Site.Data;
using GoCart.Site.Maps;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// Builds the result view from a submission and the engine's result: names and labels from the data (or the
/// library map), fills from the data's colours or a palette in which neighbours differ, and the equal-area map and
/// every computed column's cartogram drawn in the same frame size so the morph between them stays in place.
/// </summary>
public static class CartogramViewBuilder
{
    public const double Width = 640;

    /// <summary>A single cartogram: a dataset of its one column.</summary>
    public static CartogramView Build(CartogramSubmission submission, CartogramResult result, MapLibrary maps, string key = "") =>
        Build([new ColumnSource(submission.ValueColumn, key, CartogramRecordStatus.Succeeded, null, submission, result)], 0, maps);

    /// <summary>
    /// A dataset's view: every column's values, the cartograms of those computed, and the figures, title and
    /// insets of column <paramref name="shown"/>, which must be computed (its result read with the geometry).
    /// </summary>
    public static CartogramView Build(IReadOnlyList<ColumnSource> sources, int shown, MapLibrary maps)
    {
        var submission = sources[shown].Submission!;
        var result = sources[shown].Result!;
        var ids = result.Regions.Select(r => r.Id).ToList();
        var columns = sources.Select(s => Column(s, ids)).ToList();
        var look = RegionLook.Of(submission, result, maps, columns);
        var computed = sources.Select(s => s.Result is { Cartogram.Count: > 0 } r ? InOrder(r, ids) : null).ToList();
        var equalEnvelope = MapFrame.EnvelopeOf(result.EqualAreaMap);
        var height = computed.Where(c => c is not null).Select(c => MapFrame.Fit(MapFrame.EnvelopeOf(c!.Regions), Width).Height)
            .Append(MapFrame.Fit(equalEnvelope, Width).Height).Max();
        var equalFrame = MapFrame.Fit(equalEnvelope, Width, height);
        var frames = computed.Select(c => c is null ? null : MapFrame.Fit(MapFrame.EnvelopeOf(c.Regions), Width, height)).ToList();
        var (equalArea, cartograms) = Simplified(result.EqualAreaMap, equalFrame, computed, frames);
        var mapName = maps.Find(submission.MapId)?.Name;
        var scene = new ResultScene(
            [.. cartograms.Select((regions, c) => regions is null ? null
                : new ColumnCartogram(regions, frames[c]!, ResultLayerFeature.Pictured(computed[c]!.Layers, cartogram: true), computed[c]!.Errors))],
            equalArea, equalFrame, look.Names, look.Labels, look.Fills, look.Tooltips,
            ResultLayerFeature.Pictured(result.Layers, cartogram: false),
            InsetsOf(submission, result, look.Names), columns, result.IsLonLatProjection,
            submission.Title.Length > 0 ? submission.Title : submission.ValueColumn,
            CreditLine.For(columns.Select(c => c.Name), mapName));
        var total = columns[shown].Total;
        var rows = result.Regions.Select((r, i) => new RegionRow(r.Id, look.Names[i], [.. columns.Select(c => c.Values[i])],
            total > 0 && r.Value is { } v ? v / total : 0, r.AreaError, r.Floored, look.Fills[i])).ToList();
        return new CartogramView(scene, rows, result.Statistics,
            submission.Guardrail is { } guardrail ? [guardrail, .. result.Warnings] : result.Warnings, columns[shown].Name, columns[shown].Unit, total, shown);
    }

    /// <summary>A column's values in the view's region order: from its result once computed, else from its submitted rows.</summary>
    private static ViewColumn Column(ColumnSource source, List<string> ids)
    {
        var name = source.Name.Length > 0 ? source.Name : source.Submission?.ValueColumn ?? "Value";
        var values = source.Result is { } result
            ? result.Regions.ToDictionary(r => r.Id, r => r.Value, StringComparer.Ordinal)
            : source.Submission?.Rows.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal) ?? [];
        return new ViewColumn(name, Quantities.UnitOf(name), [.. ids.Select(id => values.GetValueOrDefault(id))])
        {
            Key = source.Key,
            Status = source.Status,
            Error = source.Error,
        };
    }

    /// <summary>A computed column's cartogram regions, layers and errors in the view's region order (the same map, so normally already so).</summary>
    private static Computed? InOrder(CartogramResult result, List<string> ids)
    {
        var index = result.Regions.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        return ids.All(index.ContainsKey)
            ? new Computed([.. ids.Select(id => result.Cartogram[index[id]])], [.. ids.Select(id => result.EqualAreaMap[index[id]])], result.Layers, [.. ids.Select(id => result.Regions[index[id]].AreaError)])
            : null;
    }

    /// <summary>
    /// The equal-area map and the cartograms simplified together, region by region, after putting the columns'
    /// cartograms on common vertices (<see cref="CommonVertices"/>); a cartogram of other rings is simplified alone.
    /// </summary>
    private static (List<Geometry> EqualArea, List<IReadOnlyList<Geometry>?> Cartograms) Simplified(
        IReadOnlyList<Geometry> equalArea, MapFrame equalFrame,
        List<Computed?> computed, List<MapFrame?> frames)
    {
        var simplifiedEqual = new List<Geometry>(equalArea.Count);
        var cartograms = computed.Select(c => c is null ? null : new Geometry[equalArea.Count]).ToList();
        var present = Enumerable.Range(0, computed.Count).Where(c => computed[c] is not null).ToList();
        for (var i = 0; i < equalArea.Count; i++)
        {
            var outline = equalArea[i];
            var regions = computed.Select(c => c?.Regions[i]).ToArray();
            if (present.Count > 1 && CommonVertices.Align([.. present.Select(c => computed[c]!.EqualArea[i])], [.. present.Select(c => computed[c]!.Regions[i])]) is { } aligned)
            {
                outline = aligned.EqualArea;
                for (var k = 0; k < present.Count; k++)
                {
                    regions[present[k]] = aligned.Cartograms[k];
                }
            }

            var together = present.Where(c => JointSimplifier.SameShape(outline, regions[c]!)).ToList();
            var shapes = JointSimplifier.Simplify([outline, .. together.Select(c => regions[c]!)], [equalFrame, .. together.Select(c => frames[c]!)]);
            simplifiedEqual.Add(shapes[0]);
            for (var k = 0; k < together.Count; k++)
            {
                cartograms[together[k]]![i] = shapes[k + 1];
            }

            foreach (var c in present.Where(c => !together.Contains(c)))
            {
                cartograms[c]![i] = JointSimplifier.Simplify([regions[c]!], [frames[c]!])[0];
            }
        }

        return (simplifiedEqual, [.. cartograms.Select(c => (IReadOnlyList<Geometry>?)c)]);
    }

    /// <summary>
    /// The insets the engine drew, each named after its regions: the data's (its Inset column: L, R, T or B) and
    /// the far-flung regions the upload's far-flung step made insets of their own. A result stored before the
    /// engine said which region went where has the data's Inset column alone.
    /// </summary>
    private static List<PictureInset> InsetsOf(CartogramSubmission submission, CartogramResult result, string[] names)
    {
        var codes = submission.Rows.Where(r => r.Inset is { Length: > 0 } code && !code.Equals("C", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(r => r.Id, r => r.Inset!.ToUpperInvariant(), StringComparer.Ordinal);
        var insets = result.Regions.Select(r => r.Inset ?? codes.GetValueOrDefault(r.Id)).ToArray();
        return [.. Enumerable.Range(0, result.Regions.Count)
            .Where(i => insets[i] is not null)
            .GroupBy(i => insets[i]!, StringComparer.Ordinal)
            .Select(g => new PictureInset(g.Count() <= 3 ? string.Join(", ", g.Select(i => names[i])) : $"Inset {g.Key}: {g.Count()} regions", [.. g]))];
    }

    /// <summary>The cartogram alone, with labels and legend, as a picture for downloads (SVG and PNG).</summary>
    public static MapPicture DownloadPicture(CartogramSubmission submission, CartogramResult result, MapLibrary maps, double width = Width)
    {
        var look = RegionLook.Of(submission, result, maps);
        var frame = MapFrame.Fit(MapFrame.EnvelopeOf(result.Cartogram), width);
        return new MapPicture("cartogram", submission.Title.Length > 0 ? submission.Title : "Cartogram", result.Cartogram, frame,
            look.Fills, look.Tooltips, look.Labels, MapLegend.ForCartogram(Values(result), result.Cartogram, frame, submission.Unit))
        {
            Layers = ResultLayerFeature.Pictured(result.Layers, cartogram: true),
            Insets = InsetsOf(submission, result, look.Names),
            Credit = CreditLine.For([submission.ValueColumn], maps.Find(submission.MapId)?.Name),
        };
    }

    private static List<double?> Values(CartogramResult result) => [.. result.Regions.Select(r => r.Value)];

    private sealed record Computed(List<Geometry> Regions, List<Geometry> EqualArea, IReadOnlyList<ResultLayerFeature> Layers, List<double> Errors);

    /// <summary>Per region, in the result's order: name, label, fill and tooltip text.</summary>
    private sealed record RegionLook(string[] Names, string?[] Labels, string[] Fills, string[] Tooltips, double Total)
    {
        public static RegionLook Of(CartogramSubmission submission, CartogramResult result, MapLibrary maps, IReadOnlyList<ViewColumn>? columns = null)
        {
            var count = result.Regions.Count;
            var rows = submission.Rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
            var library = maps.Find(submission.MapId)?.Regions.ToDictionary(r => r.Id, StringComparer.Ordinal);
            var palette = RegionPalette.Assign(result.EqualAreaMap);
            var total = result.Regions.Sum(r => r.Value ?? 0);
            var look = new RegionLook(new string[count], new string?[count], new string[count], new string[count], total);
            for (var i = 0; i < count; i++)
            {
                var region = result.Regions[i];
                var row = rows.GetValueOrDefault(region.Id);
                var name = library?.GetValueOrDefault(region.Id)?.Name ?? region.Id;
                look.Names[i] = row?.Label ?? name;
                look.Labels[i] = row?.Label ?? name;
                look.Fills[i] = row?.Colour ?? palette[i];
                look.Tooltips[i] = columns is { Count: > 1 } ? Tooltip(look.Names[i], columns, i, region.AreaError) : Tooltip(look.Names[i], region, total, submission.Unit);
            }

            return look;
        }

        private static string Tooltip(string name, ResultRegion region, double total, string unit)
        {
            var value = region.Value is { } v
                ? $"{Quantities.Format(v)}{(unit.Length > 0 ? " " + unit : "")} ({Quantities.Percent(total > 0 ? v / total : 0)} of total)"
                : "no value";
            return $"{name}: {value}, area error {Quantities.Percent(Math.Abs(region.AreaError))}";
        }

        /// <summary>A dataset's region: its value and share in every column, and the area error of the column shown.</summary>
        private static string Tooltip(string name, IReadOnlyList<ViewColumn> columns, int i, double areaError)
        {
            var values = columns.Select(c => c.Values[i] is { } v
                ? $"{c.Name}: {Quantities.Format(v)}{(c.Unit.Length > 0 ? " " + c.Unit : "")} ({Quantities.Percent(c.Total > 0 ? v / c.Total : 0)} of total)"
                : $"{c.Name}: no value");
            return $"{name}: {string.Join("; ", values)}; area error {Quantities.Percent(Math.Abs(areaError))}";
        }
    }
}
