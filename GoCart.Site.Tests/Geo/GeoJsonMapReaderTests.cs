using System.Text;
using GoCart.Lambda.Geo;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Tests.Geo;

public class GeoJsonMapReaderTests
{
    private const string Square = "[[0,0],[10,0],[10,10],[0,10],[0,0]]";

    public static TheoryData<string> MapsAndTheirCsvs()
    {
        var data = new TheoryData<string>();
        foreach (var folder in RepositoryFiles.MapFolders())
        {
            foreach (var csv in Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepositoryFiles.MapData, csv));
            }
        }

        return data;
    }

    [LibraryTheory]
    [MemberData(nameof(MapsAndTheirCsvs))]
    public void Every_shipped_map_reads_and_every_csv_matches_it(string csv)
    {
        var csvPath = Path.Combine(RepositoryFiles.MapData, csv);
        var data = RegionDataCsv.Parse(File.ReadAllText(csvPath));
        var geoJson = File.ReadAllBytes(RepositoryFiles.GeoJson(Path.GetDirectoryName(csvPath)!));
        var map = GeoJsonMapReader.Read(geoJson, data.IdColumn);

        var matched = RegionValues.Match([.. map.Regions.Select(r => r.Id)], [.. data.Rows.Select(r => (r.Id, r.Value))]);

        // go-cart.io's planar maps say so with a top-level "projected": true; the others are longitude/latitude.
        using var document = System.Text.Json.JsonDocument.Parse(geoJson);
        var projected = document.RootElement.TryGetProperty("projected", out var flag) && flag.ValueKind == System.Text.Json.JsonValueKind.True;
        Assert.Equal(!projected, map.IsLonLat);
        Assert.All(map.Regions, r => Assert.True(r.Geometry.IsValid, r.Id));
        Assert.Equal(map.Regions.Count, matched.Values.Count);
        Assert.Contains(matched.Values, v => v > 0);
    }

    [LibraryFact]
    public void Rings_are_oriented_exteriors_counter_clockwise_and_holes_clockwise()
    {
        // Exterior given clockwise, hole given counter-clockwise.
        var json = Collection(Feature("a", """{"type":"Polygon","coordinates":[[[0,0],[0,10],[10,10],[10,0],[0,0]],[[2,2],[4,2],[4,4],[2,4],[2,2]]]}"""));

        var polygon = (Polygon)GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), "name").Regions[0].Geometry;

        Assert.True(Orientation.IsCCW(polygon.Shell.CoordinateSequence));
        Assert.False(Orientation.IsCCW(polygon.Holes[0].CoordinateSequence));
        Assert.Equal(96, polygon.Area, 9);
    }

    [LibraryFact]
    public void Unclosed_rings_and_repeated_points_are_repaired()
    {
        var json = Collection(Feature("a", """{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,0],[10,10],[0,10]]]}"""));

        var region = GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), "name").Regions[0];

        Assert.Equal(100, region.Geometry.Area, 9);
        Assert.Equal(5, region.Geometry.NumPoints);
    }

    [LibraryFact]
    public void A_self_intersecting_ring_is_repaired_with_a_warning_when_the_area_survives()
    {
        // A square whose boundary touches itself in a tiny loop on its left side.
        var json = Collection(Feature("twisted", """{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,5],[-0.1,5.1],[-0.1,4.9],[0,5],[0,0]]]}"""),
            Feature("b", """{"type":"Polygon","coordinates":[[[20,0],[30,0],[30,10],[20,10],[20,0]]]}"""));

        var map = GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), "name");

        Assert.True(map.Regions[0].Geometry.IsValid);
        Assert.Contains(map.Warnings, w => w.Contains("twisted", StringComparison.Ordinal));
    }

    [LibraryFact]
    public void Points_and_lines_are_skipped_with_a_warning()
    {
        var json = Collection(Feature("area", $$"""{"type":"Polygon","coordinates":[{{Square}}]}"""), Feature("city", """{"type":"Point","coordinates":[1,1]}"""));

        var map = GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), "name");

        Assert.Single(map.Regions);
        Assert.Contains(map.Warnings, w => w.Contains("city", StringComparison.Ordinal) && w.Contains("Point", StringComparison.Ordinal));
    }

    [LibraryFact]
    public void Projected_input_is_recognised_as_planar()
    {
        var json = Collection(Feature("a", """{"type":"Polygon","coordinates":[[[100000,0],[200000,0],[200000,90000],[100000,0]]]}"""));

        Assert.False(GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), "name").IsLonLat);
    }

    [LibraryFact]
    public void Without_an_id_property_a_unique_text_property_is_chosen()
    {
        var json = Collection(
            $$$"""{"type":"Feature","properties":{"kind":"state","code":"A"},"geometry":{"type":"Polygon","coordinates":[{{{Square}}}]}}""",
            """{"type":"Feature","properties":{"kind":"state","code":"B"},"geometry":{"type":"Polygon","coordinates":[[[20,0],[30,0],[30,10],[20,0]]]}}""");

        var map = GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), null);

        Assert.Equal("code", map.RegionIdProperty);
        Assert.Equal(["A", "B"], map.Regions.Select(r => r.Id));
    }

    [LibraryTheory]
    [InlineData("{not json", "not valid JSON at line 1")]
    [InlineData("""{"type":"Point","coordinates":[0,0]}""", "GeoJSON Point, which has no areas")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "no features")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":null}]}""", "No feature of the map has an area (x is empty)")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"other":"x"},"geometry":null}]}""", "No feature has a \"name\" property. The features' properties are: other")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}""", "(x is a LineString, not an area)")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Polygon","coordinates":[[["a",0],[1,1],[0,1],[0,0]]]}}]}""", "\"feature 1 (x)\" has a position that is not [x, y] numbers")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[0,0]]]}}]}""", "(x has no area (every ring is degenerate))")]
    public void Bad_maps_get_a_message_that_says_what_to_fix(string json, string expected)
    {
        var error = Assert.Throws<MapInputException>(() => GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), "name"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [LibraryFact]
    public void Features_with_the_same_id_become_one_region_with_a_note()
    {
        var json = Collection(Feature("twin", $$"""{"type":"Polygon","coordinates":[{{Square}}]}"""), Feature("twin", """{"type":"Polygon","coordinates":[[[20,0],[30,0],[30,10],[20,10],[20,0]]]}"""));

        var map = GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), "name");

        var region = Assert.Single(map.Regions);
        Assert.Equal(2, region.Geometry.NumGeometries);
        Assert.Equal(200, region.Geometry.Area, 9);
        Assert.Contains(map.Warnings, w => w.Contains("joined into one region each: \"twin\" (2 features)", StringComparison.Ordinal));
    }

    [LibraryFact]
    public void An_empty_or_degenerate_feature_is_left_out_with_a_warning_naming_it()
    {
        var json = Collection(Feature("area", $$"""{"type":"Polygon","coordinates":[{{Square}}]}"""),
            Feature("flat", """{"type":"Polygon","coordinates":[[[20,0],[30,0],[40,0],[20,0]]]}"""),
            Feature("nothing", """{"type":"MultiPolygon","coordinates":[]}"""));

        var map = GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), "name");

        Assert.Equal(["area"], map.Regions.Select(r => r.Id));
        Assert.Equal(["flat", "nothing"], map.Dropped.Select(d => d.Id));
        Assert.Contains(map.Warnings, w => w.Contains("Region \"flat\" was left out: it has no area", StringComparison.Ordinal));
        Assert.Contains(map.Warnings, w => w.Contains("Region \"nothing\" was left out: it is empty", StringComparison.Ordinal));
    }

    [LibraryFact]
    public void A_bow_tie_is_repaired_into_its_two_lobes()
    {
        var json = Collection(Feature("bow", """{"type":"Polygon","coordinates":[[[0,0],[10,10],[10,0],[0,10],[0,0]]]}"""));

        var map = GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), "name");

        Assert.True(map.Regions[0].Geometry.IsValid);
        Assert.Equal(50, map.Regions[0].Geometry.Area, 9);
        Assert.Contains(map.Warnings, w => w.Contains("\"bow\" had self-intersecting", StringComparison.Ordinal));
    }

    [LibraryFact]
    public void The_feature_id_is_offered_first_and_used_when_no_property_is_named()
    {
        var json = """{"type":"FeatureCollection","features":[""" +
            """{"type":"Feature","id":"06037","properties":{"name":"Los Angeles"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},""" +
            """{"type":"Feature","id":6001,"properties":{"name":"Los Angeles"},"geometry":{"type":"Polygon","coordinates":[[[2,0],[3,0],[3,1],[2,0]]]}}]}""";

        var map = GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), null);

        Assert.Equal("id", map.RegionIdProperty);
        Assert.Equal(["06037", "6001"], map.Regions.Select(r => r.Id));
        Assert.Equal("id", Assert.Single(map.IdCandidates).Property);
    }

    [LibraryFact]
    public void A_single_feature_is_a_map_of_one_region()
    {
        var map = GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(Feature("alone", $$"""{"type":"GeometryCollection","geometries":[{"type":"Polygon","coordinates":[{{Square}}]},{"type":"Point","coordinates":[1,1]}]}""")), "name");

        Assert.Equal(100, Assert.Single(map.Regions).Geometry.Area, 9);
    }

    [LibraryFact]
    public void A_crs_member_naming_a_projected_system_makes_small_coordinates_planar()
    {
        var json = """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},"features":[""" + Feature("a", $$"""{"type":"Polygon","coordinates":[{{Square}}]}""") + "]}";

        Assert.False(GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), "name").IsLonLat);
    }

    [LibraryFact]
    public void Deeply_nested_json_is_refused_with_a_clear_message()
    {
        var json = new string('[', 500) + new string(']', 500);

        var error = Assert.Throws<MapInputException>(() => GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), "name"));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [LibraryFact]
    public void Too_many_vertices_are_refused_naming_the_limit()
    {
        var json = Collection(Feature("a", $$"""{"type":"Polygon","coordinates":[{{Square}}]}"""));

        var error = Assert.Throws<MapInputException>(() => GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), "name", new MapReadLimits { MaxVertices = 3 }));

        Assert.Contains("The map has 5 vertices; GoCart accepts at most 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("-simplify", error.Message, StringComparison.Ordinal);
    }

    internal static string Feature(string name, string geometry) =>
        $$"""{"type":"Feature","properties":{"name":"{{name}}","population":1},"geometry":{{geometry}}}""";

    internal static string Collection(params string[] features) =>
        $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";
}
