using System.Globalization;
using System.Text.Json;
using GoCart.Lambda.Contract;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline;

namespace GoCart.Lambda.Cli;

/// <summary>`gocart generate`: a cartogram from a map (GeoJSON, TopoJSON or a zipped shapefile) and a CSV of values, with a progress bar and a summary.</summary>
public static class GenerateCommand
{
    public static int Run(string[] args)
    {
        var line = CommandLine.Parse("generate", args, ["map", "object", "data", "column", "id-property", "out", "svg", "max-error", "grid"], []);
        var mapPath = line.Required("map");
        var dataPath = line.Required("data");
        var maxError = line.Number("max-error", 0.01, 1e-4, 0.5);
        var outPath = line.Value("out") ?? "cartogram.geojson";
        var data = RegionDataCsv.Parse(File.ReadAllText(dataPath), line.Value("column"));
        var geometry = MapFileReader.ToGeoJson(File.ReadAllBytes(mapPath), line.Value("object"));
        var request = Request(geometry, line.Value("id-property") ?? data.IdColumn, data, maxError);

        var pipeline = new CartogramPipeline(new EngineSettings { GridSize = BenchCommand.Grid(line) }, MapReadLimits.Default);
        ComputedCartogram result;
        using (var bar = ConsoleProgressBar.ForStandardError())
        {
            var progress = new InlineProgress(p => bar.Update(p.Progress, p.MaxAreaError > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{p.Stage}, max area error {p.MaxAreaError:P1}")
                : p.Stage));
            result = pipeline.Compute(request, progress, null, CancellationToken.None);
            bar.Update(1, "done");
        }

        foreach (var warning in result.Warnings)
        {
            Console.Error.WriteLine($"gocart: warning: {warning}");
        }

        WriteGeoJson(outPath, result);
        if (line.Value("svg") is { } svgPath)
        {
            WriteSvg(svgPath, result, data);
        }

        var s = result.Statistics;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(result.Converged ? "converged" : "NOT converged")}: {result.Regions.Count} regions, {s.Points} points, grid {s.Grid}, {s.Integrations} integrations, max area error {s.MaxAreaError:P2}, mean {s.MeanAreaError:P2}, {s.Seconds:0.00} s → {outPath}"));
        return result.Converged ? 0 : 3;
    }

    private static CartogramRequest Request(JsonElement geometry, string idProperty, RegionData data, double maxError)
    {
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        var insets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in data.Rows)
        {
            values[row.Id] = row.Value;
            if (row.Inset is { } inset)
            {
                insets[row.Id] = inset;
            }
        }

        return new CartogramRequest
        {
            Key = "cli",
            Geometry = geometry,
            RegionIdProperty = idProperty,
            Values = values,
            Options = new CartogramOptions { MaxAreaError = maxError, Insets = insets.Count > 0 ? insets : null },
        };
    }

    private static void WriteGeoJson(string path, ComputedCartogram result)
    {
        using var file = File.Create(path);
        using var writer = new Utf8JsonWriter(file);
        var features = result.Regions.Select((region, i) => new OutputFeature(result.Cartogram[i], region.Properties,
            [new("targetShare", Math.Round(result.TargetShares[i], 8)), new("areaError", Math.Round(result.AreaErrors[i], 6))])).ToList();
        GeoJsonMapWriter.Write(writer, features, result.Projection);
    }

    private static void WriteSvg(string path, ComputedCartogram result, RegionData data)
    {
        var colours = data.Rows.Where(r => r.Colour is not null).ToDictionary(r => RegionValues.Loose(r.Id), r => r.Colour!);
        var palette = RegionPalette.Assign(result.Cartogram);
        var fills = result.Regions.Select((r, i) => colours.GetValueOrDefault(RegionValues.Loose(r.Id)) ?? palette[i]).ToList();
        var titles = result.Regions.Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"{r.Id}: {result.Values[i]?.ToString("N0", CultureInfo.InvariantCulture) ?? "no data"}")).ToList();
        File.WriteAllText(path, SvgMapWriter.Write(result.Cartogram, fills, titles, 960, "Cartogram of " + data.ValueColumn));
    }
}
