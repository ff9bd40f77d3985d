namespace GoCart.Lambda.Geo.Projections;

/// <summary>
/// The Equal Earth projection (B. Šavrič, T. Patterson, B. Jenny, "The Equal Earth map projection",
/// International Journal of Geographical Information Science 33(3), 454–465, 2019) for world maps: equal-area,
/// with straight parallels and a pleasing overall shape. Spherical form, centred on <c>centralMeridian</c>.
/// </summary>
public sealed class EqualEarth(double centralMeridian) : IEqualAreaProjection
{
    private const double A1 = 1.340264;
    private const double A2 = -0.081106;
    private const double A3 = 0.000893;
    private const double A4 = 0.003796;
    private static readonly double M = Math.Sqrt(3) / 2;

    public string Name => FormattableString.Invariant($"Equal Earth, central meridian {CutMeridian.Normalise(centralMeridian):0.##}°");

    public (double X, double Y) Forward(double longitude, double latitude)
    {
        var lambda = (longitude - centralMeridian) * Earth.Radians;
        var theta = Math.Asin(M * Math.Sin(latitude * Earth.Radians));
        var t2 = theta * theta;
        var t6 = t2 * t2 * t2;
        var x = 2 * Math.Sqrt(3) * lambda * Math.Cos(theta) / (3 * ((9 * A4 * t6 * t2) + (7 * A3 * t6) + (3 * A2 * t2) + A1));
        var y = theta * (A1 + (A2 * t2) + (t6 * (A3 + (A4 * t2))));
        return (x * Earth.AuthalicRadius, y * Earth.AuthalicRadius);
    }

    public (double Longitude, double Latitude) Inverse(double x, double y)
    {
        x /= Earth.AuthalicRadius;
        y /= Earth.AuthalicRadius;
        var theta = y;
        for (var i = 0; i < 20; i++)
        {
            var t2 = theta * theta;
            var t6 = t2 * t2 * t2;
            var f = (theta * (A1 + (A2 * t2) + (t6 * (A3 + (A4 * t2))))) - y;
            var derivative = A1 + (3 * A2 * t2) + (t6 * ((7 * A3) + (9 * A4 * t2)));
            var step = f / derivative;
            theta -= step;
            if (Math.Abs(step) < 1e-14)
            {
                break;
            }
        }

        var s2 = theta * theta;
        var s6 = s2 * s2 * s2;
        var lambda = 3 * x * ((9 * A4 * s6 * s2) + (7 * A3 * s6) + (3 * A2 * s2) + A1) / (2 * Math.Sqrt(3) * Math.Cos(theta));
        var latitude = Math.Asin(Math.Sin(theta) / M) / Earth.Radians;
        return ((lambda / Earth.Radians) + centralMeridian, latitude);
    }
}
