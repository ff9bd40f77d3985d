using GoCart.Lambda.Geo;
using GoCart.Lambda.Layers;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Tests.Layers;

public class LayerReaderTests
{
    [Fact]
    public void A_csv_of_places_keeps_label_size_and_other_columns()
    {
        var layer = LayerReader.Read("places.csv", "City;Lon;Lat;Size;Country\nOslo;10.7522;59.9139;0.7;Norway\n");

        var feature = Assert.Single(layer.Features);
        var point = Assert.IsType<Point>(feature.Geometry);
        Assert.Equal((10.7522, 59.9139), (point.X, point.Y));
        Assert.Equal(0.7, feature.Size);
        Assert.Equal("Norway", feature.Properties.GetProperty("Country").GetString());
        Assert.Null(feature.Label);
    }

    [Fact]
    public void Geojson_lines_and_points_are_read_with_their_properties()
    {
        var layer = LayerReader.Read("mixed.geojson", """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"name":"A road"},"geometry":{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[3,3],[4,3]]]}},
              {"type":"Feature","id":7,"properties":{},"geometry":{"type":"MultiPoint","coordinates":[[5,5],[6,6]]}}]}
            """);

        Assert.Equal(2, layer.Features.Count);
        Assert.Equal("A road", layer.Features[0].Label);
        Assert.IsType<MultiLineString>(layer.Features[0].Geometry);
        Assert.Equal(7, layer.Features[1].Properties.GetProperty("id").GetInt32());
    }

    [Theory]
    [InlineData("name,x_coord,y_coord\nA,1,2\n", "needs a longitude and a latitude column")]
    [InlineData("label,longitude,latitude\nA,45,200\n", "Are the two columns swapped?")]
    [InlineData("label,longitude,latitude\nA,4,5,5\nB,1.5e,2\n", "Row 3 of the layer \"bad\": longitude \"1.5e\" is not a number")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}""", "Feature 1 of the layer \"bad\" is a Polygon")]
    [InlineData("""{"type":"LineString","coordinates":[[0,0]]}""", "a line with fewer than two points")]
    [InlineData("""{"type":"Point","coordinates":[0,"east"]}""", "not two finite numbers")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "has no points or lines")]
    [InlineData("{\"type\":", "is not valid JSON")]
    public void Bad_layers_say_what_to_fix(string text, string expected)
    {
        var error = Assert.Throws<MapInputException>(() => LayerReader.Read("bad", text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
