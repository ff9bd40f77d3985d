using System.Diagnostics;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Hosting;

/// <summary>Starts the built `gocart` executable (dotnet gocart.dll) as a child process, as AWS or a developer would.</summary>
public sealed class GocartExecutable : IDisposable
{
    private readonly Process _process;

    private GocartExecutable(Process process)
    {
        _process = process;
    }

    public static string DllPath
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            var path = Path.Combine(RepositoryFiles.Root, "GoCart.Lambda", "bin", configuration, "net10.0", "gocart.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build GoCart.Lambda first.", path);
        }
    }

    public static GocartExecutable Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("gocart did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new GocartExecutable(process);
    }

    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
