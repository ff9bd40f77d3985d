using System.Globalization;

namespace GoCart.Lambda.Cli;

/// <summary>
/// A progress bar on standard error: redrawn in place on a terminal, one line per second at most when stderr
/// is redirected (a log file gets a readable trail rather than carriage returns).
/// </summary>
public sealed class ConsoleProgressBar(TextWriter writer, bool interactive) : IDisposable
{
    private const int Width = 30;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private TimeSpan? _lastLine;
    private bool _drawn;

    public static ConsoleProgressBar ForStandardError() => new(Console.Error, !Console.IsErrorRedirected);

    public void Update(double fraction, string status)
    {
        fraction = Math.Clamp(fraction, 0, 1);
        var filled = (int)Math.Round(fraction * Width);
        var line = string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('.', Width - filled)}] {fraction * 100,3:0}% {status}");
        if (interactive)
        {
            writer.Write("\r" + line.PadRight(Console.IsErrorRedirected ? 0 : Math.Max(0, SafeWidth() - 1)));
            _drawn = true;
        }
        else if (_lastLine is null || _clock.Elapsed - _lastLine >= TimeSpan.FromSeconds(1) || fraction >= 1)
        {
            writer.WriteLine(line);
            _lastLine = _clock.Elapsed;
        }
    }

    public void Dispose()
    {
        if (_drawn)
        {
            writer.WriteLine();
        }
    }

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
