using System.IO.Compression;
using System.Text.Json;

namespace GoCart.Site.Cartograms;

/// <summary>Large JSON is stored gzip-compressed: maps and results shrink five- to tenfold.</summary>
public static class CompressedJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static byte[] Compress(ReadOnlySpan<byte> json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(json);
        }

        return buffer.ToArray();
    }

    public static byte[] Decompress(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    public static byte[] Serialize<T>(T value) => Compress(JsonSerializer.SerializeToUtf8Bytes(value, Options));

    public static T Deserialize<T>(byte[] compressed) =>
        JsonSerializer.Deserialize<T>(Decompress(compressed), Options) ?? throw new InvalidDataException($"Stored {typeof(T).Name} is empty.");
}
