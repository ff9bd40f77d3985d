using System.CommandLine;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Hosting;
using GoCart.Lambda.Pipeline;

namespace GoCart.Lambda.Cli;

/// <summary>`gocart serve --port 8081 --api-key KEY`: the Lambda's endpoint on 127.0.0.1, until Ctrl+C.</summary>
public static class ServeCommand
{
    private const int ShortestKey = 8;

    public static Command Create()
    {
        var port = CliOptions.WholeNumber("--port", "The loopback port to listen on.", 8081, 1, 65535);
        var apiKey = CliOptions.Required("--api-key", $"The key callers must send in x-api-key, as to API Gateway (at least {ShortestKey} characters).");
        apiKey.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { Length: < ShortestKey })
            {
                result.AddError($"--api-key must be at least {ShortestKey} characters.");
            }
        });
        var command = new Command("serve", "Serve the Lambda's endpoint on 127.0.0.1 (a local stand-in for API Gateway and the Lambda) until Ctrl+C. Reads CARTOGRAM_PROGRESS_URL and CARTOGRAM_PROGRESS_SECRET to post signed progress.")
        {
            port, apiKey,
        };
        command.SetAction(parsed => Run(parsed.GetValue(port), parsed.GetRequiredValue(apiKey)));
        return command;
    }

    private static int Run(int port, string apiKey)
    {
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
