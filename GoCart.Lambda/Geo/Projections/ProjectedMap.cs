using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Geo.Projections;

/// <summary>Planar geometries (metres, equal-area) in the input order, and the projection that made them.</summary>
public sealed record ProjectedMap(IReadOnlyList<Geometry> Geometries, IEqualAreaProjection Projection);
