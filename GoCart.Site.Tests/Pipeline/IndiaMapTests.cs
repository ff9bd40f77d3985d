using GoCart.Lambda.Geo;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Pipeline;

/// <summary>
/// go-cart.io's India, the library's oddest map: planar in a frame of about 512 units (not metres) and with five
/// self-intersecting states (its note names them). The reader keeps it planar and repairs exactly those five,
/// saying so; its cartogram is checked with the others (<see cref="ShippedMapsTests"/>).
/// </summary>
public class IndiaMapTests
{
    private const string India = "india_by_state_and_union_territory";

    [LibraryFact]
    public void India_is_read_as_planar_and_its_five_self_intersecting_states_are_repaired_by_name()
    {
        var folder = Path.Combine(RepositoryFiles.MapData, India);
        var data = RegionDataCsv.Parse(File.ReadAllText(RepositoryFiles.PopulationCsv(folder)));

        var map = GeoJsonMapReader.Read(File.ReadAllBytes(RepositoryFiles.GeoJson(folder)), data.IdColumn);

        Assert.False(map.IsLonLat);
        Assert.Equal(35, map.Regions.Count);
        Assert.All(map.Regions, r => Assert.True(r.Geometry.IsValid, $"{r.Id} is still invalid"));
        var repaired = map.Warnings.Where(w => w.Contains("were repaired", StringComparison.Ordinal)).ToList();
        string[] fiveOfTheNote = ["Andaman and Nicobar Islands", "Andhra Pradesh", "Gujarat", "Odisha", "West Bengal"];
        Assert.True(repaired.Count == 5, string.Join('\n', map.Warnings));
        Assert.All(fiveOfTheNote, state => Assert.Contains(repaired, w => w.Contains(state, StringComparison.Ordinal)));
    }
}
