using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo;

/// <summary>
/// The user's choice about what lies far from the main map, shared by the upload page, the JSON API and
/// <c>gocart generate</c>: far-flung regions kept, made insets or left out (<see cref="Mode"/>), further regions
/// left out by id (<see cref="LeaveOut"/>), and the far parts of regions on the main map left out or not
/// (<see cref="LeaveOutFarParts"/>). Everything left out is named in a warning.
/// </summary>
public sealed record FarFlungChoice(FarFlungMode Mode, IReadOnlyList<string> LeaveOut, bool LeaveOutFarParts)
{
    public const string KeepText = "keep";
    public const string InsetsText = "insets";
    public const string LeaveOutText = "leave-out";

    private static readonly string[] NameProperties = ["name", "NAME", "Name", "NAME_LATN", "NAME_EN"];

    public static readonly FarFlungChoice Default = new(FarFlungMode.Keep, [], false);

    /// <summary>The choice as the API and the CLI spell it; a wrong word is an error naming <paramref name="modeField"/> or <paramref name="partsField"/> and the words allowed.</summary>
    public static FarFlungChoice Parse(string? mode, IReadOnlyList<string>? leaveOut, string? farParts, string modeField = "farFlung", string partsField = "farParts")
    {
        var parsedMode = Normalised(mode) switch
        {
            null or KeepText => FarFlungMode.Keep,
            InsetsText => FarFlungMode.Insets,
            LeaveOutText => FarFlungMode.LeaveOut,
            _ => throw new MapInputException($"{modeField} is \"{mode}\"; give \"{KeepText}\" (far-flung regions stay on the main map), \"{InsetsText}\" (each drawn as an inset) or \"{LeaveOutText}\".") { Field = modeField },
        };
        var parts = Normalised(farParts) switch
        {
            null or KeepText => false,
            LeaveOutText => true,
            _ => throw new MapInputException($"{partsField} is \"{farParts}\"; give \"{KeepText}\" or \"{LeaveOutText}\" (the remote islands of regions on the main map are left out).") { Field = partsField },
        };
        return new FarFlungChoice(parsedMode, [.. (leaveOut ?? []).Select(id => id.Trim())], parts);
    }

    /// <summary>The ids left out of <paramref name="map"/>: those named, and the far-flung ones when <see cref="Mode"/> says so.</summary>
    public IReadOnlySet<string> LeftOut(SourceMap map) =>
        (Mode == FarFlungMode.LeaveOut ? LeaveOut.Concat(map.FarFlung.Keys) : LeaveOut).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The map without the regions left out and, when chosen, without its regions' far parts; the warnings name
    /// what went. Naming a region the map does not have, or leaving out every region, is an error saying what to fix.
    /// </summary>
    public SourceMap Apply(SourceMap map)
    {
        var ids = map.Regions.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        if (LeaveOut.FirstOrDefault(id => !ids.Contains(id)) is { } unknown)
        {
            throw new MapInputException(UnknownRegion(unknown, map.Regions.Select(r => r.Id))) { Field = "leaveOut", Region = unknown };
        }

        var leftOut = LeftOut(map);
        if (leftOut.Count == 0 && !(LeaveOutFarParts && map.FarParts.Count > 0))
        {
            return map;
        }

        if (leftOut.Count == map.Regions.Count)
        {
            throw new MapInputException("Every region would be left out; keep at least one on the map.") { Field = "leaveOut" };
        }

        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
        var regions = new List<SourceRegion>(map.Regions.Count);
        var trimmed = new List<string>();
        foreach (var region in map.Regions.Where(r => !leftOut.Contains(r.Id)))
        {
            if (LeaveOutFarParts && map.FarParts.TryGetValue(region.Id, out var far))
            {
                var remote = far.ToHashSet();
                var polygons = Enumerable.Range(0, region.Geometry.NumGeometries).Where(i => !remote.Contains(i)).Select(i => (Polygon)region.Geometry.GetGeometryN(i)).ToArray();
                trimmed.Add($"{Named(region)} ({far.Count} of its {region.Geometry.NumGeometries} polygons)");
                regions.Add(region with { Geometry = polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons) });
            }
            else
            {
                regions.Add(region);
            }
        }

        var warnings = map.Warnings.ToList();
        if (leftOut.Count > 0)
        {
            warnings.Add($"Left out of the map, as chosen: {string.Join(", ", map.Regions.Where(r => leftOut.Contains(r.Id)).Select(Named))}.");
        }

        if (trimmed.Count > 0)
        {
            warnings.Add($"Far parts left out, as chosen: {string.Join(", ", trimmed)}.");
        }

        return map with
        {
            Regions = regions,
            Warnings = warnings,
            FarFlung = map.FarFlung.Where(f => !leftOut.Contains(f.Key)).ToDictionary(),
            FarParts = LeaveOutFarParts ? new Dictionary<string, IReadOnlyList<int>>() : map.FarParts.Where(f => !leftOut.Contains(f.Key)).ToDictionary(),
        };
    }

    /// <summary>
    /// The insets to draw: with <see cref="FarFlungMode.Insets"/>, each far-flung region on the side it lies
    /// towards, under what the data gives (<paramref name="given"/> wins).
    /// </summary>
    public Dictionary<string, string>? Insets(SourceMap map, Dictionary<string, string>? given)
    {
        if (Mode != FarFlungMode.Insets || map.FarFlung.Count == 0)
        {
            return given;
        }

        var insets = map.FarFlung.ToDictionary(StringComparer.Ordinal);
        foreach (var (id, side) in given ?? [])
        {
            insets[id] = side;
        }

        return insets;
    }

    /// <summary>The message for a region to leave out that the map does not have.</summary>
    public static string UnknownRegion(string id, IEnumerable<string> ids) =>
        $"The region \"{id}\" to leave out is not on the map; name regions by the map's ids ({string.Join(", ", ids.Take(5).Select(r => $"\"{r}\""))}...).";

    /// <summary>The far-flung regions made insets by <see cref="FarFlungMode.Insets"/> rather than by the data: each is an inset of its own, since they lie apart from each other.</summary>
    public IReadOnlySet<string> OwnInsets(SourceMap map, Dictionary<string, string>? given) =>
        Mode == FarFlungMode.Insets ? map.FarFlung.Keys.Where(id => given?.ContainsKey(id) != true).ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

    /// <summary>How warnings name a region: its id in quotes, with its name when it has another ("15" (Hawaii)).</summary>
    public static string Named(SourceRegion region)
    {
        var name = region.Properties.ValueKind == System.Text.Json.JsonValueKind.Object
            ? NameProperties.Select(p => region.Properties.TryGetProperty(p, out var value) ? MapFeature.Text(value) : "").FirstOrDefault(t => t.Length > 0)
            : null;
        return name is not null && name != region.Id ? $"\"{region.Id}\" ({name})" : $"\"{region.Id}\"";
    }

    private static string? Normalised(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();
}
