using System.Globalization;
using GoCart.Lambda.Pipeline;

namespace GoCart.Lambda.Cli;

/// <summary>
/// One bench run split into phases, in seconds: parsing the file's JSON and writing the result's JSON (both outside
/// the run's time, as the request arrives parsed and the host writes the answer; the bench writes once, after the
/// last run, and sets <see cref="Write"/>), reading and repairing the map,
/// projecting, the engine's phases (summed over inset groups), the engine's work between integrations (loop
/// removal, densification, area measurement, collections), simplifying, the validity check, and the rest of the
/// run that is in none of these (far-flung advice, layers, inset layout, statistics).
/// </summary>
internal sealed record BenchPhases(double Parse, double Read, double Project, double Prepare, double Rasterise, double Solve, double Integrate,
    double BetweenIntegrations, double Output, double Simplify, double Check, double Other, double Write)
{
    public static BenchPhases Of(TimeSpan parse, CartogramRunStatistics statistics)
    {
        var engine = statistics.Timings;
        var stages = statistics.Stages;
        var engineWhole = Seconds(stages?.Engine);
        var enginePhases = Seconds(engine.Preparing) + Seconds(engine.Rasterising) + Seconds(engine.Solving) + Seconds(engine.Integrating) + Seconds(engine.Output);
        var outsideEngine = Seconds(stages?.Reading) + Seconds(stages?.Projecting) + Seconds(stages?.Simplifying) + Seconds(stages?.Checking);
        return new(parse.TotalSeconds, Seconds(stages?.Reading), Seconds(stages?.Projecting), Seconds(engine.Preparing), Seconds(engine.Rasterising),
            Seconds(engine.Solving), Seconds(engine.Integrating), Math.Max(0, engineWhole - enginePhases), Seconds(engine.Output), Seconds(stages?.Simplifying),
            Seconds(stages?.Checking), Math.Max(0, statistics.Seconds - outsideEngine - engineWhole), 0);
    }

    /// <summary>Each phase's median over the runs (so the phases need not add up to the median run).</summary>
    public static BenchPhases Median(IReadOnlyList<BenchPhases> runs)
    {
        ArgumentOutOfRangeException.ThrowIfZero(runs.Count);
        double M(Func<BenchPhases, double> phase) => runs.Select(phase).Order().ElementAt(runs.Count / 2);
        return new(M(r => r.Parse), M(r => r.Read), M(r => r.Project), M(r => r.Prepare), M(r => r.Rasterise), M(r => r.Solve),
            M(r => r.Integrate), M(r => r.BetweenIntegrations), M(r => r.Output), M(r => r.Simplify), M(r => r.Check), M(r => r.Other), M(r => r.Write));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"parse {Parse:0.000} s, read {Read:0.000} s, project {Project:0.000} s, prepare {Prepare:0.000} s, rasterise {Rasterise:0.000} s, solve {Solve:0.000} s, integrate {Integrate:0.000} s, between integrations {BetweenIntegrations:0.000} s, output {Output:0.000} s, simplify {Simplify:0.000} s, check {Check:0.000} s, other {Other:0.000} s, write {Write:0.000} s");

    private static double Seconds(TimeSpan? time) => time?.TotalSeconds ?? 0;
}
