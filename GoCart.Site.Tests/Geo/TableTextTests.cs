using System.Text;
using GoCart.Lambda.Geo;

namespace GoCart.Site.Tests.Geo;

public class TableTextTests
{
    private const string Text = "name,Population (people)\nZürich,1\nCôte d'Ivoire,2\n";

    public static TheoryData<string, byte[]> Encodings()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return new()
        {
            { "UTF-8", Encoding.UTF8.GetBytes(Text) },
            { "UTF-8 with BOM", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text)] },
            { "UTF-16 LE with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text)] },
            { "UTF-16 BE with BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Text)] },
            { "Windows-1252", Encoding.GetEncoding(1252).GetBytes(Text) },
            { "ISO-8859-1", Encoding.Latin1.GetBytes(Text) },
        };
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Every_encoding_a_spreadsheet_saves_reads_back_the_same_names(string encoding, byte[] bytes)
    {
        var data = RegionDataCsv.Parse(TableText.Decode(bytes));

        Assert.True(data.Rows.Select(r => r.Id).SequenceEqual(["Zürich", "Côte d'Ivoire"]), encoding);
    }

    [Fact]
    public void Windows_1252_only_characters_survive()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("name,Price (€)\n“Quoted” – dash,1\n");

        Assert.Equal("“Quoted” – dash", RegionDataCsv.Parse(TableText.Decode(bytes)).Rows[0].Id);
    }
}
