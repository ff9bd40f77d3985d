using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline;

namespace GoCart.Lambda.Cli;

/// <summary>
/// `gocart bench`: every map folder (a .geojson and its population CSV, else its first CSV) computed N times,
/// each map in a fresh child process so its peak memory is its own; prints a table (or JSON) of regions,
/// points, grid, integrations, max error, median wall time and peak memory.
/// </summary>
public static class BenchCommand
{
    public const string SingleMapCommand = "bench-map";

    /// <summary>The site's setting for its library folders, read here too so both see the same maps.</summary>
    public const string MapsDirVariable = "CARTOGRAM_MAPS_DIR";

    public static Command Create()
    {
        var maps = CliOptions.Optional("--maps", "Folders of map folders (each a .geojson and a CSV) separated by ':', or one map folder (default: CARTOGRAM_MAPS_DIR, else the starter library GoCart.Site/StarterMaps above the current folder).");
        var runs = CliOptions.WholeNumber("--runs", "Runs per map; the median is reported.", 3, 1, 50);
        var grid = CliOptions.Grid();
        var json = new Option<bool>("--json") { Description = "Print the results as JSON instead of a table." };
        var command = new Command("bench", "Time every map of a folder, each in its own process: regions, points, grid, integrations, largest area error, median seconds and peak memory.")
        {
            maps, runs, grid, json,
        };
        command.SetAction(parsed => Run(parsed.GetValue(maps), parsed.GetValue(runs), parsed.GetValue(grid), parsed.GetValue(json)));
        return command;
    }

    /// <summary>The child side of `bench`: one map, N runs, one JSON line on stdout. Hidden from --help.</summary>
    public static Command CreateSingleMap()
    {
        var folder = CliOptions.Required("--map-folder", "The map folder.");
        var runs = CliOptions.WholeNumber("--runs", "Runs.", 3, 1, 50);
        var grid = CliOptions.Grid();
        var command = new Command(SingleMapCommand, "One map of `bench`, in its own process.") { folder, runs, grid };
        command.Hidden = true;
        command.SetAction(parsed => RunSingleMap(parsed.GetRequiredValue(folder), parsed.GetValue(runs), parsed.GetValue(grid)));
        return command;
    }

