using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Which region holds a point: the first region, in the list's order, whose geometry covers it (its boundary
/// included), or -1 when none does. Regions are found through an envelope index and prepared only when a point
/// first falls in their envelope.
/// </summary>
public sealed class RegionLocator
{
    private readonly IReadOnlyList<Geometry> _regions;
    private readonly IPreparedGeometry?[] _prepared;
    private readonly STRtree<int> _index = new();
    private readonly GeometryFactory _factory;

    public RegionLocator(IReadOnlyList<Geometry> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        _regions = regions;
        _prepared = new IPreparedGeometry?[regions.Count];
        _factory = regions.Count > 0 ? regions[0].Factory : new GeometryFactory();
        for (var i = 0; i < regions.Count; i++)
        {
            _index.Insert(regions[i].EnvelopeInternal, i);
        }
    }

    public int Find(Coordinate point)
    {
        var geometry = _factory.CreatePoint(point);
        foreach (var i in _index.Query(new Envelope(point)).Order())
        {
            if ((_prepared[i] ??= PreparedGeometryFactory.Prepare(_regions[i])).Covers(geometry))
            {
                return i;
            }
        }

        return -1;
    }
}
