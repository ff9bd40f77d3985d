namespace GoCart.Lambda.Cli;

/// <summary>One map's benchmark line.</summary>
public sealed record BenchResult(string Map, int Regions, int Points, string Grid, int Integrations, double MaxAreaError, double MedianSeconds, double PeakMegabytes, string? Error);
