using System.ComponentModel;
using System.Diagnostics;

namespace GoCart.Site.Tests.Deployment;

/// <summary>Runs a command-line tool (docker-compose, nginx, shellcheck, yamllint...) to completion and captures what it printed.</summary>
public static class ExternalTool
{
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public string Everything => Output + Errors;
    }

    public static async Task<Result> RunAsync(string tool, IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"{tool} is not installed: run the tests with ./scripts/test.sh, which installs it.", exception);
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            try
            {
                await process.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromMinutes(2));
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} {string.Join(' ', args)} did not finish in time:\n{await output}{await errors}");
            }

            return new Result(process.ExitCode, await output, await errors);
        }
    }
}
