namespace GoCart.Lambda.Geo;

/// <summary>
/// Which property identifies a map's regions: the one the user named, or else the first candidate, a property
/// (or the feature-level id, offered first) whose values are present and unique in every feature.
/// </summary>
public static class RegionIdChoice
{
    private const int Examples = 3;

    public static IReadOnlyList<RegionIdCandidate> Candidates(IReadOnlyList<MapFeature> features)
    {
        var candidates = new List<RegionIdCandidate>();
        var names = new List<string> { MapFeature.FeatureIdName };
        names.AddRange(PropertyNames(features).Where(n => n != MapFeature.FeatureIdName));
        foreach (var name in names)
        {
            var values = new HashSet<string>(StringComparer.Ordinal);
            var examples = new List<string>();
            var unique = true;
            foreach (var feature in features)
            {
                var value = feature.Value(name);
                if (value.Length == 0 || !values.Add(value))
                {
                    unique = false;
                    break;
                }

                if (examples.Count < Examples)
                {
                    examples.Add(value);
                }
            }

            if (unique)
            {
                candidates.Add(new RegionIdCandidate(name, examples));
            }
        }

        return candidates;
    }

    public static string Choose(string? given, IReadOnlyList<MapFeature> features, IReadOnlyList<RegionIdCandidate> candidates)
    {
        if (given is { Length: > 0 })
        {
            if (features.All(f => f.Value(given).Length == 0))
            {
                throw new MapInputException($"No feature has a \"{given}\" property. The features' properties are: {Listed(features)}.");
            }

            return given;
        }

        return candidates.Count > 0
            ? candidates[0].Property
            : throw new MapInputException($"No property has a unique value for every feature, so GoCart cannot tell the regions apart by itself. Choose the property that names the regions (features with the same value become one region); the properties are: {Listed(features)}.");
    }

    /// <summary>Property names in the order they first appear, from the first features (files repeat the same schema).</summary>
    public static List<string> PropertyNames(IReadOnlyList<MapFeature> features)
    {
        var names = new List<string>();
        foreach (var feature in features.Take(50))
        {
            if (feature.Properties.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                foreach (var property in feature.Properties.EnumerateObject())
                {
                    if (!names.Contains(property.Name))
                    {
                        names.Add(property.Name);
                    }
                }
            }
        }

        return names;
    }

    private static string Listed(IReadOnlyList<MapFeature> features)
    {
        var names = PropertyNames(features);
        if (features.Any(f => f.FeatureId is { Length: > 0 }) && !names.Contains(MapFeature.FeatureIdName))
        {
            names.Insert(0, MapFeature.FeatureIdName + " (the feature id)");
        }

        return names.Count == 0 ? "(none)" : string.Join(", ", names.Take(20));
    }
}
