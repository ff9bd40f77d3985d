using GoCart.Lambda.Geo;
using GoCart.Lambda.Geo.Projections;
using NetTopologySuite.Geometries;

namespace GoCart.Site.Tests.Geo.Projections;

public class ProjectionTests
{
    public static TheoryData<string> Projections() => ["equal-earth", "lambert", "albers"];

    [LibraryTheory]
    [MemberData(nameof(Projections))]
    public void Forward_then_inverse_returns_the_same_coordinates(string name)
    {
        var projection = Create(name);
        foreach (var (lon, lat) in new[] { (0.0, 0.0), (-100.0, 40.0), (10.5, 50.2), (-70, -33), (-95, 25), (-120, 48) })
        {
            var (x, y) = projection.Forward(lon, lat);
            var (lon2, lat2) = projection.Inverse(x, y);
            Assert.Equal(lon, lon2, 1e-9);
            Assert.Equal(lat, lat2, 1e-9);
        }
    }

    [LibraryFact]
    public void Equal_earth_matches_its_published_extent()
    {
        // Šavrič et al. 2019: on the unit sphere the map is 2 × 2.7066 wide at the equator and 2 × 1.3173 tall.
        var projection = new EqualEarth(0);

        var (xEdge, yEquator) = projection.Forward(180, 0);
        var (xPole, yPole) = projection.Forward(0, 90);

        Assert.Equal(2.706629, xEdge / Earth.AuthalicRadius, 1e-5);
        Assert.Equal(0, yEquator, 1e-6);
        Assert.Equal(0, xPole, 1e-6);
        Assert.Equal(1.317362, yPole / Earth.AuthalicRadius, 1e-5);
    }

    [LibraryFact]
    public void Equal_earth_matches_proj_on_the_sphere()
    {
        // PROJ's test suite (builtins.gie, +proj=eqearth +R=6378137, 1 cm): 180° E on the equator lies 17 263 256.84 m east.
        const double radius = 6378137;
        var projection = new EqualEarth(0);

        var (x, y) = projection.Forward(180, 0);
        var (longitude, latitude) = projection.Inverse(17263256.84 / radius * Earth.AuthalicRadius, 0);

        Assert.Equal(17263256.84, x / Earth.AuthalicRadius * radius, 0.01);
        Assert.Equal(0, y, 1e-9);
        Assert.Equal(180, longitude, 1e-7);
        Assert.Equal(0, latitude, 1e-9);
    }

    [LibraryFact]
    public void Albers_matches_snyders_worked_example()
    {
        // Snyder 1987, p. 291 (sphere of radius 1): parallels 29.5° and 45.5°, origin 23° N 96° W; 35° N 75° W
        // projects to x = 0.2952720, y = 0.2416774.
        var projection = new AlbersEqualAreaConic(-96, 23, 29.5, 45.5);

        var (x, y) = projection.Forward(-75, 35);
        var (longitude, latitude) = projection.Inverse(x, y);

        Assert.Equal(0.2952720, x / Earth.AuthalicRadius, 1e-7);
        Assert.Equal(0.2416774, y / Earth.AuthalicRadius, 1e-7);
        Assert.Equal(-75, longitude, 1e-9);
        Assert.Equal(35, latitude, 1e-9);
    }

    [LibraryFact]
    public void Lambert_azimuthal_matches_snyders_worked_example()
    {
        // Snyder 1987, p. 333 (sphere of radius 3): centre 40° N 100° W; 20° S 100° E, nearly antipodal,
        // projects to x = −4.2339303, y = 4.0257775.
        var projection = new LambertAzimuthalEqualArea(-100, 40);

        var (x, y) = projection.Forward(100, -20);
        var (longitude, latitude) = projection.Inverse(x, y);

        Assert.Equal(-4.2339303, 3 * x / Earth.AuthalicRadius, 1e-7);
        Assert.Equal(4.0257775, 3 * y / Earth.AuthalicRadius, 1e-7);
        Assert.Equal(100, CutMeridian.Normalise(longitude), 1e-9);
        Assert.Equal(-20, latitude, 1e-9);
    }

    [LibraryTheory]
    [MemberData(nameof(Projections))]
    public void Projected_areas_equal_spherical_areas(string name)
    {
        var projection = Create(name);
        foreach (var (lon, lat) in new[] { (-100.0, 40.0), (-80.0, 30.0), (-115.0, 45.0) })
        {
            // A 2° × 2° cell: its area on the sphere is R² Δλ (sin φ2 − sin φ1).
            var spherical = Earth.AuthalicRadius * Earth.AuthalicRadius * (2 * Earth.Radians)
                * (Math.Sin((lat + 2) * Earth.Radians) - Math.Sin(lat * Earth.Radians));
            var corners = new[] { (lon, lat), (lon + 2, lat), (lon + 2, lat + 2), (lon, lat + 2) };
            var ring = Densified(corners).Select(c => projection.Forward(c.Item1, c.Item2)).Select(p => new Coordinate(p.X, p.Y)).ToList();
            ring.Add(ring[0].Copy());
            var planar = new GeometryFactory().CreatePolygon([.. ring]).Area;

            Assert.Equal(1.0, planar / spherical, 1e-3);
        }
    }

