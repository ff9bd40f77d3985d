using GoCart.Lambda.Geo;

namespace GoCart.Site.Tests.Geo;

public class RegionDataCsvTests
{
    [Fact]
    public void Csv_with_semicolons_bom_quotes_and_crlf_is_read()
    {
        var text = "\uFEFF\"name\";\"Population (people)\";Colour;Inset;Label\r\n\"Côte; d'Ivoire\";\"1 234\";#AbC;l;CI\r\nB;NA;;;\r\n";

        var data = RegionDataCsv.Parse(text);

        Assert.Equal("name", data.IdColumn);
        Assert.Equal("Population (people)", data.ValueColumn);
        Assert.Equal(new RegionDataRow(2, "Côte; d'Ivoire", 1234, "#abc", "L", "CI"), data.Rows[0]);
        Assert.Null(data.Rows[1].Value);
    }

    [Fact]
    public void Tab_separated_data_with_thousands_commas_is_read()
    {
        var data = RegionDataCsv.Parse("id\tGDP (USD)\nA\t1,234,567.5\nB\t12\n");

        Assert.Equal(1234567.5, data.Rows[0].Value);
    }

    [Fact]
    public void The_value_column_is_chosen_by_name_or_defaults_to_the_first_unit_column()
    {
        const string text = "AFFGEOID,Population (people),Color,Inset,Label,ALAND,GEOID\nX,10,,,,999,1\n";

        Assert.Equal("Population (people)", RegionDataCsv.Parse(text).ValueColumn);
        Assert.Equal("ALAND", RegionDataCsv.Parse(text, "aland").ValueColumn);
        Assert.Equal(["Population (people)"], RegionDataCsv.Parse(text).ValueColumns);
    }

    [Theory]
    [InlineData("id,Value (x)\nA,-5\n", "Line 2, region \"A\": -5 is negative")]
    [InlineData("id,Value (x)\nA,lots\n", "Line 2, region \"A\": \"lots\" in column \"Value (x)\" is not a number")]
    [InlineData("id,Value (x)\nA,NaN\n", "Line 2, region \"A\": \"NaN\"")]
    [InlineData("id,Value (x)\nA,1\nA,2\n", "\"A\" appears twice in the data file (lines 2 and 3)")]
    [InlineData("id,Value (x)\n\"A,1\n", "quote opened on line 2 that is never closed")]
    [InlineData("", "empty")]
    [InlineData("id,Value (x)\n", "no rows")]
    [InlineData("id,Value (x),Inset\nA,1,X\n", "inset \"X\" must be one of C")]
    [InlineData("id,Value (x),Color\nA,1,red\n", "colour \"red\" is not a hex colour")]
    public void Bad_data_gets_a_message_naming_line_and_region(string text, string expected)
    {
        var error = Assert.ThrowsAny<MapInputException>(() => RegionDataCsv.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_value_column_lists_the_columns_there_are()
    {
        var error = Assert.Throws<MapInputException>(() => RegionDataCsv.Parse("id,A (x),B (y)\nr,1,2\n", "C"));

        Assert.Contains("A (x), B (y)", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Dialects => new()
    {
        { "pipe", "id|GDP (billion EUR)\nTexas|2355.5\nOhio|822\n" },
        { "semicolon, decimal commas", "id;GDP (billion EUR)\nTexas;2355,5\nOhio;822\n" },
        { "semicolon, decimal commas and dot groups", "id;GDP (billion EUR)\n\"Texas\";2.355,5\nOhio;822,0\n" },
        { "comma, quoted thousands", "id,GDP (billion EUR)\nTexas,\"2,355.5\"\nOhio,822\n" },
        { "tab, trailing spaces and percent-free scientific", "id\tGDP (billion EUR)\nTexas  \t2.3555e3\n  Ohio\t8.22E+2\n" },
        { "CR line ends", "id,GDP (billion EUR)\rTexas,2355.5\rOhio,822\r" },
        { "no unit in the header", "id,GDP\nTexas,2355.5\nOhio,822\n" },
    };

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Csv_dialects_read_the_same_numbers(string dialect, string text)
    {
        var data = RegionDataCsv.Parse(text);

        Assert.True(data.Rows.Select(r => r.Id).SequenceEqual(["Texas", "Ohio"]), dialect);
        Assert.Equal(2355.5, data.Rows[0].Value);
        Assert.Equal(822, data.Rows[1].Value);
    }

    [Fact]
    public void Percentages_and_missing_markers_are_read()
    {
        var data = RegionDataCsv.Parse("id,Share (%)\nA,12.5%\nB,NA\nC,\nD,#N/A\nE,-\n");

        Assert.Equal([12.5, null, null, null, null], data.Rows.Select(r => r.Value));
        Assert.Equal("Share (%)", data.ValueColumn);
    }

    [Fact]
    public void Values_from_1_to_a_billion_keep_every_digit()
    {
        var data = RegionDataCsv.Parse("id,Value (x)\nA,1\nB,\"1,000,000,000\"\nC,1 000 000 000\nD,1e9\n");

        Assert.Equal([1, 1e9, 1e9, 1e9], data.Rows.Select(r => r.Value));
    }
}
