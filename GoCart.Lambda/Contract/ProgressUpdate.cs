namespace GoCart.Lambda.Contract;

/// <summary>
/// One progress report (ARCHITECTURE.md, Lambda → Site). <see cref="Order"/> increases strictly per key, so the
/// receiver can drop reports that arrive late; <see cref="Progress"/> is in [0, 1].
/// </summary>
public sealed record ProgressUpdate(string Key, long Order, double Progress, double MaxAreaError, string Stage);
