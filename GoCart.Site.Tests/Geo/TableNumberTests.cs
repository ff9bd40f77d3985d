using GoCart.Lambda.Geo;

namespace GoCart.Site.Tests.Geo;

public class TableNumberTests
{
    [Theory]
    [InlineData("1234567", false, 1234567)]
    [InlineData("1,234,567", false, 1234567)]
    [InlineData("1,234,567.25", false, 1234567.25)]
    [InlineData("1 234 567", false, 1234567)]
    [InlineData("1\u00A0234\u00A0567", false, 1234567)]
    [InlineData("1\u202F234", false, 1234)]
    [InlineData("1'234'567", false, 1234567)]
    [InlineData("1.234.567", false, 1234567)]
    [InlineData("3,5", false, 3.5)]
    [InlineData("0,25", false, 0.25)]
    [InlineData("2.4e12", false, 2.4e12)]
    [InlineData("2,4E+12", true, 2.4e12)]
    [InlineData("1.5E-3", false, 0.0015)]
    [InlineData("+42", false, 42)]
    [InlineData("12.5%", false, 12.5)]
    [InlineData(" 12,5 % ", true, 12.5)]
    [InlineData("1.234,5", true, 1234.5)]
    [InlineData("1.234.567,89", true, 1234567.89)]
    [InlineData("1,234", true, 1.234)]
    [InlineData("1,234", false, 1234)]
    [InlineData("1e308", false, 1e308)]
    public void Numbers_written_as_people_write_them_are_read(string text, bool decimalComma, double expected)
    {
        Assert.True(TableNumber.TryParse(text, decimalComma, out var value), text);
        Assert.Equal(expected, value, 1e-9 * Math.Max(1, Math.Abs(expected)));
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("12 apples")]
    [InlineData("1,2,3")]
    [InlineData("%")]
    public void Text_that_is_no_number_is_refused(string text)
    {
        Assert.False(TableNumber.TryParse(text, false, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("NA")]
    [InlineData("n/a")]
    [InlineData("#N/A")]
    [InlineData("-")]
    [InlineData("..")]
    public void Missing_value_markers_are_missing(string text)
    {
        Assert.True(TableNumber.IsMissing(text));
    }

    [Theory]
    [InlineData(new[] { "3,5", "12", "1,234" }, ',', true)]
    [InlineData(new[] { "1.234,5", "7" }, ',', true)]
    [InlineData(new[] { "3.5", "1,234" }, ',', false)]
    [InlineData(new[] { "1,234", "5,678" }, ',', false)]
    [InlineData(new[] { "1,234", "5,678" }, ';', true)]
    [InlineData(new[] { "1234", "NA" }, ';', false)]
    public void A_column_decides_once_whether_its_commas_are_decimal(string[] cells, char delimiter, bool expected)
    {
        Assert.Equal(expected, TableNumber.UsesDecimalComma(cells, delimiter));
    }
}
