using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Finds the regions that lie far from a longitude/latitude map's main land mass and would shrink it to a corner
/// (us-atlas's states: Guam, American Samoa, Puerto Rico, Hawaii...). Polygons are grouped into land masses
/// (envelopes less than <see cref="Touching"/> apart, in degrees with longitudes scaled by the cosine of the
/// latitude); the land mass with the most area is the main one. A region all of whose polygons lie in other land
/// masses out of reach is far-flung, and is offered as an inset on the side it lies towards. A land mass is within
/// reach when it is less than a tenth of the main one's diagonal from the main one or from another land mass within
/// reach. World maps find none: a tenth of their diagonal spans any ocean between continents.
/// </summary>
internal static class FarFlungParts
{
    private const double Touching = 2;
    private const double FarShare = 0.1;

    public static IReadOnlyDictionary<string, string> Find(IReadOnlyList<SourceRegion> regions)
    {
        var parts = new List<(int Region, Envelope Box, double Weight)>();
        for (var r = 0; r < regions.Count; r++)
        {
            for (var p = 0; p < regions[r].Geometry.NumGeometries; p++)
            {
                var polygon = regions[r].Geometry.GetGeometryN(p);
                var box = polygon.EnvelopeInternal;
                parts.Add((r, box, polygon.Area * Math.Cos(box.Centre.Y * Math.PI / 180)));
            }
        }

        var far = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parts.Count < 2)
        {
            return far;
        }

        var mass = LandMasses(parts.Select(p => p.Box).ToList());
        var main = Enumerable.Range(0, parts.Count).GroupBy(i => mass[i]).MaxBy(g => g.Sum(i => parts[i].Weight))!.Key;
        var mainCentre = Box(parts, Enumerable.Range(0, parts.Count).Where(i => mass[i] == main), null).Centre.X;
        var boxes = Enumerable.Range(0, parts.Count).GroupBy(i => mass[i]).ToDictionary(g => g.Key, g => Towards(Box(parts, g, null), mainCentre));
        var mainBox = boxes[main];
        var reach = FarShare * Math.Sqrt(Math.Pow(mainBox.Width * Cos(mainBox), 2) + Math.Pow(mainBox.Height, 2));

        // Land masses within reach of the main one, or of one already kept (the Falklands beside South America), stay.
        var kept = new HashSet<int> { main };
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var (key, box) in boxes)
            {
                if (!kept.Contains(key) && kept.Any(k => Gap(box, boxes[k]) <= reach))
                {
                    kept.Add(key);
                    grown = true;
                }
            }
        }

        foreach (var own in Enumerable.Range(0, parts.Count).GroupBy(i => parts[i].Region))
        {
            if (!own.Any(i => kept.Contains(mass[i])))
            {
                far[regions[own.Key].Id] = Side(Box(parts, own, mainCentre).Centre, mainBox);
            }
        }

        return far.Count * 4 > regions.Count ? new Dictionary<string, string>() : far;
    }

    /// <summary>
    /// The envelope of some parts, each moved by whole turns of longitude towards <paramref name="centre"/> (when
    /// given) so that Guam at 145° E lies west of the United States at 100° W, the short way round.
    /// </summary>
    private static Envelope Box(List<(int Region, Envelope Box, double Weight)> parts, IEnumerable<int> members, double? centre)
    {
        var box = new Envelope();
        foreach (var i in members)
        {
            box.ExpandToInclude(centre is { } c ? Towards(parts[i].Box, c) : parts[i].Box);
        }

        return box;
    }

    private static Envelope Towards(Envelope box, double centre)
    {
        var shift = 360 * Math.Round((centre - box.Centre.X) / 360);
        return new Envelope(box.MinX + shift, box.MaxX + shift, box.MinY, box.MaxY);
    }

    /// <summary>Single-link grouping of envelopes closer than <see cref="Touching"/> degrees (union-find).</summary>
    private static int[] LandMasses(List<Envelope> boxes)
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
            // Degrees of longitude shrink towards the poles: the reach in longitude that can still be "touching".
            var reach = Touching / Math.Max(0.05, Math.Cos(Math.Min(90, Math.Max(Math.Abs(boxes[i].MinY), Math.Abs(boxes[i].MaxY)) + Touching) * Math.PI / 180));
            for (var b = a + 1; b < order.Length && boxes[order[b]].MinX <= boxes[i].MaxX + reach; b++)
            {
                var j = order[b];
                if (Root(i) != Root(j) && Gap(boxes[i], boxes[j]) < Touching)
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
