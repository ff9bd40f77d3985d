using System.Reflection;
using GoCart.Lambda.Contract;
using GoCart.Lambda.Geo;

namespace GoCart.Lambda.Cli;

/// <summary>Chooses what the executable is: the Lambda custom runtime when AWS starts it, otherwise the `gocart` CLI.</summary>
public static class Entry
{
    public const string Usage = """
        gocart: flow-based cartograms (Gastner, Seguy & More, PNAS 2018)

        Commands:
          generate --map MAP --data DATA.csv [--column NAME] [--id-property NAME] [--object NAME]
                   (MAP: GeoJSON, TopoJSON or a zipped shapefile; --object picks a TopoJSON object)
                   [--out cartogram.geojson] [--svg cartogram.svg] [--max-error 0.01] [--grid 512]
          bench    [--maps DIR] [--runs N] [--grid 512] [--json]
          serve    --port 8081 --api-key KEY      (local stand-in for API Gateway + Lambda)
          help

        Run by AWS Lambda (AWS_LAMBDA_RUNTIME_API set), it serves invocations instead.
        """;

    public static int Run(string[] args)
    {
        if (Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API") is { Length: > 0 } runtimeApi)
        {
            return LambdaCommand.Run(runtimeApi);
        }

        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            Console.Out.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var rest = args[1..];
            return args[0] switch
            {
                "generate" => GenerateCommand.Run(rest),
                "bench" => BenchCommand.Run(rest),
                BenchCommand.SingleMapCommand => BenchCommand.RunSingleMap(rest),
                "serve" => ServeCommand.Run(rest),
                "--version" => Version(),
                _ => throw new UsageException($"Unknown command '{args[0]}'. Try 'gocart help'."),
            };
        }
        catch (UsageException exception)
        {
            Console.Error.WriteLine($"gocart: {exception.Message}");
            return 2;
        }
        catch (Exception exception) when (exception is CartogramException or MapInputException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"gocart: error: {exception.Message}");
            return 1;
        }
    }

    private static int Version()
    {
        Console.Out.WriteLine(typeof(Entry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
        return 0;
    }
}
