using System.Diagnostics;
using System.Reflection;

namespace GoCart.Lambda.Hosting;

/// <summary>
/// Whether the engine's assembly was compiled with optimisations. The site logs it at start-up and the CLI prints
/// it with <c>--version</c>, so a slow run can be told apart from a Debug build at a glance.
/// </summary>
public static class EngineBuild
{
    /// <summary>False when the compiler left the JIT optimiser off (a Debug build without Optimize).</summary>
    public static bool IsOptimised { get; } =
        typeof(EngineBuild).Assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

    public static string Describe() => IsOptimised ? "optimised build" : "Debug build, unoptimised";
}
