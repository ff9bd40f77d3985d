namespace GoCart.Lambda.Geo.Projections;

/// <summary>An equal-area map projection on a sphere of <see cref="Earth.AuthalicRadius"/>; angles in degrees, planar units in metres.</summary>
public interface IEqualAreaProjection
{
    string Name { get; }

    (double X, double Y) Forward(double longitude, double latitude);

    (double Longitude, double Latitude) Inverse(double x, double y);
}
