using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace GoCart.Lambda.Pipeline;

/// <summary>
/// Places inset groups beside the main map as go-cart.io does: L to the left and R to the right (bottoms
/// aligned), T above and B below (left edges aligned), with a gap of 5% of the main map's larger side. Several on
/// one side line up along it (L and R upwards, T and B rightwards) and start a new row further out only when the
/// next would reach past the main map's edge, so that many insets (us-atlas's Alaska, Hawaii and five
/// territories) do not push the main map into a corner of the frame.
/// </summary>
internal static class InsetLayout
{
    private const double GapShare = 0.05;

    /// <summary>
    /// Moves each inset group's geometries (in place in <paramref name="groups"/>) next to the main group's;
    /// returns each group's move, so that what is drawn over a group (layers) can follow it.
    /// </summary>
    public static List<AffineTransformation> Arrange(Envelope main, IList<(string Side, Geometry[] Geometries)> groups)
    {
        var moves = new List<AffineTransformation>(groups.Count);
        var gap = GapShare * Math.Max(main.Width, main.Height);
        var rows = new Dictionary<string, Row>
        {
            ["L"] = new(main.MinX - gap, main.MinY),
            ["R"] = new(main.MaxX + gap, main.MinY),
            ["T"] = new(main.MaxY + gap, main.MinX),
            ["B"] = new(main.MinY - gap, main.MinX),
        };
        foreach (var (side, geometries) in groups)
        {
            var envelope = Envelope(geometries);
            var row = rows[side];
            var along = side is "L" or "R" ? envelope.Height : envelope.Width;
            var across = side is "L" or "R" ? envelope.Width : envelope.Height;
            var end = side is "L" or "R" ? main.MaxY : main.MaxX;
            if (row.Filled && row.Cursor + along > end)
            {
                var outwards = side is "L" or "B" ? -1 : 1;
                row = new Row(row.Frontier + (outwards * (row.Depth + gap)), side is "L" or "R" ? main.MinY : main.MinX);
            }

            var (dx, dy) = side switch
            {
                "L" => (row.Frontier - envelope.MaxX, row.Cursor - envelope.MinY),
                "R" => (row.Frontier - envelope.MinX, row.Cursor - envelope.MinY),
                "T" => (row.Cursor - envelope.MinX, row.Frontier - envelope.MinY),
                _ => (row.Cursor - envelope.MinX, row.Frontier - envelope.MaxY),
            };
            var move = AffineTransformation.TranslationInstance(dx, dy);
            moves.Add(move);
            for (var i = 0; i < geometries.Length; i++)
            {
                geometries[i] = move.Transform(geometries[i]);
            }

            rows[side] = row with { Cursor = row.Cursor + along + gap, Depth = Math.Max(row.Depth, across), Filled = true };
        }

        return moves;
    }

    /// <summary>Scales geometries about their common centre so that their total area becomes <paramref name="area"/>; returns the scaling.</summary>
    public static AffineTransformation ScaleToArea(Geometry[] geometries, double area)
    {
        var current = geometries.Sum(g => g.Area);
        if (!(current > 0) || !(area > 0))
        {
            return new AffineTransformation();
        }

        var centre = Envelope(geometries).Centre;
        var factor = Math.Sqrt(area / current);
        var scale = AffineTransformation.ScaleInstance(factor, factor, centre.X, centre.Y);
        for (var i = 0; i < geometries.Length; i++)
        {
            geometries[i] = scale.Transform(geometries[i]);
        }

        return scale;
    }

    public static Envelope Envelope(IEnumerable<Geometry> geometries)
    {
        var envelope = new Envelope();
        foreach (var geometry in geometries)
        {
            envelope.ExpandToInclude(geometry.EnvelopeInternal);
        }

        return envelope;
    }

    /// <summary>One row of insets on a side: how far out it starts, where along the side the next goes, and how deep it is so far.</summary>
    private readonly record struct Row(double Frontier, double Cursor)
    {
        public double Depth { get; init; }

        public bool Filled { get; init; }
    }
}
