using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Engine;

/// <summary>
/// The points of extra layers (places, routes) carried through the engine as free points: they sit after the
/// map's vertices in the same position arrays, so every integration, lattice doubling, rejected-step rollback and
/// final rescale moves them exactly as it moves the borders, with the same interpolated velocities and steps.
/// A path of one point is a place; longer paths are lines, kept within the borders' edge length by inserting
/// points (at the same fraction of the segment in every position array, as <see cref="RingMap.Densified"/> does).
/// </summary>
internal sealed class LayerTracks
{
    private readonly List<List<int>> _paths;

    private LayerTracks(List<List<int>> paths, double[] x, double[] y)
    {
        _paths = paths;
        InitialX = x;
        InitialY = y;
    }

    /// <summary>Lattice coordinates of the layer points as given (and densified), to append to the map's.</summary>
    public double[] InitialX { get; }

    public double[] InitialY { get; }

    public int PathCount => _paths.Count;

    /// <summary>
    /// The paths in lattice coordinates, their points numbered from <paramref name="firstIndex"/> (the map's
    /// point count), with segments split to at most <paramref name="maxEdgeLength"/> cells.
    /// </summary>
    public static LayerTracks Build(IReadOnlyList<Coordinate[]> paths, Lattice lattice, int firstIndex, double maxEdgeLength)
    {
        var x = new List<double>();
        var y = new List<double>();
        var indices = new List<List<int>>(paths.Count);
        for (var k = 0; k < paths.Count; k++)
        {
            var path = paths[k];
            if (path.Length == 0)
            {
                throw new ArgumentException($"Layer path {k} has no points.", nameof(paths));
            }

            var points = new List<int>(path.Length);
            for (var i = 0; i < path.Length; i++)
            {
                var (u, v) = (lattice.ToLatticeX(path[i].X), lattice.ToLatticeY(path[i].Y));
                if (!(u > 0 && u < lattice.Lx && v > 0 && v < lattice.Ly))
                {
                    throw new ArgumentException($"Point {i} of layer path {k} lies outside the map's lattice.", nameof(paths));
                }

                if (i > 0)
                {
                    var (pu, pv) = (x[^1], y[^1]);
                    var pieces = (int)Math.Ceiling(Math.Sqrt(((u - pu) * (u - pu)) + ((v - pv) * (v - pv))) / maxEdgeLength);
                    for (var s = 1; s < pieces; s++)
                    {
                        var t = (double)s / pieces;
                        points.Add(firstIndex + x.Count);
                        x.Add(pu + ((u - pu) * t));
                        y.Add(pv + ((v - pv) * t));
                    }
                }

                points.Add(firstIndex + x.Count);
                x.Add(u);
                y.Add(v);
            }

            indices.Add(points);
        }

        return new LayerTracks(indices, [.. x], [.. y]);
    }

    /// <summary>
    /// Splits every path segment longer than <paramref name="maxEdgeLength"/> at <paramref name="x"/>,
    /// <paramref name="y"/> into equal pieces, growing every array of <paramref name="positions"/> (replaced in
    /// the list) by the new points, appended at the end.
    /// </summary>
    public void Densify(double maxEdgeLength, double[] x, double[] y, IList<double[]> positions)
    {
        var limit = maxEdgeLength * maxEdgeLength;
        var extra = new List<(int From, int To, double T)>();
        var next = x.Length;
        foreach (var path in _paths)
        {
            for (var k = path.Count - 1; k > 0; k--)
            {
                var (a, b) = (path[k - 1], path[k]);
                var dx = x[b] - x[a];
                var dy = y[b] - y[a];
                var squared = (dx * dx) + (dy * dy);
                if (squared <= limit)
                {
                    continue;
                }

                var pieces = (int)Math.Ceiling(Math.Sqrt(squared) / maxEdgeLength);
                var inserted = new int[pieces - 1];
                for (var s = 1; s < pieces; s++)
                {
                    extra.Add((a, b, (double)s / pieces));
                    inserted[s - 1] = next++;
                }

                path.InsertRange(k, inserted);
            }
        }

        if (extra.Count == 0)
        {
            return;
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
    }

    /// <summary>Every path's points at the given positions, converted to output coordinates.</summary>
    public Coordinate[][] Paths(double[] x, double[] y, Func<double, double, Coordinate> toOutput) =>
        [.. _paths.Select(path => path.Select(p => toOutput(x[p], y[p])).ToArray())];
}
