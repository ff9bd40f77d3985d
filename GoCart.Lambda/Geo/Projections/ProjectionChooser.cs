namespace GoCart.Lambda.Geo.Projections;

/// <summary>
/// Picks an equal-area projection suited to a map's extent (longitudes already continuous):
/// Equal Earth for the world, Lambert azimuthal for maps that straddle the equator, are small or reach polar
/// latitudes, and Albers conic for the rest (most countries).
/// </summary>
public static class ProjectionChooser
{
    public static IEqualAreaProjection Choose(double minLongitude, double minLatitude, double maxLongitude, double maxLatitude)
    {
        var centreLongitude = 0.5 * (minLongitude + maxLongitude);
        var centreLatitude = 0.5 * (minLatitude + maxLatitude);
        var longitudeSpan = maxLongitude - minLongitude;
        var latitudeSpan = maxLatitude - minLatitude;
        if (longitudeSpan > 180 || latitudeSpan > 120)
        {
            return new EqualEarth(centreLongitude);
        }

        var straddlesEquator = minLatitude < 0 && maxLatitude > 0;
        var small = longitudeSpan < 5 && latitudeSpan < 5;
        var polar = Math.Max(Math.Abs(minLatitude), Math.Abs(maxLatitude)) > 75;
        if (straddlesEquator || small || polar)
        {
            return new LambertAzimuthalEqualArea(centreLongitude, centreLatitude);
        }

        var parallel1 = minLatitude + (latitudeSpan / 6);
        var parallel2 = maxLatitude - (latitudeSpan / 6);
        return new AlbersEqualAreaConic(centreLongitude, centreLatitude, parallel1, parallel2);
    }
}
