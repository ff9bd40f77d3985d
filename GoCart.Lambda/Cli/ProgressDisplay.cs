using System.Diagnostics;
using System.Globalization;
using GoCart.Lambda.Contract;
using Spectre.Console;

namespace GoCart.Lambda.Cli;

/// <summary>
/// Progress on standard error (standard output keeps the summary or the table): Spectre.Console's bar, redrawn
/// in place, on a terminal; when stderr is redirected, a readable trail of at most one line a second and the
/// last one at 100%, rather than redraws a log file cannot show.
/// </summary>
public static class ProgressDisplay
{
    private static readonly IAnsiConsole Console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(System.Console.Error),
    });

    /// <summary>Runs <paramref name="work"/> under a bar titled <paramref name="title"/>; the work reports 0..1 and a status.</summary>
    public static T Run<T>(string title, Func<Action<double, string>, T> work) =>
        Console.Profile.Capabilities.Interactive ? Bar(title, work) : Trail(title, work);

    /// <summary>The engine's progress as a status: its stage and, once known, the largest area error.</summary>
    public static string Status(ProgressUpdate update) => update.MaxAreaError > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{update.Stage}, max area error {update.MaxAreaError:P1}")
        : update.Stage;

    private static T Bar<T>(string title, Func<Action<double, string>, T> work) =>
        Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                var result = work((fraction, status) =>
                {
                    task.Value = Math.Clamp(fraction, 0, 1);
                    task.Description = Markup.Escape(status.Length > 0 ? $"{title}: {status}" : title);
                });
                task.Value = 1;
                return result;
            });

    private static T Trail<T>(string title, Func<Action<double, string>, T> work)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? last = null;
        return work((fraction, status) =>
        {
            fraction = Math.Clamp(fraction, 0, 1);
            if (last is null || clock.Elapsed - last >= TimeSpan.FromSeconds(1) || fraction >= 1)
            {
                System.Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title}: {fraction * 100,3:0}% {status}"));
                last = clock.Elapsed;
            }
        });
    }
}
