using System.Text;
using System.Text.Json;
using GoCart.Lambda.Geo;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Tests.Geo;

public class GeoJsonMapWriterTests
{
    [Fact]
    public void A_map_with_a_hole_survives_write_and_read_with_its_properties()
    {
        var json = GeoJsonMapReaderTests.Collection(GeoJsonMapReaderTests.Feature("ring",
            """{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[4,2],[4,4],[2,4],[2,2]]]}"""));
        var map = GeoJsonMapReader.Read(Encoding.UTF8.GetBytes(json), "name");
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            GeoJsonMapWriter.Write(writer, [new OutputFeature(map.Regions[0].Geometry, map.Regions[0].Properties, [new("areaError", 0.004)])], "test projection");
        }

        var again = GeoJsonMapReader.Read(buffer.ToArray(), "name");
        using var document = JsonDocument.Parse(buffer.ToArray());
        var properties = document.RootElement.GetProperty("features")[0].GetProperty("properties");

        var polygon = Assert.IsType<Polygon>(again.Regions[0].Geometry);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.Equal(96, polygon.Area, 9);
        Assert.Equal(1, properties.GetProperty("population").GetInt32());
        Assert.Equal(0.004, properties.GetProperty("areaError").GetDouble());
        Assert.Equal("test projection", document.RootElement.GetProperty("projection").GetString());
    }
}
