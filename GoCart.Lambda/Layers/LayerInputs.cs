using GoCart.Lambda.Contract;

namespace GoCart.Lambda.Layers;

/// <summary>A layer file's text (points CSV or GeoJSON) turned into a request layer: read, checked, and sent as GeoJSON.</summary>
public static class LayerInputs
{
    public static LayerInput FromText(string name, string text) =>
        new() { Name = name, Geometry = LayerGeoJson.ToFeatureCollection(LayerReader.Read(name, text)) };
}
