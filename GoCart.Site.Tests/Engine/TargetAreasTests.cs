using GoCart.Lambda.Engine;

namespace GoCart.Site.Tests.Engine;

public class TargetAreasTests
{
    [Fact]
    public void Targets_are_proportional_to_values_and_add_up_to_the_map_area()
    {
        var targets = TargetAreas.Compute([1.0, 3.0], [10.0, 30.0 + 60.0]);

        Assert.Equal(100.0, targets.Sum(), 9);
        Assert.Equal(25.0, targets[0], 9);
        Assert.Equal(75.0, targets[1], 9);
    }

    [Fact]
    public void A_missing_value_keeps_the_mean_density_of_the_regions_with_data()
    {
        // Known: values 10 + 30 on areas 20 + 20 → mean density 1; the missing region (area 60) keeps 60.
        var targets = TargetAreas.Compute([10.0, 30.0, null], [20.0, 20.0, 60.0]);

        Assert.Equal(60.0, targets[2], 9);
        Assert.Equal(10.0, targets[0], 9);
    }

    [Fact]
    public void A_zero_value_becomes_a_small_positive_target()
    {
        var targets = TargetAreas.Compute([0.0, 1000.0], [50.0, 50.0]);

        Assert.True(targets[0] > 0);
        Assert.True(targets[0] < 1e-3 * targets[1]);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Negative_or_non_finite_values_are_refused(double bad)
    {
        Assert.Throws<ArgumentException>(() => TargetAreas.Compute([bad, 1.0], [1.0, 1.0]));
    }

    [Fact]
    public void All_missing_or_all_zero_values_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TargetAreas.Compute([null, null], [1.0, 1.0]));
        Assert.Throws<ArgumentException>(() => TargetAreas.Compute([0.0, 0.0], [1.0, 1.0]));
    }
}
