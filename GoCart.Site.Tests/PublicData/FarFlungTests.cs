using System.Text.Json;
using GoCart.Lambda.Contract;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Geo.Projections;
using GoCart.Lambda.Pipeline;
using GoCart.Site.Tests.Geo;
using NetTopologySuite.Geometries;
using Xunit.Abstractions;

namespace GoCart.Site.Tests.PublicData;

/// <summary>
/// Far-flung regions and far parts on the public files and go-cart.io's EU map: found, drawn as insets so that the
/// main map fills the frame, or left out with warnings that name them; world maps find none and get Equal Earth.
/// </summary>
public class FarFlungTests(ITestOutputHelper output)
{
    /// <summary>Alaska 02, Hawaii 15, American Samoa 60, Guam 66, Northern Mariana Islands 69, Puerto Rico 72, US Virgin Islands 78.</summary>
    private static readonly string[] FarFromTheStates = ["02", "15", "60", "66", "69", "72", "78"];

    private static readonly string[] FrenchOverseas = ["Réunion (55.5° E)", "French Guiana (53° W)"];

    [Theory]
    [InlineData("states-10m.json")]
    [InlineData("states-10m.geojson")]
    public void Us_atlas_states_find_alaska_hawaii_and_the_territories_and_nothing_else(string file)
    {
        var map = MapFileReader.Read(File.ReadAllBytes(Path.Combine(PublicMaps.Folder, file)), null, null);
        var ids = map.Regions.ToDictionary(r => r.Id, r => FarFlungChoice.Named(r));
        output.WriteLine(string.Join(", ", map.FarFlung.Select(f => $"{ids[f.Key]}: {f.Value}")));

        Assert.Equal(FarFromTheStates, map.FarFlung.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("L", map.FarFlung["02"]);
        Assert.Equal("B", map.FarFlung["72"]);
        Assert.Empty(map.FarParts);
    }

    [Theory]
    [InlineData("countries-110m.json")]
    [InlineData("countries-50m.json")]
    public void World_maps_find_nothing_far_and_are_projected_with_equal_earth(string file)
    {
        var map = MapFileReader.Read(File.ReadAllBytes(Path.Combine(PublicMaps.Folder, file)), "name", null);

        Assert.Empty(map.FarFlung);
        var projected = MapProjector.Project([.. map.Regions.Select(r => r.Geometry)]);
        Assert.IsType<EqualEarth>(projected.Projection);
        output.WriteLine($"{file}: far parts of {string.Join(", ", map.FarParts.Keys)}");
    }

    [Fact]
    public void Insets_keep_the_states_main_land_filling_the_frame_where_kept_it_shrinks_into_a_corner()
    {
        var kept = Compute(FarFlungChoice.KeepText);
        var insets = Compute(FarFlungChoice.InsetsText);

        var keptShare = MainLandShare(kept);
        var insetShare = MainLandShare(insets);
        output.WriteLine($"conterminous states' share of the frame: kept {keptShare:P1}, as insets {insetShare:P1}");
        // Kept, Guam, Samoa and the Aleutians stretch the frame across the Pacific (11.8% measured); as insets 47.3%.
        Assert.True(keptShare < 0.15, $"kept: {keptShare:P1}");
        Assert.True(insetShare > 0.4 && insetShare > 3 * keptShare, $"insets: {insetShare:P1}, kept {keptShare:P1}");
        Assert.DoesNotContain(insets.Warnings, w => w.Contains("lie far from the main map", StringComparison.Ordinal));
        Assert.Contains(Compute(null).Warnings, w => w.Contains("lie far from the main map", StringComparison.Ordinal) && w.Contains("\"insets\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Leaving_out_the_far_flung_states_names_them_and_ignores_their_values()
    {
        var result = Compute(FarFlungChoice.LeaveOutText);

        Assert.Equal(56 - FarFromTheStates.Length, result.Regions.Count);
        var warning = Assert.Single(result.Warnings, w => w.StartsWith("Left out of the map, as chosen:", StringComparison.Ordinal));
        Assert.Contains("\"02\" (Alaska)", warning, StringComparison.Ordinal);
        Assert.Contains("\"66\" (Guam)", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Regions, r => FarFromTheStates.Contains(r.Id));
    }

    [Fact]
    public void A_region_to_leave_out_that_the_map_lacks_is_an_error_naming_it()
    {
        var error = Assert.Throws<CartogramException>(() => Compute(null, ["99"]));

        Assert.Equal(CartogramErrorKind.InvalidInput, error.Kind);
        Assert.Contains("The region \"99\" to leave out is not on the map", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_far_flung_word_is_an_error_listing_the_right_ones()
    {
        var error = Assert.Throws<CartogramException>(() => Compute("sideways"));

        Assert.Contains("options.farFlung is \"sideways\"; give \"keep\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"leave-out\"", error.Message, StringComparison.Ordinal);
    }

    [LibraryFact]
    public void The_eu_map_finds_frances_overseas_parts_and_leaves_them_out_by_choice_naming_france()
    {
        var bytes = File.ReadAllBytes(RepositoryFiles.GeoJson(Path.Combine(RepositoryFiles.MapData, "eu_by_country_until_2020")));
        var map = MapFileReader.Read(bytes, "id", null);
        output.WriteLine(string.Join(", ", map.FarParts.Select(p => $"{p.Key}: {p.Value.Count}")));

        Assert.Empty(map.FarFlung);
        var france = map.Regions.Single(r => r.Id == "FR");
        var far = map.FarParts["FR"].Select(i => france.Geometry.GetGeometryN(i).Centroid).ToList();
        Assert.Contains(far, c => c.X > 55 && c.X < 56 && c.Y < -20);
        Assert.Contains(far, c => c.X > -55 && c.X < -51 && c.Y > 2 && c.Y < 6);
        Assert.All(far, c => Assert.False(c.X > -10 && c.X < 10 && c.Y > 41, $"{c} is in metropolitan France ({string.Join(", ", FrenchOverseas)} are not)"));

        var trimmed = new FarFlungChoice(FarFlungMode.Keep, [], true).Apply(map);
        Assert.Contains(trimmed.Warnings, w => w.StartsWith("Far parts left out, as chosen:", StringComparison.Ordinal) && w.Contains("\"FR\" (France)", StringComparison.Ordinal));
        Assert.Equal(france.Geometry.NumGeometries - far.Count, trimmed.Regions.Single(r => r.Id == "FR").Geometry.NumGeometries);
        Assert.Empty(trimmed.FarParts);

        var rewritten = MapFileReader.Read(SourceMapGeoJson.Write(trimmed), "id", null);
        Assert.Equal(trimmed.Regions.Select(r => r.Id), rewritten.Regions.Select(r => r.Id));
        Assert.False(rewritten.FarParts.ContainsKey("FR"), "France keeps no far parts once written back");
    }

    private static ComputedCartogram Compute(string? farFlung, IReadOnlyList<string>? leaveOut = null)
    {
        var bytes = File.ReadAllBytes(PublicMaps.States10mTopoJson);
        var map = MapFileReader.Read(bytes, null, null);
        var request = new CartogramRequest
        {
            Key = "far-flung",
            Geometry = JsonDocument.Parse(bytes).RootElement,
            Values = SyntheticValues.For(map, fromDecade: 5),
            Options = new CartogramOptions { FarFlung = farFlung, LeaveOut = leaveOut, MaxAreaError = 0.05 },
        };
        return new CartogramPipeline(new EngineSettings(), MapReadLimits.Default).Compute(request, null, null, CancellationToken.None);
    }

    /// <summary>The conterminous states' envelope (the 48 and DC) as a share of the whole equal-area map's.</summary>
    private static double MainLandShare(ComputedCartogram result)
    {
        var frame = new Envelope();
        var main = new Envelope();
        for (var i = 0; i < result.Regions.Count; i++)
        {
            var box = result.EqualAreaMap[i].EnvelopeInternal;
            frame.ExpandToInclude(box);
            if (!FarFromTheStates.Contains(result.Regions[i].Id))
            {
                main.ExpandToInclude(box);
            }
        }

        return main.Area / frame.Area;
    }
}
