namespace GoCart.Lambda.Cli;

/// <summary>One map's benchmark line; <see cref="Phases"/> gives each phase's median over the runs (<see cref="BenchPhases"/>).</summary>
public sealed record BenchResult(string Map, int Regions, int Points, string Grid, int Integrations, double MaxAreaError, double MedianSeconds, double PeakMegabytes, string? Error, string? Phases = null)
{
    /// <summary>The median over the runs of the processor time of all threads: on a machine shared with other work it moves less than the wall time, and against it shows what parallel phases save.</summary>
    public double MedianCpuSeconds { get; init; }

    /// <summary>From the start of the map's process to its first run: the runtime's start-up and the command line's parsing, which a Lambda cold start pays once.</summary>
    public double StartupSeconds { get; init; }
}