    [LibraryFact]
    public void The_world_map_keeps_russia_and_fiji_whole()
    {
        var map = WorldMap();
        var projected = MapProjector.Project([.. map.Regions.Select(r => r.Geometry)]);
        var world = new Envelope();
        foreach (var g in projected.Geometries)
        {
            world.ExpandToInclude(g.EnvelopeInternal);
        }

        var russia = projected.Geometries[Index(map, "RUS")].EnvelopeInternal;
        var fiji = projected.Geometries[Index(map, "FJI")].EnvelopeInternal;

        Assert.StartsWith("Equal Earth", projected.Projection.Name, StringComparison.Ordinal);
        Assert.True(russia.Width < 0.6 * world.Width, $"Russia spans {russia.Width / world.Width:P0} of the map");
        Assert.True(fiji.Width < 0.02 * world.Width, $"Fiji spans {fiji.Width / world.Width:P1} of the map");
    }

    [LibraryFact]
    public void Chukotka_and_wrangel_island_are_joined_across_the_antimeridian()
    {
        var map = WorldMap();
        var projected = MapProjector.Project([.. map.Regions.Select(r => r.Geometry)]);
        var russia = projected.Geometries[Index(map, "RUS")];
        var factory = russia.Factory;

        // The cut runs through the Bering Strait, so longitudes east of 180° continue past it (-172° is 188°).
        Polygon PolygonAt(double longitude, double latitude)
        {
            var (x, y) = projected.Projection.Forward(longitude, latitude);
            var point = factory.CreatePoint(new Coordinate(x, y));
            return Enumerable.Range(0, russia.NumGeometries).Select(i => (Polygon)russia.GetGeometryN(i)).Single(p => p.Contains(point));
        }

        Assert.True(russia.IsValid, new NetTopologySuite.Operation.Valid.IsValidOp(russia).ValidationError?.ToString());
        Assert.Same(PolygonAt(37.6, 55.75), PolygonAt(-172 + 360, 66));
        Assert.Same(PolygonAt(179.5, 71.2), PolygonAt(-179 + 360, 71.2));
    }

    /// <summary>The shipped maps but the planar test pattern (the library's other planar maps are checked unprojected).</summary>
    public static TheoryData<string> LibraryMaps() => [.. RepositoryFiles.MapFolders().Select(f => Path.GetFileName(f)!).Where(m => m != "concentric_circles")];

    [LibraryTheory]
    [MemberData(nameof(LibraryMaps))]
    public void Every_projected_region_of_a_shipped_map_is_valid(string mapId)
    {
        var folder = Path.Combine(RepositoryFiles.MapData, mapId);
        var idColumn = RegionDataCsv.Parse(File.ReadAllText(RepositoryFiles.PopulationCsv(folder))).IdColumn;
        var map = GeoJsonMapReader.Read(File.ReadAllBytes(RepositoryFiles.GeoJson(folder)), idColumn);
        // Planar maps reach the engine as they are (projecting metres as degrees would be meaningless).
        IReadOnlyList<NetTopologySuite.Geometries.Geometry> regions = map.IsLonLat
            ? MapProjector.Project([.. map.Regions.Select(r => r.Geometry)]).Geometries
            : [.. map.Regions.Select(r => r.Geometry)];

        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            Assert.True(region.IsValid, $"{mapId}/{map.Regions[i].Id}: {new NetTopologySuite.Operation.Valid.IsValidOp(region).ValidationError}");
        }
    }

    [LibraryFact]
    public void Alaska_stays_whole_on_the_usa_map()
    {
        var folder = Path.Combine(RepositoryFiles.MapData, "usa_by_state_since_1959");
        var map = GeoJsonMapReader.Read(File.ReadAllBytes(RepositoryFiles.GeoJson(folder)), "shapeName");
        var projected = MapProjector.Project([.. map.Regions.Select(r => r.Geometry)]);
        var all = new Envelope();
        foreach (var g in projected.Geometries)
        {
            all.ExpandToInclude(g.EnvelopeInternal);
        }

        var alaska = projected.Geometries[Index(map, "Alaska")].EnvelopeInternal;

        Assert.True(alaska.Width < 0.5 * all.Width, $"Alaska spans {alaska.Width / all.Width:P0} of the map");
    }

    [LibraryFact]
    public void A_mid_latitude_country_gets_an_albers_projection_and_an_equatorial_one_lambert()
    {
        Assert.IsType<AlbersEqualAreaConic>(ProjectionChooser.Choose(5, 47, 15, 55));
        Assert.IsType<LambertAzimuthalEqualArea>(ProjectionChooser.Choose(95, -11, 141, 6));
        Assert.IsType<EqualEarth>(ProjectionChooser.Choose(-180, -60, 180, 85));
    }

    private static IEnumerable<(double, double)> Densified((double, double)[] corners)
    {
        for (var i = 0; i < corners.Length; i++)
        {
            var (a, b) = (corners[i], corners[(i + 1) % corners.Length]);
            for (var k = 0; k < 50; k++)
            {
                yield return (a.Item1 + ((b.Item1 - a.Item1) * k / 50), a.Item2 + ((b.Item2 - a.Item2) * k / 50));
            }
        }
    }

    private static SourceMap WorldMap()
    {
        var folder = Path.Combine(RepositoryFiles.MapData, "world_by_country_since_2022");
        return GeoJsonMapReader.Read(File.ReadAllBytes(RepositoryFiles.GeoJson(folder)), "ISO_CODE");
    }

    private static int Index(SourceMap map, string id) => map.Regions.ToList().FindIndex(r => r.Id == id);

    private static IEqualAreaProjection Create(string name) => name switch
    {
        "equal-earth" => new EqualEarth(10),
        "lambert" => new LambertAzimuthalEqualArea(-100, 40),
        _ => new AlbersEqualAreaConic(-96, 37.5, 29.5, 45.5),
    };
}