    private static int Run(string? mapsFolder, int runs, int? grid, bool json)
    {
        var folders = MapsFolders(mapsFolder ?? Environment.GetEnvironmentVariable(MapsDirVariable))
            ?? throw new UsageException($"No --maps folder given, {MapsDirVariable} is empty and GoCart.Site/StarterMaps is not found above the current directory.");
        var maps = folders.SelectMany(MapsIn).ToList();
        if (maps.Count == 0)
        {
            throw new UsageException($"No map (a folder with a .geojson or .json file) in {string.Join(", ", folders)}.");
        }

        var results = ProgressDisplay.Run("bench", report =>
        {
            var measured = new List<BenchResult>();
            for (var i = 0; i < maps.Count; i++)
            {
                report((double)i / maps.Count, Path.GetFileName(maps[i]));
                measured.Add(RunIsolated(maps[i], runs, grid));
            }

            report(1, "done");
            return measured;
        });

        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(results, BenchJson.Default.ListBenchResult));
        }
        else
        {
            PrintTable(results, runs);
        }

        return results.All(r => r.Error is null) ? 0 : 1;
    }

    private static int RunSingleMap(string folder, int runs, int? grid)
    {
        BenchResult result;
        try
        {
            result = Measure(folder, runs, grid);
        }
        catch (Exception exception) when (exception is MapInputException or Contract.CartogramException or IOException)
        {
            result = new BenchResult(Path.GetFileName(folder), 0, 0, "", 0, 0, 0, 0, exception.Message);
        }

        Console.Out.WriteLine(JsonSerializer.Serialize(result, BenchJson.Default.BenchResult));
        return 0;
    }

    private static BenchResult Measure(string folder, int runs, int? grid)
    {
        using var self = Process.GetCurrentProcess();
        var startup = (DateTime.Now - self.StartTime).TotalSeconds;
        var mapFile = Directory.EnumerateFiles(folder, "*.geojson").Concat(Directory.EnumerateFiles(folder, "*.json")).Order(StringComparer.Ordinal).First();
        var csvs = Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToList();
        var csv = csvs.FirstOrDefault(c => Path.GetFileName(c).Contains("population", StringComparison.OrdinalIgnoreCase) && !c.Contains("insetted", StringComparison.Ordinal))
            ?? csvs.FirstOrDefault() ?? throw new IOException($"{folder} has no CSV of values.");
        var data = RegionDataCsv.Parse(File.ReadAllText(csv));
        var pipeline = new CartogramPipeline(new EngineSettings { GridSize = grid }, MapReadLimits.Default);
        var times = new List<double>();
        var cpuTimes = new List<double>();
        var phases = new List<BenchPhases>();
        ComputedCartogram? last = null;
        for (var run = 0; run < runs; run++)
        {
            // The peak memory reported is one run's peak, not that plus the garbage of the runs before it.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var parsing = Stopwatch.StartNew();
            using var document = JsonDocument.Parse(File.ReadAllBytes(mapFile));
            var parsed = parsing.Elapsed;
            var request = new Contract.CartogramRequest
            {
                Key = "bench",
                Geometry = document.RootElement,
                RegionIdProperty = data.IdColumn,
                Values = data.Rows.ToDictionary(r => r.Id, r => r.Value),
                Options = new Contract.CartogramOptions { Insets = InsetsOf(data) },
            };
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            last = pipeline.Compute(request, null, null, CancellationToken.None);
            times.Add(clock.Elapsed.TotalSeconds);
            self.Refresh();
            cpuTimes.Add((self.TotalProcessorTime - cpuBefore).TotalSeconds);
            phases.Add(BenchPhases.Of(parsed, last.Statistics));
        }

        times.Sort();
        cpuTimes.Sort();
        var s = last!.Statistics;
        self.Refresh();
        var peakMegabytes = self.PeakWorkingSet64 / 1e6;

        // Written once, after the peak is read, so the peak stays the computation's (as before this phase existed).
        var writing = Stopwatch.StartNew();
        CartogramJson.Serialize(last);
        var median = BenchPhases.Median(phases) with { Write = writing.Elapsed.TotalSeconds };
        return new BenchResult(Path.GetFileName(folder), last.Regions.Count, s.Points, s.Grid, s.Integrations, s.MaxAreaError,
            times[times.Count / 2], peakMegabytes, last.Converged ? null : "not converged", median.ToString())
        {
            MedianCpuSeconds = cpuTimes[cpuTimes.Count / 2],
            StartupSeconds = startup,
        };
    }

    private static Dictionary<string, string>? InsetsOf(RegionData data)
    {
        var insets = data.Rows.Where(r => r.Inset is not null).ToDictionary(r => r.Id, r => r.Inset!);
        return insets.Count > 0 ? insets : null;
    }

    private static BenchResult RunIsolated(string folder, int runs, int? grid)
    {
        var (file, prefix) = SelfInvocation();
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in prefix.Concat([SingleMapCommand, "--map-folder", folder, "--runs", runs.ToString(CultureInfo.InvariantCulture)])
            .Concat(grid is { } g ? ["--grid", g.ToString(CultureInfo.InvariantCulture)] : []))
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start) ?? throw new IOException("Could not start a benchmark process.");
        var stderr = child.StandardError.ReadToEndAsync();
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return last is not null && last.StartsWith('{')
            ? JsonSerializer.Deserialize(last, BenchJson.Default.BenchResult)!
            : new BenchResult(Path.GetFileName(folder), 0, 0, "", 0, 0, 0, 0, $"benchmark process failed: {stderr.Result.Trim()}");
    }

    /// <summary>How to start this same executable again: the native binary itself, or `dotnet gocart.dll`.</summary>
    private static (string File, string[] Prefix) SelfInvocation()
    {
        var processPath = Environment.ProcessPath ?? throw new IOException("Cannot tell which executable is running.");
        var name = Path.GetFileNameWithoutExtension(processPath);
        return name.Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? (processPath, [Environment.GetCommandLineArgs()[0]])
            : (processPath, []);
    }

    private static void PrintTable(List<BenchResult> results, int runs)
    {
        var culture = CultureInfo.InvariantCulture;
        Console.Out.WriteLine($"{"map",-48} {"regions",7} {"points",8} {"grid",-12} {"integr.",7} {"max err",8} {"median s",9} {"peak MB",8}  notes");
        foreach (var r in results)
        {
            Console.Out.WriteLine(string.Create(culture,
                $"{r.Map,-48} {r.Regions,7} {r.Points,8} {r.Grid,-12} {r.Integrations,7} {r.MaxAreaError,8:P2} {r.MedianSeconds,9:0.000} {r.PeakMegabytes,8:0}  {r.Error}"));
        }

        Console.Out.WriteLine($"median of {runs} run(s) per map, each map in its own process; times include reading, projection and the engine");
    }

    /// <summary>
    /// The folders to read, separated by ':' as in the site's CARTOGRAM_MAPS_DIR; when none is given, the starter
    /// library that ships with the site (GoCart.Site/StarterMaps above the current directory or this executable).
    /// </summary>
    private static List<string>? MapsFolders(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            var folders = given.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var missing = folders.FirstOrDefault(f => !Directory.Exists(f));
            return missing is null ? folders : throw new UsageException($"--maps: '{missing}' is not a folder.");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "GoCart.Site", "StarterMaps");
                if (Directory.Exists(candidate))
                {
                    return [candidate];
                }
            }
        }

        return null;
    }

    /// <summary>The map folders of a library folder, or the folder itself when it is one map.</summary>
    private static List<string> MapsIn(string folder)
    {
        static bool HasMap(string d) => Directory.EnumerateFiles(d, "*.geojson").Any() || Directory.EnumerateFiles(d, "*.json").Any();
        var maps = Directory.EnumerateDirectories(folder).Where(HasMap).Order(StringComparer.Ordinal).ToList();
        return maps.Count == 0 && HasMap(folder) ? [folder] : maps;
    }
}
