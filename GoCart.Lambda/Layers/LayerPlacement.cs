using GoCart.Lambda.Geo;
using GoCart.Lambda.Geo.Projections;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace GoCart.Lambda.Layers;

/// <summary>
/// Carries layer features through the pipeline beside the regions: each feature goes with the inset group whose
/// region holds its first point (the main map when none does), is projected as that group is (the same cut
/// meridian and equal-area projection), moved by the group's engine run as free points, then scaled and placed
/// with the group's inset. Features that fall outside their group's map are left out with a warning.
/// </summary>
public sealed class LayerPlacement
{
    private readonly List<(MapLayer Layer, LayerFeature Feature, int Group)> _features = [];
    private readonly Dictionary<int, List<(int Feature, Coordinate[][] Parts)>> _groupParts = [];
    private readonly Dictionary<(int Feature, int Part), (Coordinate[] Cartogram, Coordinate[] EqualArea)> _moved = [];
    private readonly bool _isLonLat;

    private LayerPlacement(bool isLonLat)
    {
        _isLonLat = isLonLat;
    }

    public static LayerPlacement Plan(IReadOnlyList<MapLayer> layers, SourceMap map, IReadOnlyList<int[]> groupMembers)
    {
        var plan = new LayerPlacement(map.IsLonLat);
        var groupOf = new int[map.Regions.Count];
        for (var g = 0; g < groupMembers.Count; g++)
        {
            foreach (var member in groupMembers[g])
            {
                groupOf[member] = g;
            }
        }

        var locator = new RegionLocator([.. map.Regions.Select(r => r.Geometry)]);
        foreach (var layer in layers)
        {
            foreach (var feature in layer.Features)
            {
                var holder = groupMembers.Count == 1 ? -1 : locator.Find(feature.Geometry.Coordinates[0]);
                plan._features.Add((layer, feature, holder >= 0 ? groupOf[holder] : 0));
            }
        }

        return plan;
    }

    public bool IsEmpty => _features.Count == 0;

    /// <summary>
    /// The planar paths of one group's features for the engine (every point a path of one, every line a path),
    /// projected like <paramref name="projected"/> and inside its envelope; features outside it are reported.
    /// </summary>
    public IReadOnlyList<Coordinate[]> PathsFor(int group, IReadOnlyList<Geometry> lonLatRegions, ProjectedMap? projected, IReadOnlyList<Geometry> planarRegions, List<string> warnings)
    {
        var envelope = new Envelope();
        foreach (var region in planarRegions)
        {
            envelope.ExpandToInclude(region.EnvelopeInternal);
        }

        var cut = projected is null ? 0 : CutMeridian.Choose(lonLatRegions);
        var parts = new List<(int Feature, Coordinate[][] Parts)>();
        var outside = new List<string>();
        for (var f = 0; f < _features.Count; f++)
        {
            if (_features[f].Group != group)
            {
                continue;
            }

            var geometry = _features[f].Feature.Geometry;
            var pieces = Enumerable.Range(0, geometry.NumGeometries)
                .Select(i => Project(geometry.GetGeometryN(i).Coordinates, cut, projected?.Projection))
                .ToArray();
            if (pieces.All(piece => piece.All(envelope.Covers)))
            {
                parts.Add((f, pieces));
            }
            else
            {
                outside.Add(_features[f].Feature.Label ?? $"feature {f + 1}");
            }
        }

        if (outside.Count > 0)
        {
            var layerNames = string.Join(", ", _features.Where(x => x.Group == group).Select(x => $"\"{x.Layer.Name}\"").Distinct());
            warnings.Add($"{outside.Count} feature(s) of the layer {layerNames} lie beyond the map and were left out: {string.Join(", ", outside.Take(10))}{(outside.Count > 10 ? $" and {outside.Count - 10} more" : "")}.");
        }

        _groupParts[group] = parts;
        return [.. parts.SelectMany(p => p.Parts)];
    }

    /// <summary>Takes the engine's moved paths of one group, in the order <see cref="PathsFor"/> gave them.</summary>
    public void Moved(int group, IReadOnlyList<Coordinate[]> cartogram, IReadOnlyList<Coordinate[]> equalArea)
    {
        var k = 0;
        foreach (var (feature, parts) in _groupParts.GetValueOrDefault(group) ?? [])
        {
            for (var p = 0; p < parts.Length; p++, k++)
            {
                _moved[(feature, p)] = (cartogram[k], equalArea[k]);
            }
        }
    }

    /// <summary>Applies an inset group's scaling and placement to its features, on the cartogram and on the equal-area map.</summary>
    public void Transform(int group, AffineTransformation cartogram, AffineTransformation equalArea)
    {
        foreach (var (feature, parts) in _groupParts.GetValueOrDefault(group) ?? [])
        {
            for (var p = 0; p < parts.Length; p++)
            {
                var (c, e) = _moved[(feature, p)];
                _moved[(feature, p)] = ([.. c.Select(x => Apply(cartogram, x))], [.. e.Select(x => Apply(equalArea, x))]);
            }
        }
    }

    /// <summary>Every feature that was placed, in layer and file order, with its geometry type kept.</summary>
    public IReadOnlyList<MovedLayerFeature> Features()
    {
        var result = new List<MovedLayerFeature>();
        foreach (var parts in _groupParts.Values.SelectMany(g => g).OrderBy(p => p.Feature))
        {
            var (layer, feature, _) = _features[parts.Feature];
            var cartogram = Enumerable.Range(0, parts.Parts.Length).Select(p => _moved[(parts.Feature, p)].Cartogram).ToArray();
            var equalArea = Enumerable.Range(0, parts.Parts.Length).Select(p => _moved[(parts.Feature, p)].EqualArea).ToArray();
            result.Add(new MovedLayerFeature(layer.Name, feature, Rebuild(feature.Geometry, cartogram), Rebuild(feature.Geometry, equalArea)));
        }

        return result;
    }

    private Coordinate[] Project(Coordinate[] coordinates, double cut, IEqualAreaProjection? projection)
    {
        if (!_isLonLat || projection is null)
        {
            return [.. coordinates.Select(c => new Coordinate(c.X, c.Y))];
        }

        // Continuous longitudes (a line may cross the antimeridian), then the whole path moved by whole turns so
        // that it starts in [cut, cut + 360), where the group's polygons were put.
        var longitudes = new double[coordinates.Length];
        longitudes[0] = coordinates[0].X;
        for (var i = 1; i < coordinates.Length; i++)
        {
            longitudes[i] = coordinates[i].X + (360 * Math.Round((longitudes[i - 1] - coordinates[i].X) / 360));
        }

        var offset = (longitudes[0] - cut) % 360;
        var shift = cut + (offset < 0 ? offset + 360 : offset) - longitudes[0];
        return [.. coordinates.Select((c, i) =>
        {
            var (x, y) = projection.Forward(longitudes[i] + shift, c.Y);
            return new Coordinate(x, y);
        })];
    }

    private static Coordinate Apply(AffineTransformation transformation, Coordinate coordinate)
    {
        var copy = coordinate.Copy();
        transformation.Transform(coordinate, copy);
        return copy;
    }

    private static Geometry Rebuild(Geometry original, Coordinate[][] parts)
    {
        var factory = original.Factory;
        return original switch
        {
            Point => factory.CreatePoint(parts[0][0]),
            MultiPoint => factory.CreateMultiPointFromCoords([.. parts.Select(p => p[0])]),
            LineString => factory.CreateLineString(parts[0]),
            _ => factory.CreateMultiLineString([.. parts.Select(factory.CreateLineString)]),
        };
    }
}
