namespace GoCart.Lambda.Geo.Projections;

/// <summary>
/// Albers equal-area conic, spherical form (Snyder 1987, §14), the usual choice for mid-latitude countries:
/// standard parallels at 1/6 and 5/6 of the map's latitude range, origin at its centre.
/// </summary>
public sealed class AlbersEqualAreaConic : IEqualAreaProjection
{
    private readonly double _centralMeridian;
    private readonly double _n;
    private readonly double _c;
    private readonly double _rho0;
    private readonly double _parallel1;
    private readonly double _parallel2;

    public AlbersEqualAreaConic(double centralMeridian, double originLatitude, double parallel1, double parallel2)
    {
        if (Math.Abs(parallel1 + parallel2) < 1e-9)
        {
            throw new ArgumentException("Albers needs standard parallels that are not symmetric about the equator.");
        }

        _centralMeridian = centralMeridian;
        _parallel1 = parallel1;
        _parallel2 = parallel2;
        var sin1 = Math.Sin(parallel1 * Earth.Radians);
        var cos1 = Math.Cos(parallel1 * Earth.Radians);
        _n = (sin1 + Math.Sin(parallel2 * Earth.Radians)) / 2;
        _c = (cos1 * cos1) + (2 * _n * sin1);
        _rho0 = Rho(originLatitude);
    }

    public string Name => FormattableString.Invariant($"Albers equal-area conic, parallels {_parallel1:0.##}° and {_parallel2:0.##}°, central meridian {CutMeridian.Normalise(_centralMeridian):0.##}°");

    public (double X, double Y) Forward(double longitude, double latitude)
    {
        var rho = Rho(latitude);
        var theta = _n * (longitude - _centralMeridian) * Earth.Radians;
        return (rho * Math.Sin(theta) * Earth.AuthalicRadius, (_rho0 - (rho * Math.Cos(theta))) * Earth.AuthalicRadius);
    }

    public (double Longitude, double Latitude) Inverse(double x, double y)
    {
        x /= Earth.AuthalicRadius;
        y /= Earth.AuthalicRadius;
        var sign = Math.Sign(_n);
        var rho = sign * Math.Sqrt((x * x) + ((_rho0 - y) * (_rho0 - y)));
        var theta = Math.Atan2(sign * x, sign * (_rho0 - y));
        var q = (_c - (rho * rho * _n * _n)) / (2 * _n);
        var latitude = Math.Asin(Math.Clamp(q, -1, 1));
        return ((theta / _n / Earth.Radians) + _centralMeridian, latitude / Earth.Radians);
    }

    private double Rho(double latitude) => Math.Sqrt(Math.Max(0, _c - (2 * _n * Math.Sin(latitude * Earth.Radians)))) / _n;
}
