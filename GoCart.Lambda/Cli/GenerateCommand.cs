using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GoCart.Lambda.Contract;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Guardrail;
using GoCart.Lambda.Layers;
using GoCart.Lambda.Pipeline;

namespace GoCart.Lambda.Cli;

/// <summary>
/// `gocart generate`: a cartogram from a map (GeoJSON, TopoJSON or a zipped shapefile) and a CSV of values, with a
/// progress bar and a summary; each `--layer FILE` (points CSV or GeoJSON points/lines) is moved with it and written
/// into the output GeoJSON.
/// </summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var map = CliOptions.Required("--map", "The map: GeoJSON, TopoJSON or a zipped shapefile, one polygon feature per region (longitude/latitude or projected).");
        var mapObject = CliOptions.Optional("--object", "Which TopoJSON object (or shapefile of a zip holding several) to read (default: the one with the most polygons).");
        var data = CliOptions.Required("--data", "CSV of values: first column the region id or name, then value columns; optional Color, Inset (L, R, T, B) and Label columns.");
        var column = CliOptions.Optional("--column", "The value column to use (default: the first).");
        var idProperty = CliOptions.Optional("--id-property", "The feature property that names the regions (default: the CSV's first header).");
        var output = new Option<string>("--out") { Description = "Where to write the cartogram as GeoJSON.", DefaultValueFactory = _ => "cartogram.geojson" };
        var json = CliOptions.Optional("--json", "Also write the whole result as the API answers it (both maps, regions, statistics, warnings) here.");
        var svg = CliOptions.Optional("--svg", "Also draw the cartogram as SVG here, with title, labels, legend and credit.");
        var maxError = CliOptions.Number("--max-error", "The largest acceptable relative area error.", 0.01, 1e-4, 0.5);
        var grid = CliOptions.Grid();
        var maxPoints = CliOptions.MaxPoints();
        var tolerance = CliOptions.Tolerance();
        var title = CliOptions.Optional("--title", "The SVG's title (default: \"Cartogram: \" and the value column's name).");
        var farFlung = CliOptions.OneOf("--far-flung", "Regions far from the main land mass (us-atlas's Alaska, Hawaii, Guam...): keep them on the main map (the default, with a warning naming them), draw each as an inset on the side it lies towards (insets; the CSV's Inset column wins), or leave them out (leave-out).",
            FarFlungChoice.KeepText, FarFlungChoice.InsetsText, FarFlungChoice.LeaveOutText);
        var leaveOut = new Option<string[]>("--leave-out") { Description = "A region id to leave out of the map (repeatable); the warnings name what was left out." };
        var farParts = CliOptions.OneOf("--far-parts", "Remote polygons of regions on the main map (France's Réunion on a map of the EU): keep (the default) or leave-out, with a warning naming the regions.",
            FarFlungChoice.KeepText, FarFlungChoice.LeaveOutText);
        var layers = new Option<string[]>("--layer") { Description = "A layer to move with the cartogram (repeatable): a CSV of places (longitude, latitude, optional label and size) or a GeoJSON of points or lines; written into the output GeoJSON after the regions, with a \"layer\" property naming the file." };
        var command = new Command("generate", "Make a cartogram from a map and a CSV of values. Exit codes: 0 converged; 3 not converged to --max-error (the files are still written); 1 bad input; 2 wrong command line.")
        {
            map, mapObject, data, column, idProperty, output, json, svg, title, maxError, grid, maxPoints, tolerance, farFlung, leaveOut, farParts, layers,
        };
        command.SetAction(parsed => Run(
            new GenerateArguments(parsed.GetRequiredValue(map), parsed.GetRequiredValue(data), parsed.GetValue(column), parsed.GetValue(idProperty),
                parsed.GetRequiredValue(output), parsed.GetValue(svg), parsed.GetValue(maxError), parsed.GetValue(grid), parsed.GetValue(title), parsed.GetValue(layers) ?? [])
            {
                MapObject = parsed.GetValue(mapObject),
                MaxPoints = parsed.GetValue(maxPoints),
                Tolerance = parsed.GetValue(tolerance),
                Json = parsed.GetValue(json),
                FarFlung = FarFlungChoice.Parse(parsed.GetValue(farFlung), parsed.GetValue(leaveOut), parsed.GetValue(farParts), "--far-flung", "--far-parts"),
            }));
        return command;
    }

    private static int Run(GenerateArguments arguments)
    {
        var data = RegionDataCsv.Parse(TableText.Decode(File.ReadAllBytes(arguments.Data)), arguments.Column);
        var geometry = MapFileReader.ToGeoJson(File.ReadAllBytes(arguments.Map), arguments.MapObject);
        var request = Request(geometry, arguments.IdProperty ?? data.IdColumn, data, arguments) with { Layers = LayerFiles.Read(arguments.Layers) };
        if (Guard(arguments.Data, data) is { } guardrail)
        {
            Console.Error.WriteLine($"gocart: warning: {guardrail}");
        }

        var pipeline = new CartogramPipeline(new EngineSettings { GridSize = arguments.Grid }, MapReadLimits.Default);
        var result = ProgressDisplay.Run("generate", report =>
        {
            var computed = pipeline.Compute(request, new InlineProgress(p => report(p.Progress, ProgressDisplay.Status(p))), null, CancellationToken.None);
            report(1, "done");
            return computed;
        });

        foreach (var warning in result.Warnings)
        {
            Console.Error.WriteLine($"gocart: warning: {warning}");
        }

        WriteGeoJson(arguments.Out, result);
        if (arguments.Json is { } jsonPath)
        {
            File.WriteAllBytes(jsonPath, CartogramJson.Serialize(result));
        }
        if (arguments.Svg is { } svgPath)
        {
            File.WriteAllText(svgPath, CartogramSvg.Draw(result, data, arguments.Title(data)));
        }

        var s = result.Statistics;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Shortfall ?? "converged"}{(result.Converged ? ":" : " —")} {result.Regions.Count} regions, {s.Points} points ({s.OutputPoints} written, simplified in {s.SimplificationSeconds:0.00} s), grid {s.Grid}, {s.Integrations} integrations, max area error {s.MaxAreaError:P2}, mean {s.MeanAreaError:P2}, {s.Seconds:0.00} s → {arguments.Out}"));
        return result.Converged ? 0 : 3;
    }

    private static CartogramRequest Request(JsonElement geometry, string idProperty, RegionData data, GenerateArguments arguments)
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
            Options = new CartogramOptions
            {
                MaxAreaError = arguments.MaxError,
                MaxPoints = arguments.MaxPoints,
                Tolerance = arguments.Tolerance,
                Insets = insets.Count > 0 ? insets : null,
                FarFlung = arguments.FarFlung.Mode == FarFlungMode.Keep ? null : Spelling(arguments.FarFlung.Mode),
                LeaveOut = arguments.FarFlung.LeaveOut.Count > 0 ? arguments.FarFlung.LeaveOut : null,
                FarParts = arguments.FarFlung.LeaveOutFarParts ? FarFlungChoice.LeaveOutText : null,
            },
        };
    }

    private static string Spelling(FarFlungMode mode) => mode == FarFlungMode.Insets ? FarFlungChoice.InsetsText : FarFlungChoice.LeaveOutText;

    /// <summary>The cartogram's regions, then its layers' features (each with a layer property naming its file).</summary>
    private static void WriteGeoJson(string path, ComputedCartogram result)
    {
        using var regions = new MemoryStream();
        using (var writer = new Utf8JsonWriter(regions))
        {
            GeoJsonMapWriter.Write(writer, CartogramJson.Features(result, result.Cartogram), result.Projection);
        }

        File.WriteAllBytes(path, result.Layers.Count == 0
            ? regions.ToArray()
            : LayerGeoJson.Append(regions.ToArray(), w => LayerGeoJson.WriteFeatures(w, result.Layers, cartogram: true)));
    }

    /// <summary>The guardrail's message when the chosen column looks like a rate (tested against a population column of the same file when it has one).</summary>
    private static string? Guard(string dataPath, RegionData data)
    {
        IReadOnlyList<double?>? population = null;
        if (data.ValueColumns.FirstOrDefault(ValueColumnClassifier.IsPopulation) is { } populationColumn && populationColumn != data.ValueColumn)
        {
            var byId = RegionDataCsv.Parse(File.ReadAllText(dataPath), populationColumn).Rows.ToDictionary(r => r.Id, r => r.Value, StringComparer.Ordinal);
            population = [.. data.Rows.Select(r => byId.GetValueOrDefault(r.Id))];
        }

        return ValueColumnClassifier.Classify(data.ValueColumn, [.. data.Rows.Select(r => r.Value)], population).Message;
    }
}
