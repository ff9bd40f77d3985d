using System.ComponentModel;
using System.Text.RegularExpressions;
using GoCart.Site.Data;
using Hangfire;

namespace GoCart.Site.Contact;

/// <summary>
/// The Hangfire job that delivers one stored contact message (by id) through the configured backend. It counts
/// attempts and keeps the last error (with addresses masked, as in the log); a failure throws so that Hangfire
/// retries with growing delays; SentUtc is set only after the backend accepted the message, and a message already
/// sent is left alone, so retries and requeues never send it twice (except when the server accepted it and the
/// database then failed to record that).
/// </summary>
public sealed partial class SendContactMailJob(
    GoCartDbContext database,
    IMailSender sender,
    MailSettings settings,
    TimeProvider time,
    ILogger<SendContactMailJob> logger)
{
    /// <summary>Retries after the first failure; with the delays below they span about two days.</summary>
    public const int Retries = 10;

    /// <summary>Longest LastError kept (the column holds 500).</summary>
    public const int MaxErrorLength = 300;

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [60, 300, 900, 1800, 3600, 7200, 14400, 28800, 43200, 86400], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisplayName("SendContactMail {0}")]
    public async Task RunAsync(long messageId, CancellationToken cancellation)
    {
        var message = await database.ContactMessages.FindAsync([messageId], cancellation);
        if (message is null || message.SentUtc is not null)
        {
            LogSkipped(logger, messageId, message is null ? "missing" : "already sent");
            return;
        }

        message.Attempts++;
        try
        {
            await sender.SendAsync(ContactMail.Build(message, settings), cancellation);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            message.LastError = Shorten($"{exception.GetType().Name}: {exception.Message}");
            await database.SaveChangesAsync(CancellationToken.None);
            LogFailed(logger, messageId, message.Attempts, message.LastError);
            throw;
        }

        message.SentUtc = time.GetUtcNow().UtcDateTime;
        message.LastError = null;
        await database.SaveChangesAsync(CancellationToken.None);
        LogSent(logger, messageId, message.Attempts);
    }

    /// <summary>One line, at most <see cref="MaxErrorLength"/> long, with e-mail addresses masked: servers echo them in refusals.</summary>
    public static string Shorten(string error)
    {
        var line = MailAddress().Replace(ContactMail.OneLine(error), "[address]");
        return line.Length > MaxErrorLength ? line[..MaxErrorLength] : line;
    }

    [GeneratedRegex(@"[^\s<>()\[\]:;,""]+@[^\s<>()\[\]:;,""]+")]
    private static partial Regex MailAddress();

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact message {MessageId} not sent: {Reason}")]
    private static partial void LogSkipped(ILogger logger, long messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Contact message {MessageId} attempt {Attempt} failed, Hangfire retries it: {Error}")]
    private static partial void LogFailed(ILogger logger, long messageId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact message {MessageId} sent on attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, long messageId, int attempt);
}
