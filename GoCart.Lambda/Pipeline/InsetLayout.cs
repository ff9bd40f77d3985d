using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace GoCart.Lambda.Pipeline;

/// <summary>
/// Places inset groups beside the main map as go-cart.io does: L to the left and R to the right (bottoms
/// aligned), T above and B below (left edges aligned), several on one side stacked outwards, with a gap of 5%
/// of the main map's larger side.
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
        var frontier = new Dictionary<string, double>
        {
            ["L"] = main.MinX - gap,
            ["R"] = main.MaxX + gap,
            ["T"] = main.MaxY + gap,
            ["B"] = main.MinY - gap,
        };
        foreach (var (side, geometries) in groups)
        {
            var envelope = Envelope(geometries);
            var (dx, dy) = side switch
            {
                "L" => (frontier["L"] - envelope.MaxX, main.MinY - envelope.MinY),
                "R" => (frontier["R"] - envelope.MinX, main.MinY - envelope.MinY),
                "T" => (main.MinX - envelope.MinX, frontier["T"] - envelope.MinY),
                _ => (main.MinX - envelope.MinX, frontier["B"] - envelope.MaxY),
            };
            var move = AffineTransformation.TranslationInstance(dx, dy);
            moves.Add(move);
            for (var i = 0; i < geometries.Length; i++)
            {
                geometries[i] = move.Transform(geometries[i]);
            }

            frontier[side] = side switch
            {
                "L" => frontier["L"] - envelope.Width - gap,
                "R" => frontier["R"] + envelope.Width + gap,
                "T" => frontier["T"] + envelope.Height + gap,
                _ => frontier["B"] - envelope.Height - gap,
            };
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
}
