using System.Text;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Turns the features every reader produces into one <see cref="SourceMap"/>: limits checked before any work,
/// the region id chosen, features with the same id joined into one region, uncut antimeridian rings unwrapped
/// (longitude/latitude maps) before geometry is repaired, and features without a usable area left out with a
/// warning that names them. Far-flung parts are found last.
/// </summary>
public static class SourceMapBuilder
{
    private const double LonLatSlack = 1e-6;
    private const int Listed = 12;

    /// <summary>The map of the features; <paramref name="lonLat"/> is what the file says its coordinates are (a shapefile's .prj), or null to judge by their extent.</summary>
    public static SourceMap Build(IReadOnlyList<MapFeature> features, string? regionIdProperty, MapReadLimits limits, bool? lonLat, List<string> warnings)
    {
        if (features.Count == 0)
        {
            throw new MapInputException("The map has no features; it needs one polygon feature per region.");
        }

        MapReadLimits.CheckRegions(features.Count, limits);
        MapReadLimits.CheckVertices(features.Sum(f => (long)(f.Polygons?.Sum(p => p.NumPoints) ?? 0)), limits);
        var candidates = RegionIdChoice.Candidates(features);
        var idProperty = RegionIdChoice.Choose(regionIdProperty, features, candidates);
        if (regionIdProperty is not { Length: > 0 })
        {
            var which = idProperty == MapFeature.FeatureIdName && features.All(f => !HasIdProperty(f)) ? "the features' own \"id\"" : $"\"{idProperty}\"";
            warnings.Add($"No region id property was given; using {which}, whose values are unique.");
        }

        var groups = Groups(features, idProperty);
        var isLonLat = lonLat ?? InLonLatRange(features);
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
        // Each region is repaired on its own (the validity check is most of reading a map): in parallel, then taken
        // in the file's order so the regions and warnings come out as a sequential read gives them.
        var repairs = RegionsInParallel.Map(groups.Count, g => RegionRepair.Of(groups[g].Id, groups[g].Members, isLonLat, factory));
        var regions = new List<SourceRegion>(groups.Count);
        var dropped = new List<DroppedRegion>();
        var joined = new List<string>();
        var unwrapped = new List<string>();
        for (var g = 0; g < groups.Count; g++)
        {
            var (id, members) = groups[g];
            var repair = repairs[g];
            warnings.AddRange(repair.Warnings);
            if (members.All(m => m.Polygons is null))
            {
                dropped.Add(new DroppedRegion(id, repair.Dropped!));
                continue;
            }

            if (members.Count(m => m.Polygons is not null) > 1)
            {
                joined.Add($"{Named(id, members[0])} ({members.Count} features)");
            }

            if (repair.Unwrapped)
            {
                unwrapped.Add(Named(id, members[0]));
            }

            if (repair.Geometry is null)
            {
                dropped.Add(new DroppedRegion(id, repair.Dropped!));
                continue;
            }

            regions.Add(new SourceRegion(id, repair.Geometry, members[0].Properties));
        }

        if (regions.Count == 0)
        {
            throw new MapInputException(dropped.Count > 0
                ? $"No feature of the map has an area ({dropped[0].Id} {dropped[0].Reason}); GoCart needs regions drawn as Polygon or MultiPolygon features."
                : "The map has no polygons: GoCart needs regions drawn as Polygon or MultiPolygon features.");
        }

        if (joined.Count > 0)
        {
            warnings.Add($"Features with the same \"{idProperty}\" were joined into one region each: {List(joined)}.");
        }

        if (unwrapped.Count > 0)
        {
            warnings.Add($"Rings crossing the antimeridian (180°) without being cut were unwrapped: {List(unwrapped)}.");
        }

        (IReadOnlyDictionary<string, string> Regions, IReadOnlyDictionary<string, IReadOnlyList<int>> Parts) far = isLonLat
            ? FarFlungParts.Find(regions)
            : (new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<int>>());
        return new SourceMap(regions, warnings, isLonLat, idProperty)
        {
            Dropped = dropped,
            IdCandidates = candidates,
            FarFlung = far.Regions,
            FarParts = far.Parts,
        };
    }

    /// <summary>One region's features joined, unwrapped across the antimeridian and repaired, with the warnings that say so; a region left out has no geometry and says why in Dropped.</summary>
    private sealed record RegionRepair(Geometry? Geometry, string? Dropped, bool Unwrapped, List<string> Warnings)
    {
        public static RegionRepair Of(string id, List<MapFeature> members, bool isLonLat, GeometryFactory factory)
        {
            var warnings = new List<string>();
            foreach (var notArea in members.Where(m => m.NotAnArea is not null))
            {
                warnings.Add($"Feature {notArea.Number} (\"{id}\") is {notArea.NotAnArea}, not an area: it was left out.");
            }

            if (members.All(m => m.Polygons is null))
            {
                return new RegionRepair(null, $"is {members[0].NotAnArea}, not an area", false, warnings);
            }

            IReadOnlyList<Polygon> polygons = [.. members.Where(m => m.Polygons is not null).SelectMany(m => m.Polygons!)];
            var changed = false;
            if (isLonLat)
            {
                polygons = UncutAntimeridian.Unwrap(polygons, factory, out changed);
            }

            var named = Named(id, members[0]);
            var repaired = PolygonRepair.Repair(polygons, named, factory, warnings, out var reason);
            if (repaired is null)
            {
                warnings.Add($"Region {named} was left out: it {reason}.");
                return new RegionRepair(null, reason, changed, warnings);
            }

            return new RegionRepair(repaired, null, changed, warnings);
        }
    }

    /// <summary>How warnings name a region: its id in quotes, with its name when that differs ("41" (Oregon)).</summary>
    private static string Named(string id, MapFeature feature)
    {
        var name = feature.Value("name");
        return name.Length > 0 && name != id ? $"\"{id}\" ({name})" : $"\"{id}\"";
    }

    private static bool HasIdProperty(MapFeature feature) =>
        feature.Properties.ValueKind == System.Text.Json.JsonValueKind.Object && feature.Properties.TryGetProperty(MapFeature.FeatureIdName, out _);

    private static List<(string Id, List<MapFeature> Members)> Groups(IReadOnlyList<MapFeature> features, string idProperty)
    {
        var groups = new List<(string Id, List<MapFeature> Members)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            var id = feature.Value(idProperty);
            if (id.Length == 0)
            {
                throw new MapInputException($"{Capitalised(MapFeature.FeatureLabel(feature.Number, feature.FeatureId, feature.Properties))} has no \"{idProperty}\"; every region needs an id. Give it one, or choose another property.");
            }

            if (index.TryGetValue(id, out var i))
            {
                groups[i].Members.Add(feature);
            }
            else
            {
                index[id] = groups.Count;
                groups.Add((id, [feature]));
            }
        }

        return groups;
    }

    private static bool InLonLatRange(IReadOnlyList<MapFeature> features)
    {
        var extent = new Envelope();
        foreach (var polygon in features.Where(f => f.Polygons is not null).SelectMany(f => f.Polygons!))
        {
            extent.ExpandToInclude(polygon.EnvelopeInternal);
        }

        return extent.IsNull || (extent.MinX >= -180 - LonLatSlack && extent.MaxX <= 180 + LonLatSlack && extent.MinY >= -90 - LonLatSlack && extent.MaxY <= 90 + LonLatSlack);
    }

    private static string List(List<string> names)
    {
        var text = new StringBuilder(string.Join(", ", names.Take(Listed)));
        if (names.Count > Listed)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $" and {names.Count - Listed} more");
        }

        return text.ToString();
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
