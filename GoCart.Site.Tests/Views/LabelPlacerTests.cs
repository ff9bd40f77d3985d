using GoCart.Lambda.Drawing;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace GoCart.Site.Tests.Views;

/// <summary>Labels on the US states and the world map: none overlap, each sits inside its region, and every region whose label fits has one.</summary>
public sealed class LabelPlacerTests
{
    [Theory]
    [InlineData("usa_by_state", 20)]
    [InlineData("world_by_country", 25)]
    public void No_two_labels_overlap_and_every_region_whose_label_fits_has_one(string mapId, int atLeast)
    {
        var map = StarterMapGeometry.Read(mapId);
        var frame = MapFrame.Fit(MapFrame.EnvelopeOf(map.Regions), 640);
        var names = map.Names.Cast<string?>().ToList();
        var outcomes = LabelPlacer.Outcomes(map.Regions, names, frame);
        var placed = outcomes.OfType<LabelOutcome.Placed>().Select(p => p.Label).ToList();

        Assert.True(placed.Count >= atLeast, $"Only {placed.Count} labels placed.");
        for (var a = 0; a < placed.Count; a++)
        {
            for (var b = a + 1; b < placed.Count; b++)
            {
                Assert.False(placed[a].Box.Overlaps(placed[b].Box), $"{placed[a].Text} overlaps {placed[b].Text}.");
            }
        }

        var factory = new GeometryFactory();
        foreach (var label in placed)
        {
            var part = PreparedGeometryFactory.Prepare(LabelPlacer.LargestPart(map.Regions[label.Region])!);
            Assert.True(LabelPlacer.Inside(part, label.Box, frame, factory), $"{label.Text} sticks out of its region.");
            Assert.InRange(label.FontSize, LabelPlacer.MinFontSize, LabelPlacer.MaxFontSize);
        }

        // A region left without a label either cannot hold even its short form at the smallest size, or would cover a placed label.
        foreach (var outcome in outcomes.Where(o => o is not LabelOutcome.Placed))
        {
            var part = LabelPlacer.LargestPart(map.Regions[outcome.Region])!;
            var (x, y) = LabelPlacer.Anchor(part, frame);
            var prepared = PreparedGeometryFactory.Prepare(part);
            var fitting = LabelPlacer.Candidates(names[outcome.Region]!).Select(t => LabelBox.Around(x, y, t, LabelPlacer.MinFontSize))
                .Where(box => LabelPlacer.Inside(prepared, box, frame, factory)).ToList();
            Assert.True(fitting.All(box => placed.Any(p => p.Box.Overlaps(box))),
                $"{names[outcome.Region]} fits ({outcome}) and covers no label, yet has none.");
        }

        // Labels are sized to their regions: the largest region's label is larger than the smallest placed one.
        Assert.True(placed.Max(l => l.FontSize) > placed.Min(l => l.FontSize));
    }
}
