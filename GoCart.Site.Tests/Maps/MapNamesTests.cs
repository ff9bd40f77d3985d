using GoCart.Site.Maps;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Maps;

public class MapNamesTests
{
    [LibraryTheory]
    [InlineData("colombia_by_department", "Colombia by department")]
    [InlineData("usa_by_state_since_1959", "USA by state (since 1959)")]
    [InlineData("china_by_province_with_chinese_taipei_since_1998", "China by province with Chinese Taipei (since 1998)")]
    [InlineData("world_by_region_wo_antarctica", "World by region (without Antarctica)")]
    [InlineData("india_by_state_and_union_territory", "India by state and union territory")]
    [InlineData("metropolitan_france_by_departement_since_2015", "Metropolitan France by département (since 2015)")]
    [InlineData("eu_by_country_until_2020", "EU by country (until 2020)")]
    [InlineData("bosnia_and_herzegovina_by_canton", "Bosnia and Herzegovina by canton")]
    [InlineData("belgium_by_region_simplified_since_1995", "Belgium by region (simplified, since 1995)")]
    public void Map_names_read_as_people_write_them(string id, string name)
    {
        Assert.Equal(name, MapNames.Readable(id));
    }

    /// <summary>Every listed map of go-cart.io's library, named as LibraryMapNames.tsv (read by a person) says: a new map needs its line.</summary>
    [LibraryFact]
    public void Every_library_map_has_the_name_people_write()
    {
        var expected = File.ReadLines(Path.Combine(RepositoryFiles.Root, "GoCart.Site.Tests", "Maps", "LibraryMapNames.tsv")).Skip(1)
            .Select(line => line.Split('\t')).ToDictionary(cells => cells[0], cells => cells[1], StringComparer.Ordinal);
        var listed = new MapLibrary(RepositoryFiles.MapData).Listed.ToList();

        var wrong = listed.Where(m => expected.GetValueOrDefault(m.Id) != m.Name)
            .Select(m => $"{m.Id}: \"{m.Name}\", LibraryMapNames.tsv says \"{expected.GetValueOrDefault(m.Id) ?? "nothing"}\"").ToList();

        Assert.True(listed.Count > 80, $"{listed.Count} listed maps in {RepositoryFiles.MapData}");
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [LibraryTheory]
    [InlineData("world_by_country", "World")]
    [InlineData("arab_league_by_country", "World")]
    [InlineData("nigeria_by_state", "Africa")]
    [InlineData("contiguous_usa_by_county", "Americas")]
    [InlineData("asean_by_country", "Asia")]
    [InlineData("metropolitan_france_by_departement_since_2015", "Europe")]
    [InlineData("new_zealand_by_region", "Oceania")]
    [InlineData("atlantis_by_district", "Other")]
    public void Maps_are_grouped_by_the_continent_of_their_place(string id, string continent)
    {
        Assert.Equal(continent, MapContinents.Of(id));
    }
}
