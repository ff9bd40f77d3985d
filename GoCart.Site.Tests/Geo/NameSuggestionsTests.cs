using GoCart.Lambda.Geo;

namespace GoCart.Site.Tests.Geo;

public class NameSuggestionsTests
{
    private static readonly NameSuggestions States = new([
        ["TX", "Texas"], ["OH", "Ohio"], ["NY", "New York"], ["WV", "West Virginia"], ["VA", "Virginia"],
        ["BO", "Bolivia (Plurinational State of)"],
    ]);

    [Theory]
    [InlineData("Texass", 0)]
    [InlineData("texsa", 0)]
    [InlineData("Ohoi", 1)]
    [InlineData("New Yrok", 2)]
    [InlineData("Virgina", 4)]
    [InlineData("West Virgina", 3)]
    [InlineData("Bolivia", 5)]
    public void A_misspelt_name_suggests_the_region_meant(string name, int expected)
    {
        Assert.Equal(expected, States.Closest(name));
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("X")]
    [InlineData("")]
    public void A_name_like_no_region_gets_no_suggestion(string name)
    {
        Assert.Equal(-1, States.Closest(name));
    }

    [Fact]
    public void Between_equally_close_regions_the_one_without_a_value_wins()
    {
        var twins = new NameSuggestions([["Aaron"], ["Baron"]]);

        Assert.Equal(0, twins.Closest("Caron", [false, false]));
        Assert.Equal(1, twins.Closest("Caron", [true, false]));
    }
}
