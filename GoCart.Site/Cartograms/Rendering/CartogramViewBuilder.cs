using GoCart.Lambda.Drawing;
using GoCart.Lambda.Geo;
using GoCart.Site.Maps;

namespace GoCart.Site.Cartograms.Rendering;

/// <summary>
/// Builds the result view from a submission and the engine's result: names and labels from the data (or the
/// library map), fills from the data's colours or a palette in which neighbours differ, and both maps drawn in
/// the same frame size so the morph between them stays in place.
/// </summary>
public static class CartogramViewBuilder
{
    public const double Width = 640;

    public static CartogramView Build(CartogramSubmission submission, CartogramResult result, MapLibrary maps)
    {
        var look = RegionLook.Of(submission, result, maps);
        var cartogramEnvelope = MapFrame.EnvelopeOf(result.Cartogram);
        var equalEnvelope = MapFrame.EnvelopeOf(result.EqualAreaMap);
        var height = Math.Max(MapFrame.Fit(cartogramEnvelope, Width).Height, MapFrame.Fit(equalEnvelope, Width).Height);
        var cartogramFrame = MapFrame.Fit(cartogramEnvelope, Width, height);
        var equalFrame = MapFrame.Fit(equalEnvelope, Width, height);
        var simplified = result.Cartogram.Select((g, i) => JointSimplifier.Simplify(g, cartogramFrame, result.EqualAreaMap[i], equalFrame)).ToList();
        var mapName = maps.Find(submission.MapId)?.Name;
        var scene = new ResultScene(
            [.. simplified.Select(s => s.First)], [.. simplified.Select(s => s.Second)], cartogramFrame, equalFrame,
            look.Names, look.Labels, look.Fills, look.Tooltips,
            ResultLayerFeature.Pictured(result.Layers, cartogram: true), ResultLayerFeature.Pictured(result.Layers, cartogram: false),
            InsetsOf(submission, result, look.Names), ViewColumn.Of(submission, result), result.IsLonLatProjection,
            submission.Title.Length > 0 ? submission.Title : submission.ValueColumn,
            $"Made with GoCart · data: {submission.ValueColumn}{(mapName is null ? "" : $" · map: {mapName}")}");
        var rows = result.Regions.Select((r, i) => new RegionRow(r.Id, look.Names[i], r.Value,
            look.Total > 0 && r.Value is { } v ? v / look.Total : 0, r.AreaError, r.Floored, look.Fills[i])).ToList();
        return new CartogramView(scene, rows, result.Statistics,
            submission.Guardrail is { } guardrail ? [guardrail, .. result.Warnings] : result.Warnings, submission.ValueColumn, submission.Unit, look.Total);
    }

    /// <summary>The data's insets (its Inset column: L, R, T or B), each named after its regions.</summary>
    private static List<PictureInset> InsetsOf(CartogramSubmission submission, CartogramResult result, string[] names)
    {
        var codes = submission.Rows.Where(r => r.Inset is { Length: > 0 } code && !code.Equals("C", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(r => r.Id, r => r.Inset!.ToUpperInvariant(), StringComparer.Ordinal);
        return [.. Enumerable.Range(0, result.Regions.Count)
            .Where(i => codes.ContainsKey(result.Regions[i].Id))
            .GroupBy(i => codes[result.Regions[i].Id])
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
        };
    }

    private static List<double?> Values(CartogramResult result) => [.. result.Regions.Select(r => r.Value)];

    /// <summary>Per region, in the result's order: name, label, fill and tooltip text.</summary>
    private sealed record RegionLook(string[] Names, string?[] Labels, string[] Fills, string[] Tooltips, double Total)
    {
        public static RegionLook Of(CartogramSubmission submission, CartogramResult result, MapLibrary maps)
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
                look.Tooltips[i] = Tooltip(look.Names[i], region, total, submission.Unit);
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
    }
}
