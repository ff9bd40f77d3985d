using System.Globalization;
using System.Text;
using GoCart.Lambda.Contract;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Layers;
using GoCart.Lambda.Pipeline;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Pipeline;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Xunit.Abstractions;

namespace GoCart.Site.Tests.Layers;

/// <summary>
/// Layers move with exactly the regions' transformation: a grid of places and a set of lines go through the world
/// and the US-state cartograms (with Alaska and Hawaii as insets), with one and two engine threads. "Inside"
/// is judged on the equal-area map the engine starts from (projecting bends a longitude/latitude edge, so a
/// place just inside a border in degrees can be just outside the projected one). A line's crossings with a
/// border keep their parity (it enters and leaves the same regions); a near-tangent pair may appear or vanish.
/// </summary>
public class LayerMovementTests(ITestOutputHelper output)
{
    /// <summary>
    /// Borders are drawn as straight edges between moved vertices, while a place follows the flow exactly: a place
    /// within this many cells (of a 1024-cell-wide lattice) of a border may end on the far side of the drawn edge.
    /// </summary>
    private const double MaxDrawingError = 0.01;

    public static TheoryData<string, string?, int> Maps => new()
    {
        { "world_by_country_since_2022", null, 1 },
        { "world_by_country_since_2022", null, 2 },
        { "usa_by_state_since_1959", "usa_population_by_state_2020_insetted.csv", 1 },
        { "usa_by_state_since_1959", "usa_population_by_state_2020_insetted.csv", 2 },
    };

    [LibraryTheory]
    [MemberData(nameof(Maps))]
    public void Every_place_inside_a_region_ends_inside_that_region_and_lines_keep_their_border_crossings(string mapId, string? csv, int threads)
    {
        var isWorld = mapId.StartsWith("world", StringComparison.Ordinal);
        var (west, south, east, north, step) = isWorld ? (-178.5, -58.5, 178.5, 82.5, 3.0) : (-179.5, 18.25, -66.5, 71.25, 0.5);
        var places = Places(west, south, east, north, step);
        // Lines stay clear of the map's cut meridian and of the insets' boxes, so that all of them are drawn.
        var lines = isWorld ? Lines(-120, -45, 150, 70, 8) : Lines(-124, 25.5, -67.5, 49, 6);
        var request = PipelineRequests.ForMap(mapId, csv) with
        {
            Layers =
            [
                new LayerInput { Name = "grid.csv", Geometry = LayerGeoJson.ToFeatureCollection(LayerReader.FromCsv("grid.csv", places)) },
                new LayerInput { Name = "lines.geojson", Geometry = LayerGeoJson.ToFeatureCollection(LayerReader.FromGeoJson("lines.geojson", lines)) },
            ],
        };
        var pipeline = new CartogramPipeline(new EngineSettings { DegreeOfParallelism = threads }, MapReadLimits.Default);

        var result = pipeline.Compute(request, null, null, CancellationToken.None);

        var points = result.Layers.Where(f => f.Layer == "grid.csv").ToList();
        var starts = result.EqualAreaMap.Select(PreparedGeometryFactory.Prepare).ToList();
        var ends = result.Cartogram.Select(PreparedGeometryFactory.Prepare).ToList();
        var cell = InsetWidth(result) / 1024;
        var checkedPlaces = 0;
        var onTheEdge = 0;
        var misplaced = new List<string>();
        foreach (var place in points)
        {
            var region = Enumerable.Range(0, result.Regions.Count).FirstOrDefault(r => starts[r].Covers(place.EqualArea), -1);
            if (region < 0)
            {
                continue;
            }

            checkedPlaces++;
            if (ends[region].Covers(place.Cartogram))
            {
                continue;
            }

            var distance = result.Cartogram[region].Distance(place.Cartogram) / cell;
            if (distance <= MaxDrawingError)
            {
                onTheEdge++;
            }
            else
            {
                var source = (Point)place.Source.Geometry;
                misplaced.Add($"{source.X:0.##},{source.Y:0.##} in {result.Regions[region].Id} ({distance:0.000} cells away)");
            }
        }

        var crossingsBefore = 0;
        var changedPairs = 0;
        var parityChanged = new List<string>();
        var endsOnTheEdge = 0;
        foreach (var line in result.Layers.Where(f => f.Layer == "lines.geojson"))
        {
            for (var r = 0; r < result.Regions.Count; r++)
            {
                var before = Crossings(line.EqualArea, result.EqualAreaMap[r]);
                var after = Crossings(line.Cartogram, result.Cartogram[r]);
                crossingsBefore += before;
                changedPairs += before == after ? 0 : 1;
                if ((before - after) % 2 != 0)
                {
                    // Odd only when an end of the line changed sides: the same drawing limit as for places.
                    var boundary = result.Cartogram[r].Boundary;
                    var path = (LineString)line.Cartogram.GetGeometryN(0);
                    var nearest = Math.Min(boundary.Distance(path.StartPoint), boundary.Distance(path.EndPoint)) / cell;
                    if (nearest > MaxDrawingError)
                    {
                        parityChanged.Add($"{line.Source.Label} × {result.Regions[r].Id}: {before} → {after}, ends {nearest:0.000} cells from the border");
                    }
                    else
                    {
                        endsOnTheEdge++;
                    }
                }
            }
        }

        output.WriteLine($"{mapId}, {threads} thread(s): {checkedPlaces} places start inside regions; {checkedPlaces - onTheEdge - misplaced.Count} end strictly inside, {onTheEdge} within {MaxDrawingError} cell outside, {misplaced.Count} misplaced; {crossingsBefore} line–border crossings, {changedPairs} line×region pairs changed count, {endsOnTheEdge} of them by an end within {MaxDrawingError} cell of the border, {parityChanged.Count} otherwise changed parity; max area error {result.Statistics.MaxAreaError:P2}");
        Assert.True(checkedPlaces > (isWorld ? 1000 : 1500), $"only {checkedPlaces} places fell inside regions");
        Assert.True(crossingsBefore > (isWorld ? 300 : 60), $"only {crossingsBefore} crossings to compare");
        Assert.True(misplaced.Count == 0, string.Join("; ", misplaced));
        Assert.True(onTheEdge <= checkedPlaces / 200, $"{onTheEdge} places ended just outside their region");
        Assert.True(parityChanged.Count == 0, string.Join("; ", parityChanged));
        Assert.True(changedPairs <= crossingsBefore / 20, $"{changedPairs} line×region pairs changed their crossing count");
    }

