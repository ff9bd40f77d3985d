using System.Diagnostics;
using GoCart.Lambda.Contract;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Geo.Projections;
using GoCart.Lambda.Hosting;
using GoCart.Lambda.Layers;
using GoCart.Lambda.Pipeline.Simplification;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace GoCart.Lambda.Pipeline;

/// <summary>
/// Request in, cartogram out: read and repair the map, match the values, split it into the main map and its
/// insets, project each longitude/latitude group with its own equal-area projection, run the engine per group,
/// scale the insets to their share of the total and place them beside the main map.
/// </summary>
public sealed class CartogramPipeline(EngineSettings engineDefaults, MapReadLimits limits) : ICartogramPipeline
{
    public const double MaxSeconds = 900;
    private const string MainGroup = "C";

    public byte[] Run(CartogramRequest request, IProgress<ProgressUpdate>? progress, TimeSpan? timeBudget, CancellationToken cancellation) =>
        CartogramJson.Serialize(Compute(request, progress, timeBudget, cancellation));

    public ComputedCartogram Compute(CartogramRequest request, IProgress<ProgressUpdate>? progress, TimeSpan? timeBudget, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var settings = Settings(request.Options, timeBudget);
        var outputBudget = OutputBudget.From(request.Options);
        Report(progress, request.Key, 0.01, double.NaN, "reading");
        var read = Guard(() => MapFileReader.Read(request.Geometry, request.RegionIdProperty, request.ObjectName, limits));
        var choice = Guard(() => FarFlungChoice.Parse(request.Options?.FarFlung, request.Options?.LeaveOut, request.Options?.FarParts, "options.farFlung", "options.farParts"));
        var leftOut = choice.LeftOut(read);
        var map = Guard(() => choice.Apply(read));
        var looseLeftOut = leftOut.Select(RegionValues.Loose).ToHashSet(StringComparer.Ordinal);
        var values = request.Values.Where(v => !looseLeftOut.Contains(RegionValues.Loose(v.Key))).ToDictionary(StringComparer.Ordinal);
        CheckDropped(map, values);
        var ids = map.Regions.Select(r => r.Id).ToList();
        var matched = Guard(() => RegionValues.Match(ids, [.. values.Select(v => (v.Key, v.Value))]));
        Guard(() => ValueChecks.Check(ids.Select((id, i) => (id, matched.Values[i]))));
        var givenInsets = request.Options?.Insets?.Where(i => !leftOut.Contains(i.Key)).ToDictionary(StringComparer.Ordinal);
        var groups = Groups(ids, choice.Insets(map, givenInsets), choice.OwnInsets(map, givenInsets));
        var reading = clock.Elapsed;
        var warnings = map.Warnings.Concat(matched.Warnings).ToList();
        warnings.AddRange(FarFlungAdvice.For(map, request.Options));
        var layers = LayerPlacement.Plan(Guard(() => ReadLayers(request.Layers)), map, [.. groups.Select(g => g.Members)]);

        var cartogram = new Geometry[ids.Count];
        var equalArea = new Geometry[ids.Count];
        var shares = new double[ids.Count];
        var errors = new double[ids.Count];
        var floored = new bool[ids.Count];
        var totalVertices = (double)map.Regions.Sum(r => r.Geometry.NumPoints);
        var doneVertices = 0.0;
        var runs = new List<EngineResult>();
        var outputPoints = 0;
        var simplificationSeconds = 0.0;
        var projections = new List<string>();
        var groupWeights = new Dictionary<string, double>();
        var placed = new List<(string Side, int[] Members, Geometry[] Cartogram, Geometry[] EqualArea)>();
        var insets = new string?[ids.Count];
        Report(progress, request.Key, 0.02, double.NaN, "projecting");
        var projectionStarted = clock.Elapsed;
        var groupMaps = groups.Select(g => Project(map, g.Members)).ToList();
        var projecting = clock.Elapsed - projectionStarted;
        projections.AddRange(groupMaps.Where(g => g.Projected is not null).Select(g => g.Projected!.Projection.Name));
        var fillDensity = InsetFill.Density(groups.Zip(groupMaps).SelectMany(g => g.First.Members.Select((i, k) => (g.Second.Planar[k].Area, matched.Values[i]))));
        foreach (var ((side, members), (lonLat, projected, planar)) in groups.Zip(groupMaps))
        {
            cancellation.ThrowIfCancellationRequested();
            var layerPaths = layers.IsEmpty ? [] : layers.PathsFor(placed.Count, lonLat, projected, planar, warnings);
            var groupValues = members.Select(i => matched.Values[i]).ToList();
            if (side != MainGroup)
            {
                groupValues = InsetFill.Fill(planar, groupValues, fillDensity);
            }

            groupWeights[side] = Weight(planar, groupValues);
            var share = members.Sum(i => map.Regions[i].Geometry.NumPoints) / totalVertices;
            var offset = doneVertices / totalVertices;
            var engineProgress = new Progress(p => Report(progress, request.Key, 0.02 + (0.9 * (offset + (share * p.Fraction))), p.MaxAreaError, "computing"));
            EngineResult result;
            try
            {
                result = CartogramEngine.Run(planar, groupValues, layerPaths, settings, engineProgress, cancellation);
            }
            catch (ArgumentException exception)
            {
                throw new CartogramException(CartogramErrorKind.InvalidInput, GroupMessage(side, exception.Message), exception);
            }

            if (result.Status == CartogramStatus.TimeBudgetExceeded)
            {
                throw new CartogramException(CartogramErrorKind.TimeBudgetExceeded, $"The time budget ran out after {clock.Elapsed.TotalSeconds:0} s with the largest area error still at {result.Statistics.MaxAreaError:P1}. Try fewer regions or simpler boundaries.");
            }

            runs.Add(result);
            var simplifying = Stopwatch.StartNew();
            var compact = outputBudget.SimplifiesAnything
                ? OutputSimplification.Simplify(result.Cartogram, result.EqualAreaMap, result.AreaErrors, settings.MaxAreaError, outputBudget,
                    [.. result.LayerPaths.SelectMany(p => p)], [.. result.EqualAreaLayerPaths.SelectMany(p => p)])
                : new SimplifiedMap(result.Cartogram, result.EqualAreaMap, result.AreaErrors, result.Statistics.Points, result.Statistics.Points);
            outputPoints += compact.PointsAfter;
            simplificationSeconds += simplifying.Elapsed.TotalSeconds;
            layers.Moved(placed.Count, result.LayerPaths, result.EqualAreaLayerPaths);
            placed.Add((side, members, [.. compact.Cartogram], [.. compact.EqualAreaMap]));
            for (var k = 0; k < members.Length; k++)
            {
                errors[members[k]] = compact.AreaErrors[k];
                shares[members[k]] = result.TargetShares[k];
                floored[members[k]] = result.Floored[k];
                insets[members[k]] = side == MainGroup ? null : side;
            }

            doneVertices += share * totalVertices;
        }

        Arrange(placed, groupWeights, shares, layers);
        foreach (var (_, members, carto, equal) in placed)
        {
            for (var k = 0; k < members.Length; k++)
            {
                cartogram[members[k]] = carto[k];
                equalArea[members[k]] = equal[k];
            }
        }

        var maxError = errors.Length == 0 ? 0 : errors.Max(Math.Abs);
        var shortfall = Convergence.Shortfall(ids, errors, settings.MaxAreaError);
        var checkStarted = clock.Elapsed;
        warnings.AddRange(OutputValidity.Warnings(map.Regions, cartogram, equalArea));
        var checking = clock.Elapsed - checkStarted;
        if (FlooredRegions.Message(ids, floored) is { } flooredMessage)
        {
            warnings.Add(flooredMessage);
        }

        Report(progress, request.Key, 0.97, maxError, "writing");
        var statistics = new CartogramRunStatistics(
            runs.Sum(r => r.Statistics.Integrations),
            string.Join(", ", runs.Select(r => $"{r.Statistics.GridLx}×{r.Statistics.GridLy}")),
            runs.Sum(r => r.Statistics.Points),
            maxError,
            errors.Select(Math.Abs).DefaultIfEmpty(0).Average(),
            clock.Elapsed.TotalSeconds,
            runs.Sum(r => r.Crossings),
            runs.Select(r => r.Statistics.Timings).Aggregate((a, b) => a.Plus(b)))
        {
            OutputPoints = outputPoints,
            SimplificationSeconds = simplificationSeconds,
            Stages = new PipelineTimings(reading, projecting, TimeSpan.FromSeconds(simplificationSeconds), checking)
            {
                Engine = runs.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Statistics.Elapsed),
            },
        };
        return new ComputedCartogram(request.Key, projections.Count == 0 ? null : string.Join("; ", projections.Distinct()),
            map.Regions, matched.Values, cartogram, equalArea, shares, errors, floored, statistics, warnings)
        {
            Layers = layers.Features(),
            Insets = insets,
            Shortfall = shortfall,
        };
    }

    private EngineSettings Settings(CartogramOptions? options, TimeSpan? timeBudget)
    {
        var maxAreaError = options?.MaxAreaError ?? engineDefaults.MaxAreaError;
        if (!(maxAreaError > 0 && maxAreaError <= 0.5))
        {
            throw new CartogramException(CartogramErrorKind.InvalidInput, "options.maxAreaError must be above 0 and at most 0.5 (for example 0.01 for 1%).");
        }

        var seconds = options?.MaxSeconds;
        if (seconds is { } s && !(s > 0 && s <= MaxSeconds))
        {
            throw new CartogramException(CartogramErrorKind.InvalidInput, $"options.maxSeconds must be above 0 and at most {MaxSeconds}.");
        }

        var budget = new[] { timeBudget, seconds is { } sec ? TimeSpan.FromSeconds(sec) : null, engineDefaults.TimeBudget }
            .Where(b => b is not null).Select(b => b!.Value).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        return engineDefaults with { MaxAreaError = maxAreaError, TimeBudget = budget == TimeSpan.MaxValue ? null : budget };
    }

    /// <summary>A value for a region the reader had to leave out cannot be shown: say which region, why, and what to do.</summary>
    private static void CheckDropped(SourceMap map, Dictionary<string, double?> values)
    {
        foreach (var dropped in map.Dropped)
        {
            var key = RegionValues.Loose(dropped.Id);
            if (values.Any(v => v.Value is not null && RegionValues.Loose(v.Key) == key))
            {
                throw new CartogramException(CartogramErrorKind.InvalidInput,
                    $"Region \"{dropped.Id}\" has a value, but it {dropped.Reason}, so the map cannot show it. Fix its geometry in the map file, or remove its value from the data.");
            }
        }
    }

    /// <summary>
    /// The main group (<see cref="MainGroup"/>) and one inset group per side, except that each region of
    /// <paramref name="own"/> (far-flung regions made insets, which lie apart from each other: Guam and Alaska) is
    /// an inset group of its own, keyed "L 66": a group's side is its key's first letter.
    /// </summary>
    private static List<(string Side, int[] Members)> Groups(List<string> ids, Dictionary<string, string>? insets, IReadOnlySet<string> own)
    {
        var side = ids.Select(_ => MainGroup).ToArray();
        if (insets is not null)
        {
            var index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
            foreach (var (id, code) in insets)
            {
                if (!index.TryGetValue(id, out var i))
                {
                    throw new CartogramException(CartogramErrorKind.InvalidInput, $"options.insets names region \"{id}\", which the map does not have.");
                }

                var normalised = (code ?? "").Trim().ToUpperInvariant();
                side[i] = normalised switch
                {
                    "" or "C" => MainGroup,
                    "L" or "R" or "T" or "B" => normalised,
                    _ => throw new CartogramException(CartogramErrorKind.InvalidInput, $"Inset \"{code}\" of region \"{id}\" must be C, L, R, T or B."),
                };
            }
        }

        if (!side.Contains(MainGroup))
        {
            throw new CartogramException(CartogramErrorKind.InvalidInput, "Every region is in an inset; at least one region must be on the main map (inset C or empty).");
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if (side[i] != MainGroup && own.Contains(ids[i]))
            {
                side[i] = $"{side[i]} {ids[i]}";
            }
        }

        return [.. side.Distinct().OrderBy(s => s == MainGroup ? 0 : 1).ThenBy(s => s, StringComparer.Ordinal)
            .Select(s => (s, Enumerable.Range(0, ids.Count).Where(i => side[i] == s).ToArray()))];
    }

    /// <summary>One group's regions in longitude/latitude and on the plane (projected with their own equal-area projection when the map is longitude/latitude).</summary>
    private static (IReadOnlyList<Geometry> LonLat, ProjectedMap? Projected, IReadOnlyList<Geometry> Planar) Project(SourceMap map, int[] members)
    {
        IReadOnlyList<Geometry> lonLat = [.. members.Select(i => map.Regions[i].Geometry)];
        if (!map.IsLonLat)
        {
            return (lonLat, null, lonLat);
        }

        var projected = Guard(() => MapProjector.Project(lonLat, [.. members.Select(i => $"\"{map.Regions[i].Id}\"")]));
        return (lonLat, projected, projected.Geometries);
    }

    /// <summary>A group's total value, counting missing values at the group's mean density, so insets can be sized against the main map.</summary>
    private static double Weight(IReadOnlyList<Geometry> planar, List<double?> values)
    {
        var knownValue = values.Sum(v => v ?? 0);
        var knownArea = planar.Where((_, i) => values[i] is not null).Sum(g => g.Area);
        var density = knownArea > 0 ? knownValue / knownArea : 0;
        return planar.Select((g, i) => values[i] ?? (g.Area * density)).Sum();
    }

    private static void Arrange(List<(string Side, int[] Members, Geometry[] Cartogram, Geometry[] EqualArea)> placed, Dictionary<string, double> weights, double[] shares, LayerPlacement layers)
    {
        if (placed.Count == 1)
        {
            return;
        }

        var main = placed[0];
        var mainArea = main.Cartogram.Sum(g => g.Area);
        var total = weights.Values.Sum();
        var scalings = new List<AffineTransformation>();
        foreach (var (side, members, carto, _) in placed.Skip(1))
        {
            scalings.Add(InsetLayout.ScaleToArea(carto, mainArea * weights[side] / weights[MainGroup]));
            foreach (var m in members)
            {
                shares[m] *= weights[side] / total;
            }
        }

        foreach (var m in main.Members)
        {
            shares[m] *= weights[MainGroup] / total;
        }

        var cartogramMoves = InsetLayout.Arrange(InsetLayout.Envelope(main.Cartogram), [.. placed.Skip(1).Select(p => (p.Side[..1], p.Cartogram))]);
        var equalAreaMoves = InsetLayout.Arrange(InsetLayout.Envelope(main.EqualArea), [.. placed.Skip(1).Select(p => (p.Side[..1], p.EqualArea))]);
        for (var g = 1; g < placed.Count; g++)
        {
            layers.Transform(g, new AffineTransformation(scalings[g - 1]).Compose(cartogramMoves[g - 1]), equalAreaMoves[g - 1]);
        }
    }

    private static List<MapLayer> ReadLayers(IReadOnlyList<LayerInput>? inputs)
    {
        if (inputs is null || inputs.Count == 0)
        {
            return [];
        }

        if (inputs.Count > LayerLimits.MaxLayers)
        {
            throw new MapInputException($"The request has {inputs.Count} layers; at most {LayerLimits.MaxLayers} are accepted.");
        }

        var layers = inputs.Select((input, i) => LayerReader.FromGeoJson(input.Name is { Length: > 0 } name ? name : $"layer {i + 1}", input.Geometry)).ToList();
        if (layers.Sum(l => l.Features.Sum(f => f.Geometry.NumPoints)) > LayerLimits.MaxVertices)
        {
            throw new MapInputException($"The layers have more than {LayerLimits.MaxVertices:N0} points together; simplify the lines or send fewer places.");
        }

        return layers;
    }

    private static string GroupMessage(string side, string message) =>
        side == MainGroup ? message : $"In the inset group {side}: {message}";

    private static void Guard(Action check) => Guard(() =>
    {
        check();
        return true;
    });

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (MapInputException exception)
        {
            throw new CartogramException(CartogramErrorKind.InvalidInput, exception.Message, exception);
        }
    }

    private static void Report(IProgress<ProgressUpdate>? progress, string key, double fraction, double maxAreaError, string stage) =>
        progress?.Report(new ProgressUpdate(key, 0, Math.Clamp(fraction, 0, 1), double.IsNaN(maxAreaError) ? 0 : maxAreaError, stage));

    private sealed class Progress(Action<EngineProgress> report) : IProgress<EngineProgress>
    {
        public void Report(EngineProgress value) => report(value);
    }
}
