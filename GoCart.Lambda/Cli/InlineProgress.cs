using GoCart.Lambda.Contract;

namespace GoCart.Lambda.Cli;

/// <summary>Progress handled on the reporting thread (Progress&lt;T&gt; would post to a thread pool and reorder).</summary>
internal sealed class InlineProgress(Action<ProgressUpdate> report) : IProgress<ProgressUpdate>
{
    public void Report(ProgressUpdate value) => report(value);
}
