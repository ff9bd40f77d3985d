namespace GoCart.Lambda.Geo.Projections;

/// <summary>Constants of the spherical Earth the projections use.</summary>
public static class Earth
{
    /// <summary>Radius of the sphere with the WGS 84 ellipsoid's surface area (metres), so projected areas are true areas.</summary>
    public const double AuthalicRadius = 6_371_007.181;

    public const double Radians = Math.PI / 180;
}
