using System.Text.Json;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Layers;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Cartograms;

/// <summary>
/// The engine's response read back for display: per-region numbers and statistics always; the two maps'
/// geometries (same rings and vertices, region order) only when asked for, since parsing them costs time.
/// </summary>
public sealed record CartogramResult(
    string Status,
    string? Projection,
    IReadOnlyList<ResultRegion> Regions,
    ResultStatistics Statistics,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<Geometry> Cartogram,
    IReadOnlyList<Geometry> EqualAreaMap)
{
    public bool IsLonLatProjection => Projection is not null;

    /// <summary>The layers' features moved with the cartogram (read with the geometry only).</summary>
    public IReadOnlyList<ResultLayerFeature> Layers { get; init; } = [];

    public static CartogramResult Parse(byte[] json, bool withGeometry = false)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var regions = root.GetProperty("regions").EnumerateArray().Select(r => new ResultRegion(
            r.GetProperty("id").GetString() ?? "",
            r.GetProperty("value").ValueKind == JsonValueKind.Number ? r.GetProperty("value").GetDouble() : null,
            r.GetProperty("targetShare").GetDouble(),
            r.GetProperty("areaError").GetDouble(),
            r.TryGetProperty("floored", out var floored) && floored.ValueKind == JsonValueKind.True,
            r.TryGetProperty("inset", out var inset) ? inset.GetString() : null)).ToList();
        var statistics = StatisticsOf(root.GetProperty("statistics"), root.GetProperty("status").GetString());
        var warnings = root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString() ?? "").ToList();
        return new CartogramResult(
            root.GetProperty("status").GetString() ?? "",
            root.TryGetProperty("projection", out var p) ? p.GetString() : null,
            regions,
            statistics,
            warnings,
            withGeometry ? Geometries(root.GetProperty("cartogram"), regions) : [],
            withGeometry ? Geometries(root.GetProperty("equalAreaMap"), regions) : [])
        {
            Layers = withGeometry && root.TryGetProperty("layers", out var layers) ? ResultLayerFeature.Read(layers) : [],
        };
    }

    /// <summary>
    /// Only the statistics: the reader skips the two maps without building a document of them, which for a world
    /// map's 2.4 MB response is a few milliseconds instead of a tenth of a second.
    /// </summary>
    public static ResultStatistics ReadStatistics(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        string? status = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                status = reader.GetString();
                continue;
            }

            if (reader.ValueTextEquals("statistics"u8))
            {
                using var statistics = JsonDocument.ParseValue(ref reader);
                return StatisticsOf(statistics.RootElement, status);
            }

            reader.Read();
            reader.Skip();
        }

        throw new JsonException("The engine's response has no statistics.");
    }

    /// <summary>A result stored before statistics said whether it converged says so in its status.</summary>
    private static ResultStatistics StatisticsOf(JsonElement s, string? status) => new(
        s.GetProperty("integrations").GetInt32(),
        s.GetProperty("grid").GetString() ?? "",
        s.GetProperty("points").GetInt32(),
        s.GetProperty("maxAreaError").GetDouble(),
        s.GetProperty("meanAreaError").GetDouble(),
        s.GetProperty("seconds").GetDouble(),
        s.TryGetProperty("converged", out var converged) ? converged.GetBoolean() : status != "not_converged",
        s.TryGetProperty("shortfall", out var shortfall) ? shortfall.GetString() : null);

    /// <summary>The raw GeoJSON FeatureCollection of the cartogram or of the equal-area map, its layers' features after the regions'.</summary>
    public static byte[] FeatureCollection(byte[] json, string property)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            document.RootElement.GetProperty(property).WriteTo(writer);
        }

        return document.RootElement.TryGetProperty("layers", out var layers) && layers.TryGetProperty(property, out var extra)
            ? LayerGeoJson.Append(buffer.ToArray(), w =>
            {
                foreach (var feature in extra.GetProperty("features").EnumerateArray())
                {
                    feature.WriteTo(w);
                }
            })
            : buffer.ToArray();
    }

    private static List<Geometry> Geometries(JsonElement collection, List<ResultRegion> regions)
    {
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
        var warnings = new List<string>();
        var features = collection.GetProperty("features");
        var geometries = new List<Geometry>(regions.Count);
        var i = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var polygons = GeometryParser.Polygons(feature.GetProperty("geometry"), regions[i++].Id, factory, warnings) ?? [];
            geometries.Add(polygons.Count == 1 ? polygons[0] : factory.CreateMultiPolygon([.. polygons]));
        }

        return geometries;
    }
}

/// <summary>
/// One region's outcome: value (null = missing), target share of the total area and relative area error;
/// a floored region was drawn at the small-value floor and its error is against that floor.
/// </summary>
/// <summary>One region of the result; <see cref="Inset"/> names the inset the engine drew it in (null on the main map, or from an older result that did not say).</summary>
public sealed record ResultRegion(string Id, double? Value, double TargetShare, double AreaError, bool Floored, string? Inset = null);

/// <summary>How the run went; a run that missed its accuracy goal is not converged and its shortfall says by how much, where, and what to try.</summary>
public sealed record ResultStatistics(int Integrations, string Grid, int Points, double MaxAreaError, double MeanAreaError, double Seconds, bool Converged, string? Shortfall);
