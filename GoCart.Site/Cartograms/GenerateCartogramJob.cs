using System.ComponentModel;
using GoCart.Lambda.Contract;
using GoCart.Site.Data;
using GoCart.Site.Infrastructure;
using GoCart.Site.Maps;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Cartograms;

/// <summary>
/// The Hangfire job behind every cartogram: load the record by key, compute through the configured invoker
/// (in-process or the Lambda), store the result or an error the user can act on. Progress goes to the progress
/// store. The invoker retries transient engine failures itself and every engine or input failure ends as a
/// stored message, so what reaches Hangfire is the database failing (PostgreSQL restarting, say): such runs are
/// retried with growing delays, and a retry simply computes again (the job only writes its own record). A server
/// shutdown puts the record back in the queue.
/// </summary>
public sealed partial class GenerateCartogramJob(
    GoCartDbContext database,
    ICartogramInvoker invoker,
    IProgressStore progress,
    MapLibrary maps,
    TimeProvider time,
    ILogger<GenerateCartogramJob> logger)
{
    /// <summary>The order of the final progress report: above anything a run can post.</summary>
    public const long FinalOrder = long.MaxValue;

    /// <summary>The failure stored when the engine answered with a result the pages could not show.</summary>
    public const string UnusableResult = "The engine's result for this cartogram holds numbers that are not finite, so it cannot be drawn. Check the values for extremes (a few regions many orders of magnitude above the rest), or give them in a larger unit, and try again.";

    /// <summary>Retries after a failed run; with the delays below they span about an hour and a half.</summary>
    public const int Retries = 6;

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [5, 15, 60, 300, 900, 3600], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisplayName("GenerateCartogram {0}")]
    public async Task RunAsync(string key, CancellationToken cancellation)
    {
        var record = await database.Cartograms.FirstOrDefaultAsync(c => c.Key == key, cancellation);
        if (record is null || record.Status is CartogramRecordStatus.Succeeded or CartogramRecordStatus.Draft)
        {
            LogSkipped(logger, key, record?.Status.ToString() ?? "missing");
            return;
        }

        // A record's first run starts its progress afresh before the record says it runs, so whoever reads a running
        // record reads this run's progress, not an earlier one's under the same key (a library example's key is
        // derived from its map). A run taken up again after an interruption (a database restart, a shutdown) keeps
        // the progress its readers have seen, which never goes backwards.
        var first = new ProgressUpdate(key, 1, 0.01, 0, "starting");
        if (record.StartedUtc is null)
        {
            await progress.RestartAsync(first, cancellation);
        }
        else
        {
            await progress.TryUpdateAsync(first, cancellation);
        }

        record.Status = CartogramRecordStatus.Running;
        record.StartedUtc = time.GetUtcNow().UtcDateTime;
        record.Error = null;
        await database.SaveChangesAsync(cancellation);
        try
        {
            var submission = CompressedJson.Deserialize<CartogramSubmission>(record.RequestJson);
            var request = CartogramRequests.Build(key, submission, maps);
            var result = await invoker.InvokeAsync(request, new StoreProgressReporter(progress, key, time), cancellation);
            var statistics = Readable(result);
            record.ResultJson = CompressedJson.Compress(result);
            record.Status = CartogramRecordStatus.Succeeded;
            await progress.TryUpdateAsync(new ProgressUpdate(key, FinalOrder, 1, statistics.MaxAreaError, "done"), CancellationToken.None);
            LogSucceeded(logger, key, statistics.Seconds, statistics.MaxAreaError);
        }
        catch (CartogramException exception)
        {
            Fail(record, exception.Message);
            LogFailed(logger, key, exception.Kind.ToString(), exception.Message);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            record.Status = CartogramRecordStatus.Queued;
            await database.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Fail(record, "Something went wrong on our side while computing this cartogram. Please try again; if it keeps failing, tell us through the contact page.");
            LogCrashed(logger, exception, key);
        }

        record.FinishedUtc = time.GetUtcNow().UtcDateTime;
        await database.SaveChangesAsync(CancellationToken.None);
        SiteMetrics.RecordGeneration(record.FinishedUtc.Value - record.StartedUtc.Value, record.Status == CartogramRecordStatus.Succeeded);
    }

    /// <summary>
    /// The result's statistics, once the whole result has been read as the status endpoint and the pages will read
    /// it: a result they could not show (numbers that are not finite, say) fails the job instead of being stored
    /// as a success that every later request would stumble on.
    /// </summary>
    private static ResultStatistics Readable(byte[] result)
    {
        var parsed = CartogramResult.Parse(result, withGeometry: true);
        var numbers = parsed.Regions.SelectMany(r => new[] { r.TargetShare, r.AreaError }).Append(parsed.Statistics.MaxAreaError).Append(parsed.Statistics.MeanAreaError);
        return numbers.All(double.IsFinite)
            ? parsed.Statistics
            : throw new CartogramException(CartogramErrorKind.EngineFailure, UnusableResult);
    }

    private static void Fail(CartogramRecord record, string message)
    {
        record.Status = CartogramRecordStatus.Failed;
        record.Error = message.Length > 2000 ? message[..2000] : message;
        record.ResultJson = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cartogram {Key} not generated: record is {Status}")]
    private static partial void LogSkipped(ILogger logger, string key, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cartogram {Key} generated in {Seconds:0.00} s, max area error {MaxAreaError:P2}")]
    private static partial void LogSucceeded(ILogger logger, string key, double seconds, double maxAreaError);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cartogram {Key} failed ({Kind}): {Message}")]
    private static partial void LogFailed(ILogger logger, string key, string kind, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cartogram {Key} crashed")]
    private static partial void LogCrashed(ILogger logger, Exception exception, string key);
}
