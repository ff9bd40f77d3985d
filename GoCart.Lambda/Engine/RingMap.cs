using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Engine;

/// <summary>
/// A map flattened for the engine: every distinct vertex once (shared borders share their points, so they move
/// as one), and rings as runs of point indices. Exterior rings are counter-clockwise and holes clockwise, so a
/// region's area is the plain sum of its rings' signed areas. Coordinates are lattice units.
/// </summary>
internal sealed class RingMap
{
    private RingMap(double[] x, double[] y, int[] ringStart, int[] ringPoints, int[] ringRegion, int[] ringPolygon, bool[] ringIsHole, int regionCount)
    {
        X = x;
        Y = y;
        RingStart = ringStart;
        RingPoints = ringPoints;
        RingRegion = ringRegion;
        RingPolygon = ringPolygon;
        RingIsHole = ringIsHole;
        RegionCount = regionCount;
        RegionRingStart = new int[regionCount + 1];
        foreach (var region in ringRegion)
        {
            RegionRingStart[region + 1]++;
        }

        for (var i = 0; i < regionCount; i++)
        {
            RegionRingStart[i + 1] += RegionRingStart[i];
        }
    }

    public double[] X { get; }

    public double[] Y { get; }

    /// <summary>Ring r is RingPoints[RingStart[r] .. RingStart[r + 1]), closed implicitly.</summary>
    public int[] RingStart { get; }

    public int[] RingPoints { get; }

    public int[] RingRegion { get; }

    public int[] RingPolygon { get; }

    public bool[] RingIsHole { get; }

    public int RegionCount { get; }

    /// <summary>Rings are stored region by region: region i owns rings RegionRingStart[i] .. RegionRingStart[i + 1].</summary>
    public int[] RegionRingStart { get; }

    public int RingCount => RingRegion.Length;

    public int PointCount => X.Length;

    /// <summary>
    /// Flattens polygonal geometries (one per region) into lattice coordinates, inserting points so that no edge
    /// is longer than <paramref name="maxEdgeLength"/> cells. Shared edges are split at bit-identical points
    /// whichever way each ring runs along them.
    /// </summary>
    public static RingMap Build(IReadOnlyList<Geometry> regions, Lattice lattice, double maxEdgeLength)
    {
        var builder = new Builder(lattice, maxEdgeLength);
        var polygonIndex = 0;
        for (var region = 0; region < regions.Count; region++)
        {
            foreach (var polygon in Polygons(regions[region]))
            {
                builder.AddRing(polygon.ExteriorRing.Coordinates, region, polygonIndex, isHole: false);
                foreach (var hole in polygon.InteriorRings)
                {
                    builder.AddRing(hole.Coordinates, region, polygonIndex, isHole: true);
                }

                polygonIndex++;
            }
        }

        return builder.ToRingMap(regions.Count);
    }

