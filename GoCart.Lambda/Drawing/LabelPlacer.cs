using NetTopologySuite.Algorithm.Construct;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace GoCart.Lambda.Drawing;

/// <summary>
/// Places region labels inside their regions, sized to them and never overlapping: regions are taken largest
/// first; each tries its label, then a short form of it, at the largest font size (from <see cref="MaxFontSize"/>
/// down to <see cref="MinFontSize"/>) whose box lies inside the region's largest part, centred on the part's
/// pole of inaccessibility (the centre of its largest inscribed circle), and not over a label already placed.
/// A region whose label fits nowhere keeps its tooltip only.
/// </summary>
public static class LabelPlacer
{
    public const double MinFontSize = 7;

    public const double MaxFontSize = 16;

    private const double SizeStep = 0.85;

    /// <summary>The labels placed, in region order; <paramref name="labels"/> holds each region's text (null: none).</summary>
    public static IReadOnlyList<PlacedLabel> Place(IReadOnlyList<Geometry> regions, IReadOnlyList<string?> labels, MapFrame frame) =>
        [.. Outcomes(regions, labels, frame).OfType<LabelOutcome.Placed>().Select(p => p.Label).OrderBy(l => l.Region)];

    /// <summary>Per region, in region order: placed, blocked by another label although it fits, too small, or without text.</summary>
    public static IReadOnlyList<LabelOutcome> Outcomes(IReadOnlyList<Geometry> regions, IReadOnlyList<string?> labels, MapFrame frame)
    {
        var outcomes = new LabelOutcome[regions.Count];
        var placed = new List<LabelBox>();
        foreach (var i in Enumerable.Range(0, regions.Count).OrderByDescending(i => regions[i].Area))
        {
            outcomes[i] = labels[i] is { Length: > 0 } text && LargestPart(regions[i]) is { } part
                ? PlaceOne(i, part, Candidates(text), frame, placed)
                : new LabelOutcome.NoText(i);
        }

        return outcomes;
    }

    /// <summary>The label, then a short form: the initials of a name of several words ("NC"), or its first letters ("Germ.").</summary>
    public static IReadOnlyList<string> Candidates(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var initials = string.Concat(words.Where(w => char.IsUpper(w[0])).Select(w => w[0]));
        var shortForm = words.Length > 1 && initials.Length > 1 ? initials
            : text.Length > 5 ? text[..4] + "." : null;
        return shortForm is null || shortForm == text ? [text] : [text, shortForm];
    }

    /// <summary>Whether a label's box, centred at (x, y) in the picture, lies inside the region's part.</summary>
    public static bool Inside(IPreparedGeometry part, LabelBox box, MapFrame frame, GeometryFactory factory)
    {
        var left = frame.Envelope.MinX + ((box.Left - frame.OffsetX) / frame.Scale);
        var right = frame.Envelope.MinX + ((box.Right - frame.OffsetX) / frame.Scale);
        var top = frame.Envelope.MaxY - ((box.Top - frame.OffsetY) / frame.Scale);
        var bottom = frame.Envelope.MaxY - ((box.Bottom - frame.OffsetY) / frame.Scale);
        return part.Contains(factory.ToGeometry(new Envelope(left, right, bottom, top)));
    }

    /// <summary>The part of a region its label goes in: the largest polygon.</summary>
    public static Geometry? LargestPart(Geometry region) =>
        Enumerable.Range(0, region.NumGeometries).Select(region.GetGeometryN).Where(g => !g.IsEmpty).MaxBy(g => g.Area);

    /// <summary>Where a part's label is centred, in the picture: the centre of its largest inscribed circle.</summary>
    public static (double X, double Y) Anchor(Geometry part, MapFrame frame)
    {
        var tolerance = Math.Max(part.EnvelopeInternal.Diameter / 200, 1e-9);
        var centre = new MaximumInscribedCircle(part, tolerance).GetCenter().Coordinate;
        return (frame.X(centre.X), frame.Y(centre.Y));
    }

    private static LabelOutcome PlaceOne(int region, Geometry part, IReadOnlyList<string> candidates, MapFrame frame, List<LabelBox> placed)
    {
        if (part.EnvelopeInternal.Width * frame.Scale < MinFontSize || part.EnvelopeInternal.Height * frame.Scale < MinFontSize * LabelBox.LineHeight)
        {
            return new LabelOutcome.TooSmall(region);
        }

        var prepared = PreparedGeometryFactory.Prepare(part);
        var (x, y) = Anchor(part, frame);
        var blocked = false;
        foreach (var text in candidates)
        {
            for (var size = MaxFontSize; size >= MinFontSize - 1e-9; size = Math.Max(size * SizeStep, size > MinFontSize ? MinFontSize : 0))
            {
                var box = LabelBox.Around(x, y, text, size);
                if (!Inside(prepared, box, frame, part.Factory))
                {
                    continue;
                }

                if (placed.Any(p => p.Overlaps(box)))
                {
                    blocked = true;
                    continue;
                }

                placed.Add(box);
                return new LabelOutcome.Placed(region, new PlacedLabel(region, text, x, y, size));
            }
        }

        return blocked ? new LabelOutcome.Blocked(region) : new LabelOutcome.TooSmall(region);
    }
}
