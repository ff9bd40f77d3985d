using GoCart.Lambda.Cli;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Pipeline;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Pipeline;

namespace GoCart.Site.Tests.Cli;

public class BenchPhasesTests
{
    private static readonly TimeSpan Parse = TimeSpan.FromSeconds(0.5);

    [LibraryFact]
    public void The_phases_of_a_map_with_insets_add_up_to_its_run_time()
    {
        var pipeline = new CartogramPipeline(new EngineSettings(), MapReadLimits.Default);
        var statistics = pipeline.Compute(PipelineRequests.ForMap("usa_by_state_since_1959"), null, null, CancellationToken.None).Statistics;

        var phases = BenchPhases.Of(Parse, statistics);

        var inRun = phases.Read + phases.Project + phases.Prepare + phases.Rasterise + phases.Solve + phases.Integrate
            + phases.BetweenIntegrations + phases.Output + phases.Simplify + phases.Check + phases.Other;
        Assert.True(Math.Abs(statistics.Seconds - inRun) < 1e-9, $"the phases add up to {inRun} s, the run took {statistics.Seconds} s");
        Assert.True(phases.BetweenIntegrations > 0, "loop removal and densification ran between the integrations");
        var engine = phases.Prepare + phases.Rasterise + phases.Solve + phases.Integrate + phases.BetweenIntegrations + phases.Output;
        Assert.True(Math.Abs(statistics.Stages!.Engine.TotalSeconds - engine) < 1e-9, $"the engine's phases add up to {engine} s, its runs took {statistics.Stages.Engine.TotalSeconds} s");
        Assert.Equal((Parse.TotalSeconds, 0.0), (phases.Parse, phases.Write));
    }

    [Fact]
    public void Each_phase_is_its_median_over_the_runs()
    {
        BenchPhases Run(double seconds) => new(seconds, seconds, seconds, seconds, seconds, seconds, seconds, seconds, seconds, seconds, seconds, seconds, 10 * seconds);

        var median = BenchPhases.Median([Run(3), Run(1), Run(2)]);

        Assert.Equal(Run(2), median);
        Assert.Contains("between integrations 2.000 s", median.ToString(), StringComparison.Ordinal);
        Assert.Contains("write 20.000 s", median.ToString(), StringComparison.Ordinal);
    }
}