    /// <summary>
    /// Splits every edge longer than <paramref name="maxEdgeLength"/> (measured at <paramref name="x"/>,
    /// <paramref name="y"/>) into equal pieces, in every array of positions given: each new point sits at the same
    /// fraction of its edge in all of them, so the equal-area map and the cartogram keep matching point by point.
    /// An edge shared by two rings gets one set of new points. Returns null when no edge is too long.
    /// </summary>
    public RingMap? Densified(double maxEdgeLength, double[] x, double[] y, IList<double[]> positions)
    {
        if (LongestEdgeSquared(x, y) <= maxEdgeLength * maxEdgeLength)
        {
            return null;
        }

        var newPoints = new Dictionary<(int Low, int High), (int First, int Count)>();
        var extra = new List<(int From, int To, double T)>();
        var ringPoints = new List<int>(RingPoints.Length);
        var ringStart = new int[RingCount + 1];
        for (var r = 0; r < RingCount; r++)
        {
            var start = RingStart[r];
            var end = RingStart[r + 1];
            for (var k = start; k < end; k++)
            {
                var a = RingPoints[k];
                var b = RingPoints[k + 1 < end ? k + 1 : start];
                ringPoints.Add(a);
                var dx = x[b] - x[a];
                var dy = y[b] - y[a];
                var pieces = (int)Math.Ceiling(Math.Sqrt((dx * dx) + (dy * dy)) / maxEdgeLength);
                if (pieces <= 1)
                {
                    continue;
                }

                var key = a < b ? (a, b) : (b, a);
                if (!newPoints.TryGetValue(key, out var added))
                {
                    // Numbered after every point of the position arrays, which may hold free points beyond this map's
                    // vertices (layers moved with it, see LayerTracks).
                    added = (x.Length + extra.Count, pieces - 1);
                    for (var i = 1; i < pieces; i++)
                    {
                        extra.Add((key.Item1, key.Item2, (double)i / pieces));
                    }

                    newPoints.Add(key, added);
                }

                for (var i = 0; i < added.Count; i++)
                {
                    ringPoints.Add(a < b ? added.First + i : added.First + added.Count - 1 - i);
                }
            }

            ringStart[r + 1] = ringPoints.Count;
        }

        if (extra.Count == 0)
        {
            return null;
        }

        for (var array = 0; array < positions.Count; array++)
        {
            var old = positions[array];
            var grown = new double[old.Length + extra.Count];
            Array.Copy(old, grown, old.Length);
            for (var e = 0; e < extra.Count; e++)
            {
                var (from, to, t) = extra[e];
                grown[old.Length + e] = old[from] + ((old[to] - old[from]) * t);
            }

            positions[array] = grown;
        }

        return new RingMap(positions[0], positions[1], ringStart, [.. ringPoints], RingRegion, RingPolygon, RingIsHole, RegionCount);
    }

    private double LongestEdgeSquared(double[] x, double[] y)
    {
        var longest = 0.0;
        for (var r = 0; r < RingCount; r++)
        {
            var start = RingStart[r];
            var end = RingStart[r + 1];
            var previous = RingPoints[end - 1];
            for (var k = start; k < end; k++)
            {
                var current = RingPoints[k];
                var dx = x[current] - x[previous];
                var dy = y[current] - y[previous];
                longest = Math.Max(longest, (dx * dx) + (dy * dy));
                previous = current;
            }
        }

        return longest;
    }

    /// <summary>The same map without the given points (rings that would keep fewer than 3 points keep them all).</summary>
    public RingMap Without(HashSet<int> points)
    {
        var ringStart = new int[RingCount + 1];
        var ringPoints = new List<int>(RingPoints.Length);
        for (var r = 0; r < RingCount; r++)
        {
            var ring = RingPoints.AsSpan(RingStart[r], RingStart[r + 1] - RingStart[r]);
            var kept = 0;
            foreach (var p in ring)
            {
                kept += points.Contains(p) ? 0 : 1;
            }

            foreach (var p in ring)
            {
                if (kept < 3 || !points.Contains(p))
                {
                    ringPoints.Add(p);
                }
            }

            ringStart[r + 1] = ringPoints.Count;
        }

        return new RingMap(X, Y, ringStart, [.. ringPoints], RingRegion, RingPolygon, RingIsHole, RegionCount);
    }

    /// <summary>The same map without the given rings (and, for a dropped exterior, the holes of its polygon).</summary>
    public RingMap WithoutRings(HashSet<int> rings)
    {
        var droppedPolygons = rings.Where(r => !RingIsHole[r]).Select(r => RingPolygon[r]).ToHashSet();
        var keep = Enumerable.Range(0, RingCount).Where(r => !rings.Contains(r) && !droppedPolygons.Contains(RingPolygon[r])).ToList();
        var ringStart = new int[keep.Count + 1];
        var ringPoints = new List<int>(RingPoints.Length);
        for (var k = 0; k < keep.Count; k++)
        {
            var r = keep[k];
            ringPoints.AddRange(RingPoints.AsSpan(RingStart[r], RingStart[r + 1] - RingStart[r]).ToArray());
            ringStart[k + 1] = ringPoints.Count;
        }

        return new RingMap(X, Y, ringStart, [.. ringPoints], [.. keep.Select(r => RingRegion[r])], [.. keep.Select(r => RingPolygon[r])], [.. keep.Select(r => RingIsHole[r])], RegionCount);
    }

