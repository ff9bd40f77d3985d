using GoCart.Lambda.Geo;

namespace GoCart.Site.Tests.Geo;

public class RegionValuesTests
{
    [Fact]
    public void Names_match_despite_case_spaces_and_diacritics()
    {
        var matched = RegionValues.Match(["Baden-Württemberg", "Île-de-France"], [("  baden-wurttemberg ", 1.0), ("ILE-DE-FRANCE", 2.0)]);

        Assert.Equal([1.0, 2.0], matched.Values);
        Assert.Empty(matched.Warnings);
    }

    [Fact]
    public void The_diacritic_table_pairs_every_letter()
    {
        Assert.Equal("aceilnosuz", RegionValues.Loose("ÅÇÉÏŁÑØŠŮŽ"));
    }

    [Fact]
    public void Unknown_regions_are_listed_with_a_suggestion()
    {
        var error = Assert.Throws<MapInputException>(() => RegionValues.Match(["Bavaria", "Saxony"], [("Bavria", 1.0), ("Atlantis", 2.0)]));

        Assert.Contains("\"Bavria\" (did you mean \"Bavaria\"?)", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"Atlantis\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_without_data_are_missing_values_with_a_warning()
    {
        var matched = RegionValues.Match(["A", "B"], [("A", 1.0)]);

        Assert.Null(matched.Values[1]);
        Assert.Contains("B", matched.Warnings.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_rows_for_one_region_are_refused()
    {
        var error = Assert.Throws<MapInputException>(() => RegionValues.Match(["Zürich"], [("Zürich", 1.0), ("zurich", 2.0)]));

        Assert.Contains("Two rows", error.Message, StringComparison.Ordinal);
    }
}
