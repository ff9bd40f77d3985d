using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo;

/// <summary>One region of an input map: its id, its (repaired, oriented) polygons and its original properties.</summary>
public sealed record SourceRegion(string Id, Geometry Geometry, JsonElement Properties);
