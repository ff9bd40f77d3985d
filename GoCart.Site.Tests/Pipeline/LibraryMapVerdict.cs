using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Valid;

namespace GoCart.Site.Tests.Pipeline;

/// <summary>
/// What the per-map tests check about one library map's population cartogram, measured once and kept without
/// the geometry (86 maps' geometries would not fit in a test process comfortably).
/// </summary>
public sealed record LibraryMapVerdict(
    string MapId,
    bool Converged,
    double MaxAreaError,
    IReadOnlyList<string> InvalidRegions,
    IReadOnlyList<string> ChangedRingCounts,
    double AreaRatio,
    double OverlapShare,
    string WorstOverlap,
    double Seconds)
{
    public static LibraryMapVerdict Measure(string mapId, Func<ComputedCartogram>? compute = null)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = compute?.Invoke() ?? Compute(mapId);
        var invalid = new List<string>();
        var changed = new List<string>();
        for (var i = 0; i < result.Regions.Count; i++)
        {
            var region = result.Regions[i].Id;
            if (!result.Cartogram[i].IsValid)
            {
                invalid.Add($"{region} cartogram: {new IsValidOp(result.Cartogram[i]).ValidationError}");
            }

            if (!result.EqualAreaMap[i].IsValid)
            {
                invalid.Add($"{region} equal-area map: {new IsValidOp(result.EqualAreaMap[i]).ValidationError}");
            }

            if (result.EqualAreaMap[i].NumGeometries != result.Cartogram[i].NumGeometries || result.EqualAreaMap[i].NumPoints != result.Cartogram[i].NumPoints)
            {
                changed.Add(region);
            }
        }

        var (overlap, worst) = Overlap(result);
        var total = result.Cartogram.Sum(g => g.Area);
        return new LibraryMapVerdict(mapId, result.Converged, result.Statistics.MaxAreaError, invalid, changed,
            total / result.EqualAreaMap.Sum(g => g.Area), overlap / total, worst, started.Elapsed.TotalSeconds);
    }

    public static ComputedCartogram Compute(string mapId) =>
        new CartogramPipeline(new EngineSettings(), MapReadLimits.Default).Compute(PipelineRequests.ForMap(mapId), null, null, CancellationToken.None);

    /// <summary>The summed area where two regions of the cartogram intersect, and the worst pair; candidates from an envelope index.</summary>
    private static (double Area, string Worst) Overlap(ComputedCartogram result)
    {
        var index = new STRtree<int>();
        for (var i = 0; i < result.Cartogram.Count; i++)
        {
            index.Insert(result.Cartogram[i].EnvelopeInternal, i);
        }

        var overlap = 0.0;
        var worst = (Area: 0.0, Pair: "");
        for (var i = 0; i < result.Cartogram.Count; i++)
        {
            foreach (var j in index.Query(result.Cartogram[i].EnvelopeInternal).Where(j => j > i))
            {
                double area;
                try
                {
                    area = result.Cartogram[i].Intersection(result.Cartogram[j]).Area;
                }
                catch (TopologyException)
                {
                    // Borders so tangled that the overlay cannot node them: counted as the two regions overlapping wholly.
                    area = Math.Min(result.Cartogram[i].Area, result.Cartogram[j].Area);
                }

                overlap += area;
                if (area > worst.Area)
                {
                    worst = (area, $"{result.Regions[i].Id} and {result.Regions[j].Id}");
                }
            }
        }

        return (overlap, worst.Pair);
    }
}