    /// <summary>Signed area of every region (lattice units²) for the given point positions.</summary>
    public void RegionAreas(double[] x, double[] y, double[] areas)
    {
        Array.Clear(areas);
        for (var r = 0; r < RingCount; r++)
        {
            areas[RingRegion[r]] += RingArea(r, x, y);
        }
    }

    public double RingArea(int ring, double[] x, double[] y) =>
        SignedArea(RingPoints.AsSpan(RingStart[ring], RingStart[ring + 1] - RingStart[ring]), x, y);

    /// <summary>Shoelace area of the closed ring through the given points: positive when counter-clockwise.</summary>
    public static double SignedArea(ReadOnlySpan<int> ring, double[] x, double[] y)
    {
        var previous = ring[^1];
        double twice = 0;
        foreach (var current in ring)
        {
            twice += (x[previous] * y[current]) - (x[current] * y[previous]);
            previous = current;
        }

        return 0.5 * twice;
    }

    /// <summary>
    /// Where a point lies relative to one ring taken as a simple polygon, whatever its orientation: by the
    /// even–odd rule on a ray to the right, with points on an edge on the boundary.
    /// </summary>
    public Location Locate(int ring, double px, double py, double[] x, double[] y)
    {
        var start = RingStart[ring];
        var end = RingStart[ring + 1];
        var previous = RingPoints[end - 1];
        var inside = false;
        for (var k = start; k < end; k++)
        {
            var current = RingPoints[k];
            var (ax, ay, bx, by) = (x[previous], y[previous], x[current], y[current]);
            previous = current;
            var side = ((bx - ax) * (py - ay)) - ((by - ay) * (px - ax));
            if (side == 0 && Math.Min(ax, bx) <= px && px <= Math.Max(ax, bx) && Math.Min(ay, by) <= py && py <= Math.Max(ay, by))
            {
                return Location.Boundary;
            }

            // The ray crosses an edge that spans its height when the point lies left of the edge taken upwards; the
            // same orientation test as the boundary check, so the two cannot disagree.
            if ((ay > py) != (by > py) && (side > 0) == (by > ay))
            {
                inside = !inside;
            }
        }

        return inside ? Location.Interior : Location.Exterior;
    }

    /// <summary>Rebuilds one region as a Polygon or MultiPolygon from the given point positions.</summary>
    public Geometry ToGeometry(int region, double[] x, double[] y, Func<double, double, Coordinate> toOutput, GeometryFactory factory)
    {
        var polygons = new List<Polygon>();
        LinearRing? shell = null;
        var holes = new List<LinearRing>();
        var currentPolygon = -1;
        for (var r = RegionRingStart[region]; r < RegionRingStart[region + 1]; r++)
        {
            if (RingPolygon[r] != currentPolygon)
            {
                Flush();
                currentPolygon = RingPolygon[r];
            }

            var ring = factory.CreateLinearRing(RingCoordinates(r, x, y, toOutput));
            if (RingIsHole[r])
            {
                holes.Add(ring);
            }
            else
            {
                shell = ring;
            }
        }

        Flush();
        return polygons.Count == 1 ? polygons[0] : factory.CreateMultiPolygon([.. polygons]);

        void Flush()
        {
            if (shell is not null)
            {
                polygons.Add(factory.CreatePolygon(shell, [.. holes]));
            }

            shell = null;
            holes.Clear();
        }
    }

    private Coordinate[] RingCoordinates(int ring, double[] x, double[] y, Func<double, double, Coordinate> toOutput)
    {
        var start = RingStart[ring];
        var count = RingStart[ring + 1] - start;
        var coordinates = new Coordinate[count + 1];
        for (var k = 0; k < count; k++)
        {
            var p = RingPoints[start + k];
            coordinates[k] = toOutput(x[p], y[p]);
        }

        coordinates[count] = coordinates[0].Copy();
        return coordinates;
    }

