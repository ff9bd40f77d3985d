using System.Globalization;
using GoCart.Lambda.Pipeline;

namespace GoCart.Lambda.Cli;

/// <summary>
/// One bench run split into phases, in seconds: parsing the file's JSON (outside the run's time, as the request
/// arrives parsed), reading and repairing the map, projecting, the engine's phases (summed over inset groups),
/// simplifying and the validity check.
/// </summary>
internal sealed record BenchPhases(double Parse, double Read, double Project, double Prepare, double Rasterise, double Solve, double Integrate, double Output, double Simplify, double Check)
{
    public static BenchPhases Of(TimeSpan parse, CartogramRunStatistics statistics)
    {
        var engine = statistics.Timings;
        var stages = statistics.Stages;
        return new(parse.TotalSeconds, Seconds(stages?.Reading), Seconds(stages?.Projecting), Seconds(engine.Preparing), Seconds(engine.Rasterising),
            Seconds(engine.Solving), Seconds(engine.Integrating), Seconds(engine.Output), Seconds(stages?.Simplifying), Seconds(stages?.Checking));
    }

    /// <summary>Each phase's median over the runs (so the phases need not add up to the median run).</summary>
    public static BenchPhases Median(IReadOnlyList<BenchPhases> runs)
    {
        ArgumentOutOfRangeException.ThrowIfZero(runs.Count);
        double M(Func<BenchPhases, double> phase) => runs.Select(phase).Order().ElementAt(runs.Count / 2);
        return new(M(r => r.Parse), M(r => r.Read), M(r => r.Project), M(r => r.Prepare), M(r => r.Rasterise), M(r => r.Solve),
            M(r => r.Integrate), M(r => r.Output), M(r => r.Simplify), M(r => r.Check));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"parse {Parse:0.000} s, read {Read:0.000} s, project {Project:0.000} s, prepare {Prepare:0.000} s, rasterise {Rasterise:0.000} s, solve {Solve:0.000} s, integrate {Integrate:0.000} s, output {Output:0.000} s, simplify {Simplify:0.000} s, check {Check:0.000} s");

    private static double Seconds(TimeSpan? time) => time?.TotalSeconds ?? 0;
}
