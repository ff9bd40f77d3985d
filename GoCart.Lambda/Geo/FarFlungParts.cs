using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Finds what lies far from a longitude/latitude map's main land mass and would shrink it to a corner: whole
/// regions (us-atlas's states: Alaska, Hawaii, Guam, American Samoa, Puerto Rico...) and the remote polygons of
/// regions that are otherwise on the main map (the EU's France: Réunion, French Guiana, Guadeloupe...).
/// Polygons are grouped into land masses (envelopes less than <see cref="Touching"/> apart, in degrees with
/// longitudes scaled by the cosine of the latitude); the land mass with the most area is the main one. A land
/// mass is within reach when one of its polygons is less than a tenth of the main mass's diagonal from a polygon
/// of the main mass or of another land mass within reach (the Falklands beside South America). A region all of
/// whose polygons lie out of reach is far-flung, offered as an inset on the side it lies towards; the polygons
/// out of reach of a region with others within reach are its far parts. World maps find none: a tenth of their
/// diagonal spans any ocean between continents.
/// </summary>
internal static class FarFlungParts
{
    private const double Touching = 2;
    private const double FarShare = 0.1;

    public static (IReadOnlyDictionary<string, string> Regions, IReadOnlyDictionary<string, IReadOnlyList<int>> Parts) Find(IReadOnlyList<SourceRegion> regions)
    {
        var parts = new List<(int Region, int Polygon, Envelope Box, double Weight)>();
        for (var r = 0; r < regions.Count; r++)
        {
            for (var p = 0; p < regions[r].Geometry.NumGeometries; p++)
            {
                var polygon = regions[r].Geometry.GetGeometryN(p);
                var box = polygon.EnvelopeInternal;
                parts.Add((r, p, box, polygon.Area * Math.Cos(box.Centre.Y * Math.PI / 180)));
            }
        }

        var far = new Dictionary<string, string>(StringComparer.Ordinal);
        var farParts = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        if (parts.Count < 2)
        {
            return (far, farParts);
        }

        var mass = LandMasses([.. parts.Select(p => p.Box)], Touching);
        var main = Enumerable.Range(0, parts.Count).GroupBy(i => mass[i]).MaxBy(g => g.Sum(i => parts[i].Weight))!.Key;
        var mainCentre = Box(parts.Where((_, i) => mass[i] == main).Select(p => p.Box)).Centre.X;
        var mainBox = Box(parts.Where((_, i) => mass[i] == main).Select(p => Towards(p.Box, mainCentre)));
        var reach = FarShare * Math.Sqrt(Math.Pow(mainBox.Width * Cos(mainBox), 2) + Math.Pow(mainBox.Height, 2));

        // Polygons within reach of each other join their land masses; what is joined to the main one stays.
        var shifted = parts.Select(p => Towards(p.Box, mainCentre)).ToList();
        var reached = LandMasses(shifted, reach);
        var kept = Enumerable.Range(0, parts.Count).Where(i => mass[i] == main).Select(i => reached[i]).ToHashSet();
        bool Kept(int i) => kept.Contains(reached[i]);

        foreach (var own in Enumerable.Range(0, parts.Count).GroupBy(i => parts[i].Region))
        {
            var id = regions[own.Key].Id;
            if (!own.Any(Kept))
            {
                far[id] = Side(Box(own.Select(i => shifted[i])).Centre, mainBox);
            }
            else if (own.Where(i => !Kept(i)).Select(i => parts[i].Polygon).ToList() is { Count: > 0 } remote)
            {
                farParts[id] = remote;
            }
        }

        return far.Count * 4 > regions.Count ? (new Dictionary<string, string>(), farParts) : (far, farParts);
    }

    private static Envelope Box(IEnumerable<Envelope> boxes)
    {
        var box = new Envelope();
        foreach (var b in boxes)
        {
            box.ExpandToInclude(b);
        }

        return box;
    }

    /// <summary>The envelope moved by whole turns of longitude towards <paramref name="centre"/>, so that Guam at 145° E lies west of the United States at 100° W, the short way round.</summary>
    private static Envelope Towards(Envelope box, double centre)
    {
        var shift = 360 * Math.Round((centre - box.Centre.X) / 360);
        return new Envelope(box.MinX + shift, box.MaxX + shift, box.MinY, box.MaxY);
    }

    /// <summary>Single-link grouping of envelopes less than <paramref name="distance"/> degrees apart (union-find over a sweep in longitude).</summary>
    private static int[] LandMasses(List<Envelope> boxes, double distance)
    {
        var parent = Enumerable.Range(0, boxes.Count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        var order = Enumerable.Range(0, boxes.Count).OrderBy(i => boxes[i].MinX).ToArray();
        for (var a = 0; a < order.Length; a++)
        {
            var i = order[a];
            // Degrees of longitude shrink towards the poles: the reach in longitude that can still be within the distance.
            var reach = distance / Math.Max(0.05, Math.Cos(Math.Min(90, Math.Max(Math.Abs(boxes[i].MinY), Math.Abs(boxes[i].MaxY)) + distance) * Math.PI / 180));
            for (var b = a + 1; b < order.Length && boxes[order[b]].MinX <= boxes[i].MaxX + reach; b++)
            {
                var j = order[b];
                if (Root(i) != Root(j) && Gap(boxes[i], boxes[j]) < distance)
                {
                    parent[Root(i)] = Root(j);
                }
            }
        }

        return [.. Enumerable.Range(0, boxes.Count).Select(Root)];
    }

    private static double Gap(Envelope a, Envelope b)
    {
        var dx = Math.Max(0, Math.Max(a.MinX - b.MaxX, b.MinX - a.MaxX)) * Math.Cos(0.5 * (a.Centre.Y + b.Centre.Y) * Math.PI / 180);
        var dy = Math.Max(0, Math.Max(a.MinY - b.MaxY, b.MinY - a.MaxY));
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    private static double Cos(Envelope box) => Math.Cos(box.Centre.Y * Math.PI / 180);

    private static string Side(Coordinate centre, Envelope main)
    {
        var dx = (centre.X - main.Centre.X) * Cos(main) / Math.Max(main.Width * Cos(main), 1e-9);
        var dy = (centre.Y - main.Centre.Y) / Math.Max(main.Height, 1e-9);
        return Math.Abs(dx) >= Math.Abs(dy) ? (dx < 0 ? "L" : "R") : (dy < 0 ? "B" : "T");
    }
}