    private static double InsetWidth(ComputedCartogram result) => result.Cartogram.Aggregate(new Envelope(), (e, g) => { e.ExpandToInclude(g.EnvelopeInternal); return e; }).Width;

    private static int Crossings(Geometry line, Geometry region) =>
        line.EnvelopeInternal.Intersects(region.EnvelopeInternal) ? line.Intersection(region.Boundary).NumPoints : 0;

    private static string Places(double west, double south, double east, double north, double step)
    {
        var csv = new StringBuilder("label,longitude,latitude\n");
        for (var lat = south; lat <= north; lat += step)
        {
            for (var lon = west; lon <= east; lon += step)
            {
                csv.Append(CultureInfo.InvariantCulture, $"p{lon:0.##}_{lat:0.##},{lon},{lat}\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>Parallels, meridians and two diagonals across the map's box, with vertices every fifth of the box.</summary>
    private static string Lines(double west, double south, double east, double north, int count)
    {
        var features = new List<string>();
        for (var k = 1; k < count; k++)
        {
            var lat = south + ((north - south) * k / count);
            var lon = west + ((east - west) * k / count);
            features.Add(Line($"parallel {k}", Enumerable.Range(0, 21).Select(i => (west + ((east - west) * i / 20), lat))));
            features.Add(Line($"meridian {k}", Enumerable.Range(0, 21).Select(i => (lon, south + ((north - south) * i / 20)))));
        }

        features.Add(Line("diagonal up", Enumerable.Range(0, 21).Select(i => (west + ((east - west) * i / 20), south + ((north - south) * i / 20)))));
        features.Add(Line("diagonal down", Enumerable.Range(0, 21).Select(i => (west + ((east - west) * i / 20), north - ((north - south) * i / 20)))));
        return $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";
    }

    private static string Line(string name, IEnumerable<(double Lon, double Lat)> points)
    {
        var coordinates = string.Join(",", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.Lon},{p.Lat}]")));
        return "{\"type\":\"Feature\",\"properties\":{\"name\":\"" + name + "\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[" + coordinates + "]}}";
    }
}
