namespace GoCart.Lambda.Geo.Projections;

/// <summary>
/// Lambert azimuthal equal-area, spherical form (J. P. Snyder, "Map Projections: A Working Manual", USGS
/// Professional Paper 1395, 1987, §24), centred on the map: good for regions that straddle the equator, are
/// small, or lie near a pole.
/// </summary>
public sealed class LambertAzimuthalEqualArea(double centreLongitude, double centreLatitude) : IEqualAreaProjection
{
    private readonly double _sinPhi1 = Math.Sin(centreLatitude * Earth.Radians);
    private readonly double _cosPhi1 = Math.Cos(centreLatitude * Earth.Radians);

    public string Name => FormattableString.Invariant($"Lambert azimuthal equal-area, centre {CutMeridian.Normalise(centreLongitude):0.##}°, {centreLatitude:0.##}°");

    public (double X, double Y) Forward(double longitude, double latitude)
    {
        var phi = latitude * Earth.Radians;
        var dLambda = (longitude - centreLongitude) * Earth.Radians;
        var cosPhi = Math.Cos(phi);
        var denominator = 1 + (_sinPhi1 * Math.Sin(phi)) + (_cosPhi1 * cosPhi * Math.Cos(dLambda));
        var k = Math.Sqrt(2 / Math.Max(denominator, 1e-15));
        var x = k * cosPhi * Math.Sin(dLambda);
        var y = k * ((_cosPhi1 * Math.Sin(phi)) - (_sinPhi1 * cosPhi * Math.Cos(dLambda)));
        return (x * Earth.AuthalicRadius, y * Earth.AuthalicRadius);
    }

    public (double Longitude, double Latitude) Inverse(double x, double y)
    {
        x /= Earth.AuthalicRadius;
        y /= Earth.AuthalicRadius;
        var rho = Math.Sqrt((x * x) + (y * y));
        if (rho < 1e-15)
        {
            return (centreLongitude, centreLatitude);
        }

        var c = 2 * Math.Asin(Math.Min(1, rho / 2));
        var sinC = Math.Sin(c);
        var cosC = Math.Cos(c);
        var latitude = Math.Asin((cosC * _sinPhi1) + (y * sinC * _cosPhi1 / rho));
        var longitude = Math.Atan2(x * sinC, (rho * _cosPhi1 * cosC) - (y * _sinPhi1 * sinC));
        return ((longitude / Earth.Radians) + centreLongitude, latitude / Earth.Radians);
    }
}
