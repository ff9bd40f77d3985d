using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo.Projections;

/// <summary>
/// Chooses where a longitude/latitude map is cut open, so that maps crossing ±180° come out whole (one Russia,
/// one Fiji, Alaska with its Aleutians). Every candidate meridian, every half degree, is scored by what it would
/// tear apart: for each region whose longitudes it runs through, the smaller of the two sides it would leave
/// (parts' spherical areas), plus ten times any single polygon it would slice. The cheapest wins; among equally
/// cheap candidates the middle of the longest run, which puts a country's cut in the middle of its empty ocean.
/// </summary>
internal static class CutMeridian
{
    private const double Step = 0.5;
    private const double SlicePenalty = 10;

    public static double Choose(IReadOnlyList<Geometry> regions)
    {
        var parts = new List<(int Region, double Start, double Span, double Centre, double Weight)>();
        var regionArcs = new List<(double Start, double Span)>();
        for (var r = 0; r < regions.Count; r++)
        {
            var all = new List<double>();
            for (var p = 0; p < regions[r].NumGeometries; p++)
            {
                var polygon = (Polygon)regions[r].GetGeometryN(p);
                var longitudes = polygon.Shell.Coordinates.Select(c => c.X).ToList();
                all.AddRange(longitudes);
                var (start, span) = Arc(longitudes);
                parts.Add((r, start, span, Normalise(start + (span / 2)), SphericalWeight(polygon)));
            }

            regionArcs.Add(Arc(all));
        }

        var candidates = (int)(360 / Step);
        var cost = new double[candidates];
        for (var k = 0; k < candidates; k++)
        {
            var cut = -180 + (k * Step);
            var before = new double[regions.Count];
            var after = new double[regions.Count];
            foreach (var part in parts)
            {
                var arc = regionArcs[part.Region];
                if (!Inside(cut, arc.Start, arc.Span))
                {
                    continue;
                }

                if (Inside(cut, part.Start, part.Span))
                {
                    cost[k] += SlicePenalty * part.Weight;
                }
                else if (Offset(part.Centre, arc.Start) < Offset(cut, arc.Start))
                {
                    before[part.Region] += part.Weight;
                }
                else
                {
                    after[part.Region] += part.Weight;
                }
            }

            for (var r = 0; r < regions.Count; r++)
            {
                cost[k] += Math.Min(before[r], after[r]);
            }
        }

        return -180 + (MiddleOfLongestCheapestRun(cost) * Step);
    }

    private static int MiddleOfLongestCheapestRun(double[] cost)
    {
        var minimum = cost.Min();
        var tolerance = Math.Max(1e-12, minimum * 1e-9);
        var n = cost.Length;
        var cheap = cost.Select(c => c <= minimum + tolerance).ToArray();
        if (cheap.All(c => c))
        {
            return n / 2;
        }

        // Walk circularly from a costly candidate so that runs wrapping past ±180° are measured whole.
        var origin = Array.IndexOf(cheap, false);
        var bestStart = -1;
        var bestLength = 0;
        var runStart = -1;
        for (var i = 1; i <= n; i++)
        {
            var k = (origin + i) % n;
            if (cheap[k])
            {
                if (runStart < 0)
                {
                    runStart = i;
                }

                var length = i - runStart + 1;
                if (length > bestLength)
                {
                    bestLength = length;
                    bestStart = runStart;
                }
            }
            else
            {
                runStart = -1;
            }
        }

        return (origin + bestStart + ((bestLength - 1) / 2)) % n;
    }

    /// <summary>The shortest arc of longitudes (start, eastward span) that holds every given longitude.</summary>
    public static (double Start, double Span) Arc(List<double> longitudes)
    {
        var sorted = longitudes.Select(Normalise).Order().ToList();
        if (sorted.Count == 0)
        {
            return (0, 0);
        }

        var largestGap = (360 - sorted[^1]) + sorted[0];
        var gapEnd = sorted[0];
        for (var i = 1; i < sorted.Count; i++)
        {
            var gap = sorted[i] - sorted[i - 1];
            if (gap > largestGap)
            {
                largestGap = gap;
                gapEnd = sorted[i];
            }
        }

        return (gapEnd, 360 - largestGap);
    }

    public static double Normalise(double longitude)
    {
        var l = (longitude + 180) % 360;
        return (l < 0 ? l + 360 : l) - 180;
    }

    private static double Offset(double longitude, double start)
    {
        var d = (longitude - start) % 360;
        return d < 0 ? d + 360 : d;
    }

    private static bool Inside(double longitude, double start, double span)
    {
        var offset = Offset(longitude, start);
        return offset > 0 && offset < span;
    }

    private static double SphericalWeight(Polygon polygon)
    {
        var envelope = polygon.EnvelopeInternal;
        return polygon.Area * Math.Cos(envelope.Centre.Y * Earth.Radians);
    }
}
