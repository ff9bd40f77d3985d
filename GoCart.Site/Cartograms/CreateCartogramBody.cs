using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoCart.Site.Cartograms;

/// <summary>
/// POST /api/v1/cartograms: a library map id or an uploaded map (GeoJSON, TopoJSON or a base64 zipped shapefile, with the property that
/// names its regions), and the data as CSV text or as region → value pairs.
/// </summary>
public sealed record CreateCartogramBody
{
    /// <summary>A library map id, e.g. "world_by_country_since_2022".</summary>
    public string? Map { get; init; }

    /// <summary>CSV text: first column the region, then value columns such as "Population (people)".</summary>
    public string? Csv { get; init; }

    /// <summary>
    /// With "csv": which value column to use (default: the first). With "values": what the numbers are, with
    /// their unit, such as "GDP (billion EUR)" (default: "Value"). Legend, tooltips and downloads show it.
    /// </summary>
    public string? Column { get; init; }

    /// <summary>Region id or name → value (null for a missing value).</summary>
    public Dictionary<string, double?>? Values { get; init; }

    /// <summary>
    /// Several value columns, each its own cartogram under one key: with "csv", the names of its value columns
    /// to compute (only "name"); without, each column's "name" (with its unit) and "values" (region → number).
    /// </summary>
    public List<ColumnBody>? Columns { get; init; }

    /// <summary>An uploaded map: a GeoJSON FeatureCollection of polygons, a TopoJSON topology, or a zipped shapefile as a base64 string.</summary>
    public JsonElement? Geometry { get; init; }

    /// <summary>Which object of a TopoJSON <see cref="Geometry"/> (or shapefile of a zip holding several) to use; default: the one with the most polygons.</summary>
    [JsonPropertyName("object")]
    public string? ObjectName { get; init; }

    /// <summary>The feature property that names the regions of <see cref="Geometry"/>.</summary>
    public string? RegionIdProperty { get; init; }

    public string? Title { get; init; }

    /// <summary>Largest acceptable relative area error (default 0.01).</summary>
    public double? MaxAreaError { get; init; }

    /// <summary>
    /// Most points per inset in the result (points neighbours share counted once): 10,000 by default; 0 for no
    /// simplification (every point the engine moved); otherwise at least 100. Rings keep at least 4 points, so a
    /// map with many small regions may keep more.
    /// </summary>
    public int? MaxPoints { get; init; }

    /// <summary>
    /// A distance in the result's units (metres for a longitude/latitude map, the map's own units for a projected
    /// one), above 0: points whose removal keeps every border within it of the computed border are removed too, so
    /// the simplification stops at whichever of maxPoints and the tolerance keeps fewer points. Default: none.
    /// </summary>
    public double? Tolerance { get; init; }

    /// <summary>Points and lines to move with the cartogram: each a CSV of places or a GeoJSON of points or lines.</summary>
    public List<LayerBody>? Layers { get; init; }

    /// <summary>
    /// Regions far from the main land mass (us-atlas's Alaska, Hawaii, Guam, American Samoa, Puerto Rico...):
    /// "keep" (the default: on the main map, with a warning naming them), "insets" (each an inset on the side it
    /// lies towards; a CSV's Inset column wins) or "leave-out" (left out, with a warning naming them).
    /// </summary>
    public string? FarFlung { get; init; }

    /// <summary>Region ids to leave out of the map (as the map names them); the result's warnings list them.</summary>
    public List<string>? LeaveOut { get; init; }

    /// <summary>
    /// Remote polygons of regions on the main map (France's Réunion and French Guiana on a map of the EU): "keep"
    /// (the default) or "leave-out" (dropped, with a warning naming the regions).
    /// </summary>
    public string? FarParts { get; init; }
}

/// <summary>One value column of a request: its name with its unit, and its values unless they come from the request's CSV.</summary>
public sealed record ColumnBody
{
    public string? Name { get; init; }

    public Dictionary<string, double?>? Values { get; init; }
}

/// <summary>One extra layer: its name and either CSV text (longitude, latitude, optional label and size) or GeoJSON.</summary>
public sealed record LayerBody
{
    public string? Name { get; init; }

    public string? Csv { get; init; }

    public JsonElement? GeoJson { get; init; }
}

/// <summary>
/// The answer to a submission; <see cref="Guardrail"/> says when a value column looks like a rate rather than a
/// total, and <see cref="ChoroplethView"/> then links to the result page showing those columns as choropleths.
/// </summary>
public sealed record CreatedCartogram(string Key, string Status)
{
    public string? Guardrail { get; init; }

    public string? ChoroplethView { get; init; }
}

/// <summary>A cartogram's state, for polling; <see cref="Columns"/> lists each column of a dataset of several, with its own state.</summary>
public sealed record CartogramStatusBody(string Key, string Status, double Progress, string? Stage, string? Error, string Title, ResultStatistics? Stats)
{
    public IReadOnlyList<ColumnStatusBody>? Columns { get; init; }
}

/// <summary>
/// One column of a dataset: its index (for ?column=), name, the key of the cartogram that computes it (its
/// downloads are under /api/v1/cartograms/{key}/...), and that cartogram's state and statistics.
/// </summary>
public sealed record ColumnStatusBody(int Index, string Name, string Key, string Status, double Progress, string? Stage, string? Error, ResultStatistics? Stats);

/// <summary>A library map.</summary>
public sealed record MapSummary(string Id, string Name, int Regions);
