using System.IO.Compression;
using System.Text;
using GoCart.Lambda.Geo;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;

namespace GoCart.Site.Tests.Geo;

/// <summary>Zipped shapefiles written here with a legacy code page and a projected .prj, read as a user's would be.</summary>
public class ShapefileZipReaderTests
{
    private const string ProjectedPrj = """PROJCS["ETRS89 / LAEA Europe",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",SPHEROID["GRS 1980",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Lambert_Azimuthal_Equal_Area"],UNIT["metre",1]]""";

    [Fact]
    public void A_windows_1252_table_and_a_projected_prj_are_honoured()
    {
        var zip = Zip(Encoding.GetEncoding(1252), "1252", ProjectedPrj, [("Zürich", Square(0, 0)), ("Genève", Square(20, 0))]);

        var map = MapFileReader.Read(zip, "NAME", null);

        Assert.Equal(["Zürich", "Genève"], map.Regions.Select(r => r.Id));
        Assert.False(map.IsLonLat);
    }

    [Fact]
    public void A_zip_without_a_dbf_says_what_to_include()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("regions.shp").Open();
            entry.Write(new byte[100]);
        }

        var error = Assert.Throws<MapInputException>(() => MapFileReader.Read(buffer.ToArray(), null, null));

        Assert.Contains("no regions.dbf", error.Message, StringComparison.Ordinal);
    }

    private static Polygon Square(double x, double y) =>
        new GeometryFactory().CreatePolygon([new(x, y), new(x, y + 10), new(x + 10, y + 10), new(x + 10, y), new(x, y)]);

    private static byte[] Zip(Encoding encoding, string cpg, string prj, List<(string Name, Polygon Shape)> regions)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var folder = Directory.CreateTempSubdirectory("gocart-shp");
        try
        {
            var features = regions.Select(r => new Feature(r.Shape, new AttributesTable { { "NAME", r.Name } })).ToList();
            Shapefile.WriteAllFeatures(features, Path.Combine(folder.FullName, "regions.shp"), prj, encoding);
            File.WriteAllText(Path.Combine(folder.FullName, "regions.cpg"), cpg);
            using var buffer = new MemoryStream();
            using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var file in Directory.EnumerateFiles(folder.FullName))
                {
                    archive.CreateEntryFromFile(file, Path.GetFileName(file));
                }
            }

            return buffer.ToArray();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
