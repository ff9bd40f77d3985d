using GoCart.Lambda.Engine;

namespace GoCart.Site.Tests.Engine;

public class RegionGainsTests
{
    [Fact]
    public void Gains_start_at_one()
    {
        var gains = new RegionGains(2);

        Assert.Equal(1.0, gains[0]);
        Assert.Equal(1.0, gains[1]);
    }

    [Fact]
    public void A_region_that_keeps_most_of_its_error_gets_a_larger_gain()
    {
        var gains = new RegionGains(1);

        gains.Adapt([0.10], 0.10);
        gains.Adapt([Math.Exp(0.9 * Math.Log(1.10)) - 1], 0.10);

        // Kept 90% of the log error: the full correction would be gain 10, aim for half of it, at most double.
        Assert.Equal(RegionGains.MaxGrowth, gains[0], 9);
    }

    [Fact]
    public void The_gain_grows_towards_the_safe_fraction_of_the_full_correction_but_not_beyond_the_maximum()
    {
        var gains = new RegionGains(1);
        var error = 0.2;
        gains.Adapt([error], error);
        for (var round = 0; round < 10; round++)
        {
            error *= 0.95;
            gains.Adapt([error], error);
        }

        Assert.Equal(RegionGains.MaxGain, gains[0], 9);
    }

    [Fact]
    public void A_region_that_converges_fast_keeps_gain_one()
    {
        var gains = new RegionGains(1);

        gains.Adapt([0.10], 0.10);
        gains.Adapt([0.02], 0.10);

        Assert.Equal(1.0, gains[0]);
    }

    [Fact]
    public void Overshooting_resets_the_gain()
    {
        var gains = new RegionGains(1);
        gains.Adapt([0.10], 0.10);
        gains.Adapt([0.09], 0.10);
        Assert.True(gains[0] > 1);

        gains.Adapt([-0.05], 0.10);

        Assert.Equal(1.0, gains[0]);
    }

    [Fact]
    public void Getting_worse_resets_the_gain()
    {
        var gains = new RegionGains(1);
        gains.Adapt([0.10], 0.10);
        gains.Adapt([0.09], 0.10);

        gains.Adapt([0.12], 0.12);

        Assert.Equal(1.0, gains[0]);
    }

    [Fact]
    public void No_gains_while_the_map_is_far_off_or_the_region_is_far_off_or_already_close()
    {
        var gains = new RegionGains(3);
        gains.Adapt([0.10, 2.0, 0.0005], 0.9);
        gains.Adapt([0.09, 1.9, 0.0004], 0.9);
        Assert.Equal([1.0, 1.0, 1.0], [gains[0], gains[1], gains[2]]);

        gains.Adapt([0.08, 1.8, 0.0003], 0.9);
        gains.Adapt([0.07, 1.7, 0.0002], RegionGains.MaxMapError);

        Assert.True(gains[0] > 1);
        Assert.Equal(1.0, gains[1]);
        Assert.Equal(1.0, gains[2]);
    }

    [Fact]
    public void Reset_forgets_the_gains()
    {
        var gains = new RegionGains(1);
        gains.Adapt([0.10], 0.10);
        gains.Adapt([0.09], 0.10);

        gains.Reset();

        Assert.Equal(1.0, gains[0]);
    }
}
