using GoCart.Lambda.Engine;

namespace GoCart.Lambda.Pipeline;

/// <summary>Totals over every inset group's engine run.</summary>
public sealed record CartogramRunStatistics(int Integrations, string Grid, int Points, double MaxAreaError, double MeanAreaError, double Seconds, int CrossingEdges, EngineTimings? Timings);
