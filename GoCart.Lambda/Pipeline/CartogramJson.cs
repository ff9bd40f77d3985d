using System.Text.Json;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Layers;

namespace GoCart.Lambda.Pipeline;

/// <summary>
/// The response body of a finished cartogram: status, the cartogram and the equal-area map as GeoJSON
/// FeatureCollections with the same rings and vertices (each feature gains targetShare, areaError and inset), a
/// per-region summary (floored regions marked, and listed in flooredRegions), run statistics and warnings; with
/// layers, their features moved with the cartogram and on the equal-area map (<c>layers.cartogram</c>,
/// <c>layers.equalAreaMap</c>).
/// </summary>
public static class CartogramJson
{
    public static byte[] Serialize(ComputedCartogram result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("key", result.Key);
            writer.WriteString("status", result.Converged ? "converged" : "not_converged");
            if (result.Projection is not null)
            {
                writer.WriteString("projection", result.Projection);
            }

            writer.WritePropertyName("cartogram");
            GeoJsonMapWriter.Write(writer, Features(result, result.Cartogram), result.Projection);
            writer.WritePropertyName("equalAreaMap");
            GeoJsonMapWriter.Write(writer, Features(result, result.EqualAreaMap), result.Projection);
            if (result.Layers.Count > 0)
            {
                writer.WriteStartObject("layers");
                writer.WritePropertyName("cartogram");
                LayerGeoJson.WriteCollection(writer, result.Layers, cartogram: true);
                writer.WritePropertyName("equalAreaMap");
                LayerGeoJson.WriteCollection(writer, result.Layers, cartogram: false);
                writer.WriteEndObject();
            }

            writer.WriteStartArray("regions");
            for (var i = 0; i < result.Regions.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("id", result.Regions[i].Id);
                if (result.Values[i] is { } value)
                {
                    writer.WriteNumber("value", value);
                }
                else
                {
                    writer.WriteNull("value");
                }

                writer.WriteNumber("targetShare", Math.Round(result.TargetShares[i], 8));
                writer.WriteNumber("areaError", Math.Round(result.AreaErrors[i], 6));
                writer.WriteBoolean("floored", result.Floored[i]);
                if (result.Insets.Count > i && result.Insets[i] is { } inset)
                {
                    writer.WriteString("inset", inset);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("flooredRegions");
            for (var i = 0; i < result.Regions.Count; i++)
            {
                if (result.Floored[i])
                {
                    writer.WriteStringValue(result.Regions[i].Id);
                }
            }

            writer.WriteEndArray();
            var s = result.Statistics;
            writer.WriteStartObject("statistics");
            writer.WriteNumber("integrations", s.Integrations);
            writer.WriteString("grid", s.Grid);
            writer.WriteNumber("points", s.Points);
            writer.WriteNumber("outputPoints", s.OutputPoints);
            writer.WriteNumber("simplificationSeconds", Math.Round(s.SimplificationSeconds, 3));
            writer.WriteNumber("maxAreaError", Math.Round(s.MaxAreaError, 6));
            writer.WriteNumber("meanAreaError", Math.Round(s.MeanAreaError, 6));
            writer.WriteNumber("seconds", Math.Round(s.Seconds, 3));
            writer.WriteNumber("crossingEdges", s.CrossingEdges);
            writer.WriteBoolean("converged", result.Converged);
            if (result.Shortfall is not null)
            {
                writer.WriteString("shortfall", result.Shortfall);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("warnings");
            foreach (var warning in result.Warnings)
            {
                writer.WriteStringValue(warning);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The regions of one of the result's two maps as features to write: their original properties, targetShare,
    /// areaError and inset (the inset group the region was drawn in, as <c>regions[].inset</c> says; null on the main map).
    /// </summary>
    public static List<OutputFeature> Features(ComputedCartogram result, IReadOnlyList<NetTopologySuite.Geometries.Geometry> geometries) =>
        [.. result.Regions.Select((region, i) => new OutputFeature(geometries[i], region.Properties,
            [new("targetShare", Math.Round(result.TargetShares[i], 8)), new("areaError", Math.Round(result.AreaErrors[i], 6))])
        {
            AddedTexts = [new("inset", result.Insets.Count > i ? result.Insets[i] : null)],
        })];
}
