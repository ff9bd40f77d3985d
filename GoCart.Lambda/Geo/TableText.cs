using System.Text;

namespace GoCart.Lambda.Geo;

/// <summary>
/// A data file's bytes as text: UTF-8 (with or without a byte-order mark), UTF-16 with its byte-order mark,
/// and otherwise the legacy Windows encoding spreadsheets save "CSV" in (Windows-1252, a superset of
/// ISO-8859-1), so "Zürich" and "Côte d'Ivoire" survive whichever way the file was saved.
/// </summary>
public static class TableText
{
    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    public static string Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> content = bytes;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(content[3..]);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(content[2..]);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(content[2..]);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.Value.GetString(content);
        }
    }
}
