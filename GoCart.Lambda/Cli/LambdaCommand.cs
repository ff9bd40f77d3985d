using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Hosting;
using GoCart.Lambda.Pipeline;

namespace GoCart.Lambda.Cli;

/// <summary>The custom runtime: serve Lambda invocations until the environment is shut down.</summary>
public static class LambdaCommand
{
    public static int Run(string runtimeApi)
    {
        // The Runtime API long-polls /next, so no client timeout; progress posts use their own short timeout.
        using var runtime = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var progress = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var loop = new LambdaRuntimeLoop(runtime, runtimeApi,
            () => new CartogramEndpoint(new CartogramPipeline(new EngineSettings(), MapReadLimits.Default), ProgressPosterFactory.FromEnvironment(progress, ServeCommand.Log), PayloadLimits.Lambda, ServeCommand.Log),
            ServeCommand.Log);
        try
        {
            loop.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            return 0;
        }
        catch (InvalidOperationException)
        {
            return 1;
        }
    }
}
