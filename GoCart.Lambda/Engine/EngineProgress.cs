namespace GoCart.Lambda.Engine;

/// <summary>
/// Reported after every integration. <see cref="Fraction"/> is an honest, never-decreasing estimate in [0, 1]:
/// the share of the way, on a log scale, from the first error down to the requested one.
/// </summary>
public sealed record EngineProgress(int Integration, double MaxAreaError, double Fraction, int GridLx, int GridLy);
