using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Hosting;
using GoCart.Lambda.Pipeline;

namespace GoCart.Lambda.Cli;

/// <summary>`gocart serve --port 8081 --api-key KEY`: the Lambda's endpoint on 127.0.0.1, until Ctrl+C.</summary>
public static class ServeCommand
{
    public static int Run(string[] args)
    {
        var line = CommandLine.Parse("serve", args, ["port", "api-key"], []);
        var port = line.WholeNumber("port", 8081, 1, 65535);
        var apiKey = line.Required("api-key");
        if (apiKey.Length < 8)
        {
            throw new UsageException("--api-key must be at least 8 characters.");
        }

        using var http = new HttpClient();
        var endpoint = new CartogramEndpoint(new CartogramPipeline(new EngineSettings(), MapReadLimits.Default), ProgressPosterFactory.FromEnvironment(http, Log), PayloadLimits.Lambda, Log);
        using var server = new LocalServer(endpoint, apiKey, PayloadLimits.Lambda, Log);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
        server.Start(port);
        server.RunAsync(stop.Token).GetAwaiter().GetResult();
        return 0;
    }

    internal static void Log(string message) => Console.Error.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} {message}");
}
