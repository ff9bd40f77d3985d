using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Reads a zipped Esri shapefile (.shp and .dbf, with optional .shx, .prj and .cpg): the attribute table in the
/// code page its .cpg (or the .dbf's language byte) names, and the coordinates as longitude/latitude when the .prj
/// is geographic (WGS 84, NAD 83, ETRS 89...) or as planar when it is projected. A zip holding several shapefiles
/// needs the layer to be named (<c>object</c>), else the one with the most records is read.
/// </summary>
public static class ShapefileZipReader
{
    static ShapefileZipReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    public static SourceMap Read(ReadOnlyMemory<byte> zip, string? regionIdProperty, string? layer, MapReadLimits limits)
    {
        var warnings = new List<string>();
        var (features, lonLat) = Features(zip, layer, limits, warnings);
        return SourceMapBuilder.Build(features, regionIdProperty, limits, lonLat, warnings);
    }

    public static (List<MapFeature> Features, bool? LonLat) Features(ReadOnlyMemory<byte> zip, string? layer, MapReadLimits limits, List<string> warnings)
    {
        using var archive = Open(zip);
        var files = archive.Entries.Where(e => !e.FullName.EndsWith('/') && !e.FullName.Contains("__MACOSX", StringComparison.Ordinal)).ToList();
        var unpacked = files.Sum(e => e.Length);
        if (unpacked > limits.MaxUnzippedBytes)
        {
            throw new MapInputException($"The zip unpacks to {unpacked / (1024.0 * 1024):0} MB; GoCart reads at most {limits.MaxUnzippedBytes / (1024 * 1024)} MB. Simplify the shapefile (for example mapshaper map.shp -simplify 10% -o simplified.shp) and zip it again.");
        }

        var layers = files.Where(e => e.FullName.EndsWith(".shp", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.FullName[..^4]).ToList();
        if (layers.Count == 0)
        {
            throw new MapInputException($"The zip holds no .shp file ({(files.Count == 0 ? "it is empty" : "it has " + string.Join(", ", files.Take(10).Select(f => f.FullName)))}); zip the shapefile's .shp, .shx, .dbf and .prj together.");
        }

        var chosen = Choose(layers, layer, files, warnings);
        var shp = Entry(files, chosen, ".shp") ?? throw new MapInputException($"The zip has no {chosen}.shp.");
        var dbf = Entry(files, chosen, ".dbf") ?? throw new MapInputException($"The zip has {Path.GetFileName(chosen)}.shp but no {Path.GetFileName(chosen)}.dbf; a shapefile needs its .dbf attribute table: zip the .shp, .shx, .dbf and .prj together.");
        var lonLat = CoordinateKind(Text(Entry(files, chosen, ".prj")), chosen, warnings);
        var options = new ShapefileReaderOptions
        {
            Encoding = CodePage(Text(Entry(files, chosen, ".cpg")), warnings),
            GeometryBuilderMode = GeometryBuilderMode.IgnoreInvalidShapes,
        };

        Feature[] records;
        try
        {
            using var shpStream = Buffered(shp);
            using var dbfStream = Buffered(dbf);
            records = Shapefile.ReadAllFeatures(shpStream, dbfStream, options);
        }
        catch (Exception exception) when (exception is not MapInputException and not OutOfMemoryException)
        {
            throw new MapInputException($"{Path.GetFileName(chosen)}.shp or its .dbf could not be read ({exception.Message}); check the files are complete, or export the layer again.", exception);
        }

        MapReadLimits.CheckRegions(records.Length, limits);
        var properties = PropertiesOf(records);
        var features = new List<MapFeature>(records.Length);
        for (var i = 0; i < records.Length; i++)
        {
            var geometry = records[i].Geometry;
            var polygons = geometry switch
            {
                Polygon p => [p],
                MultiPolygon m => m.Geometries.Cast<Polygon>().ToList(),
                null => [],
                _ when geometry.IsEmpty => [],
                _ => (List<Polygon>?)null,
            };
            features.Add(new MapFeature(i + 1, null, properties[i], polygons, polygons is null ? $"a {geometry!.GeometryType}" : null));
        }

        return (features, lonLat);
    }

    private static ZipArchive Open(ReadOnlyMemory<byte> zip)
    {
        try
        {
            return new ZipArchive(new MemoryStream(zip.ToArray(), writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException exception)
        {
            throw new MapInputException("The file starts like a zip but cannot be opened as one; check that it was not truncated.", exception);
        }
    }

    private static string Choose(List<string> layers, string? layer, List<ZipArchiveEntry> files, List<string> warnings)
    {
        var names = string.Join(", ", layers.Select(l => $"\"{Path.GetFileName(l)}\""));
        if (layer is { Length: > 0 })
        {
            return layers.FirstOrDefault(l => string.Equals(Path.GetFileName(l), layer, StringComparison.OrdinalIgnoreCase))
                ?? throw new MapInputException($"The zip has no shapefile \"{layer}\"; it has {names}.");
        }

        if (layers.Count == 1)
        {
            return layers[0];
        }

        var largest = layers.MaxBy(l => Entry(files, l, ".shp")!.Length)!;
        warnings.Add($"The zip holds the shapefiles {names}; using \"{Path.GetFileName(largest)}\", the largest (choose another with \"object\").");
        return largest;
    }

    private static ZipArchiveEntry? Entry(List<ZipArchiveEntry> files, string layer, string extension) =>
        files.FirstOrDefault(e => e.FullName.Length == layer.Length + extension.Length
            && e.FullName.StartsWith(layer, StringComparison.Ordinal) && e.FullName.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    private static MemoryStream Buffered(ZipArchiveEntry entry)
    {
        var buffer = new MemoryStream((int)Math.Min(entry.Length, int.MaxValue));
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static string? Text(ZipArchiveEntry? entry)
    {
        if (entry is null)
        {
            return null;
        }

        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd().Trim();
    }

    /// <summary>Geographic when the .prj's outermost definition is GEOGCS (WKT 1) or GEOGCRS/GEODCRS (WKT 2); planar when it is projected; null (judge by extent) without a .prj.</summary>
    private static bool? CoordinateKind(string? prj, string layer, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(prj))
        {
            warnings.Add($"{Path.GetFileName(layer)} has no .prj; its coordinates are read as longitude/latitude if they fit, else as planar.");
            return null;
        }

        var head = prj.TrimStart().ToUpperInvariant();
        if (head.StartsWith("GEOGCS", StringComparison.Ordinal) || head.StartsWith("GEOGCRS", StringComparison.Ordinal) || head.StartsWith("GEODCRS", StringComparison.Ordinal))
        {
            return true;
        }

        if (head.StartsWith("PROJCS", StringComparison.Ordinal) || head.StartsWith("PROJCRS", StringComparison.Ordinal))
        {
            return false;
        }

        warnings.Add($"{Path.GetFileName(layer)}.prj is not a coordinate system GoCart recognises; its coordinates are read as longitude/latitude if they fit, else as planar.");
        return null;
    }

    /// <summary>The .cpg's code page ("UTF-8", "1252", "ISO-8859-1"...), or null to let the reader use the .dbf's language byte.</summary>
    private static Encoding? CodePage(string? cpg, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(cpg))
        {
            return null;
        }

        var name = cpg.Trim();
        try
        {
            return int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var codePage)
                ? Encoding.GetEncoding(codePage)
                : Encoding.GetEncoding(name.StartsWith("ANSI ", StringComparison.OrdinalIgnoreCase) ? name[5..] : name);
        }
        catch (ArgumentException)
        {
            warnings.Add($"The .cpg names the code page \"{name}\", which GoCart does not know; the attribute table was read with the .dbf's own code page.");
            return null;
        }
    }

    /// <summary>Each record's attributes as a JSON object, so every reader hands the builder the same kind of properties.</summary>
    private static List<JsonElement> PropertiesOf(Feature[] records)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var record in records)
            {
                writer.WriteStartObject();
                var attributes = record.Attributes;
                foreach (var name in attributes?.GetNames() ?? [])
                {
                    switch (attributes![name])
                    {
                        case null or DBNull:
                            writer.WriteNull(name);
                            break;
                        case string s:
                            writer.WriteString(name, s.Trim());
                            break;
                        case double d when double.IsFinite(d):
                            writer.WriteNumber(name, d);
                            break;
                        case int n:
                            writer.WriteNumber(name, n);
                            break;
                        case long n:
                            writer.WriteNumber(name, n);
                            break;
                        case decimal m:
                            writer.WriteNumber(name, m);
                            break;
                        case bool b:
                            writer.WriteBoolean(name, b);
                            break;
                        case DateTime t:
                            writer.WriteString(name, t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                            break;
                        case var other:
                            writer.WriteString(name, Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture));
                            break;
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