    private static IEnumerable<Polygon> Polygons(Geometry geometry) => geometry switch
    {
        Polygon polygon => [polygon],
        MultiPolygon multi => multi.Geometries.Cast<Polygon>(),
        _ => throw new ArgumentException($"Expected a Polygon or MultiPolygon, got {geometry.GeometryType}."),
    };

    private sealed class Builder(Lattice lattice, double maxEdgeLength)
    {
        private readonly Dictionary<(long, long), int> _pointIndex = [];
        private readonly List<double> _x = [];
        private readonly List<double> _y = [];
        private readonly List<int> _ringStart = [0];
        private readonly List<int> _ringPoints = [];
        private readonly List<int> _ringRegion = [];
        private readonly List<int> _ringPolygon = [];
        private readonly List<bool> _ringIsHole = [];
        private readonly List<(double X, double Y)> _ring = [];

        public void AddRing(Coordinate[] coordinates, int region, int polygon, bool isHole)
        {
            _ring.Clear();
            var count = coordinates.Length;
            if (count > 1 && coordinates[0].Equals2D(coordinates[count - 1]))
            {
                count--;
            }

            for (var k = 0; k < count; k++)
            {
                var point = (lattice.ToLatticeX(coordinates[k].X), lattice.ToLatticeY(coordinates[k].Y));
                if (_ring.Count == 0 || _ring[^1] != point)
                {
                    _ring.Add(point);
                }
            }

            while (_ring.Count > 1 && _ring[^1] == _ring[0])
            {
                _ring.RemoveAt(_ring.Count - 1);
            }

            if (_ring.Count < 3)
            {
                return;
            }

            // Exteriors counter-clockwise, holes clockwise, whatever the input's orientation.
            var counterClockwise = SignedArea(_ring) > 0;
            if (counterClockwise == isHole)
            {
                _ring.Reverse();
            }

            for (var k = 0; k < _ring.Count; k++)
            {
                var a = _ring[k];
                var b = _ring[(k + 1) % _ring.Count];
                _ringPoints.Add(PointIndex(a));
                AddEdgeInterior(a, b);
            }

            _ringStart.Add(_ringPoints.Count);
            _ringRegion.Add(region);
            _ringPolygon.Add(polygon);
            _ringIsHole.Add(isHole);
        }

        public RingMap ToRingMap(int regionCount) => new(
            [.. _x], [.. _y], [.. _ringStart], [.. _ringPoints], [.. _ringRegion], [.. _ringPolygon], [.. _ringIsHole], regionCount);

        private void AddEdgeInterior((double X, double Y) a, (double X, double Y) b)
        {
            var dx = b.X - a.X;
            var dy = b.Y - a.Y;
            var length = Math.Sqrt((dx * dx) + (dy * dy));
            var pieces = (int)Math.Ceiling(length / maxEdgeLength);
            if (pieces <= 1)
            {
                return;
            }

            // Split from the lexicographically smaller end so that the neighbour's ring, which runs the other
            // way along a shared border, gets bit-identical points.
            var forward = a.X < b.X || (a.X == b.X && a.Y < b.Y);
            var (from, to) = forward ? (a, b) : (b, a);
            for (var k = 1; k < pieces; k++)
            {
                var step = forward ? k : pieces - k;
                var t = (double)step / pieces;
                var point = (from.X + ((to.X - from.X) * t), from.Y + ((to.Y - from.Y) * t));
                _ringPoints.Add(PointIndex(point));
            }
        }

        private int PointIndex((double X, double Y) point)
        {
            var key = (BitConverter.DoubleToInt64Bits(point.X), BitConverter.DoubleToInt64Bits(point.Y));
            if (!_pointIndex.TryGetValue(key, out var index))
            {
                index = _x.Count;
                _pointIndex.Add(key, index);
                _x.Add(point.X);
                _y.Add(point.Y);
            }

            return index;
        }

        private static double SignedArea(List<(double X, double Y)> ring)
        {
            double twice = 0;
            var previous = ring[^1];
            foreach (var current in ring)
            {
                twice += (previous.X * current.Y) - (current.X * previous.Y);
                previous = current;
            }

            return 0.5 * twice;
        }
    }
}
