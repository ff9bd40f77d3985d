using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using GoCart.Lambda.Contract;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Hosting;

namespace GoCart.Lambda.Cli;

/// <summary>
/// Chooses what the executable is: the Lambda custom runtime when AWS starts it, otherwise the `gocart` CLI,
/// parsed by System.CommandLine (`--help` on every command). Exit codes: 2 for a wrong command line, 1 for bad
/// input, otherwise the command's own.
/// </summary>
public static class Entry
{
    public static int Run(string[] args)
    {
        if (Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API") is { Length: > 0 } runtimeApi)
        {
            return LambdaCommand.Run(runtimeApi);
        }

        var root = new RootCommand("gocart: flow-based cartograms (Gastner, Seguy & More, PNAS 2018). Run by AWS Lambda (AWS_LAMBDA_RUNTIME_API set), it serves invocations instead.")
        {
            GenerateCommand.Create(),
            BenchCommand.Create(),
            BenchCommand.CreateSingleMap(),
            ServeCommand.Create(),
        };
        root.SetAction(RefuseWithoutCommand);
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new PrintVersion();
        }

        // "gocart help [command]" reads as "gocart [command] --help"; no arguments at all shows the help and exits 2.
        string[] line = args switch
        {
            [] => ["--help"],
            ["help", .. var rest] => [.. rest, "--help"],
            _ => args,
        };
        var parsed = root.Parse(line);
        if (parsed.Errors.Count > 0)
        {
            Console.Error.WriteLine($"gocart: {string.Join(" ", parsed.Errors.Select(e => e.Message))} Try 'gocart {(parsed.CommandResult.Command == root ? "" : parsed.CommandResult.Command.Name + " ")}--help'.");
            return 2;
        }

        try
        {
            var exit = parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            return args.Length == 0 ? 2 : exit;
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

    private static int RefuseWithoutCommand(ParseResult parsed) =>
        throw new UsageException("Name a command: generate, bench or serve (gocart --help lists them).");

    /// <summary>--version: the informational version and whether the engine was compiled optimised.</summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var version = typeof(Entry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            parseResult.InvocationConfiguration.Output.WriteLine($"{version} ({EngineBuild.Describe()})");
            return 0;
        }
    }
}
