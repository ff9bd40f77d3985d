using System.Diagnostics;
using GoCart.Lambda.Geo;
using NetTopologySuite.Operation.Valid;
using Xunit.Abstractions;

namespace GoCart.Site.Tests.PublicData;

/// <summary>
/// The public boundary files users bring (world-atlas, us-atlas as TopoJSON, as GeoJSON from topojson-client and
/// as zipped shapefiles from mapshaper) read into valid regions, with the repairs and omissions named.
/// </summary>
public class PublicMapReadingTests(ITestOutputHelper output)
{
    /// <summary>Guam 66, Northern Mariana Islands 69, American Samoa 60, Puerto Rico 72, US Virgin Islands 78, Hawaii 15, Alaska 02.</summary>
    private static readonly string[] Territories = ["66", "69", "60", "72", "78", "15", "02"];

    private static readonly string[] AcrossTheAntimeridian = ["Russia", "Fiji", "Antarctica"];

    public static TheoryData<string, int> Files() => new()
    {
        { "countries-110m.json", 177 },
        { "countries-110m.geojson", 177 },
        { "countries-110m-shapefile.zip", 177 },
        { "countries-50m.json", 241 },
        { "countries-50m.geojson", 241 },
        { "states-10m.json", 56 },
        { "states-10m.geojson", 56 },
        { "states-10m-shapefile.zip", 56 },
        { "counties-10m.json", 3231 },
        { "counties-10m.geojson", 3231 },
        { "states-albers-10m.json", 51 },
        { "states-albers-10m.geojson", 51 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Public_file_reads_into_valid_regions_with_every_feature_accounted_for(string file, int features)
    {
        var clock = Stopwatch.StartNew();
        var map = MapFileReader.Read(File.ReadAllBytes(Path.Combine(PublicMaps.Folder, file)), null, null);
        output.WriteLine($"{file}: {map.Regions.Count} regions, {map.Dropped.Count} left out, id \"{map.RegionIdProperty}\", lon/lat {map.IsLonLat}, {clock.ElapsedMilliseconds} ms");
        foreach (var warning in map.Warnings)
        {
            output.WriteLine("  " + warning);
        }

        Assert.Equal(features, map.Regions.Count + map.Dropped.Count);
        Assert.Equal(!file.StartsWith("states-albers", StringComparison.Ordinal), map.IsLonLat);
        Assert.All(map.Regions, r => Assert.True(r.Geometry.IsValid, $"{r.Id}: {new IsValidOp(r.Geometry).ValidationError}"));
        Assert.All(map.Dropped, d => Assert.Contains(map.Warnings, w => w.Contains($"\"{d.Id}\"", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("countries-110m.json")]
    [InlineData("countries-50m.json")]
    [InlineData("countries-50m.geojson")]
    [InlineData("countries-110m-shapefile.zip")]
    public void World_atlas_russia_fiji_and_antarctica_are_unwrapped_whole(string file)
    {
        var map = MapFileReader.Read(File.ReadAllBytes(Path.Combine(PublicMaps.Folder, file)), "name", null);
        var regions = map.Regions.ToDictionary(r => r.Id);

        Assert.Contains(map.Warnings, w => w.Contains("antimeridian", StringComparison.Ordinal) && w.Contains("\"Russia\"", StringComparison.Ordinal) && w.Contains("\"Fiji\"", StringComparison.Ordinal));
        Assert.All(AcrossTheAntimeridian, id => Assert.True(regions[id].Geometry.IsValid, id));

        // In square degrees: Russia spans 170° of longitude at high latitudes; Antarctica's mainland is the band
        // from its coast (about 70° S) to the pole, closed along the pole rather than lost as a zero-area shell.
        Assert.InRange(regions["Russia"].Geometry.Area, 2500, 3500);
        Assert.InRange(regions["Antarctica"].Geometry.Area, 4000, 8000);
        Assert.InRange(regions["Fiji"].Geometry.Area, 1, 3);
        Assert.True(map.FarFlung.Count == 0, "far-flung: " + string.Join(", ", map.FarFlung.Keys));
    }

    [Theory]
    [InlineData("states-10m.json")]
    [InlineData("states-10m.geojson")]
    public void Us_atlas_states_use_the_feature_id_and_offer_the_territories_as_insets(string file)
    {
        var map = MapFileReader.Read(File.ReadAllBytes(Path.Combine(PublicMaps.Folder, file)), null, null);

        Assert.Equal("id", map.RegionIdProperty);
        Assert.Equal("id", map.IdCandidates[0].Property);
        Assert.Contains(map.IdCandidates, c => c.Property == "name");
        output.WriteLine(string.Join(", ", map.FarFlung.Select(f => $"{f.Key}: {f.Value}")));

        Assert.All(Territories, id => Assert.True(map.FarFlung.ContainsKey(id), $"{id} is offered as an inset"));
        Assert.Equal(7, map.FarFlung.Count);
        Assert.Equal("B", map.FarFlung["72"]);
        Assert.Equal("L", map.FarFlung["66"]);
    }

    [Fact]
    public void Us_atlas_counties_leave_out_the_degenerate_county_by_name_and_keep_the_rest()
    {
        var map = MapFileReader.Read(File.ReadAllBytes(PublicMaps.Counties10mTopoJson), null, "counties");

        var dropped = Assert.Single(map.Dropped);
        Assert.Equal("51610", dropped.Id);
        Assert.Contains(map.Warnings, w => w.Contains("\"51610\" (Falls Church) was left out", StringComparison.Ordinal));
        Assert.Equal(3230, map.Regions.Count);
        Assert.Equal("id", map.RegionIdProperty);
    }

    [Fact]
    public void Counties_named_the_same_are_joined_when_the_name_is_chosen_as_id()
    {
        var map = MapFileReader.Read(File.ReadAllBytes(PublicMaps.Counties10mGeoJson), "name", null);

        Assert.InRange(map.Regions.Count, 1500, 2000);
        Assert.Contains(map.Warnings, w => w.Contains("joined into one region each", StringComparison.Ordinal) && w.Contains("\"Washington\"", StringComparison.Ordinal));
        Assert.All(map.Regions, r => Assert.True(r.Geometry.IsValid, r.Id));
    }

    [Fact]
    public void A_topojson_object_can_be_chosen_and_a_missing_one_is_named()
    {
        var topology = File.ReadAllBytes(PublicMaps.Counties10mTopoJson);

        Assert.Equal(56, MapFileReader.Read(topology, null, "states").Regions.Count);
        var error = Assert.Throws<MapInputException>(() => MapFileReader.Read(topology, null, "provinces"));
        Assert.Contains("no object \"provinces\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"counties\" (", error.Message, StringComparison.Ordinal);
    }
}
