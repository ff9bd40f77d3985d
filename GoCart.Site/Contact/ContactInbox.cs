using GoCart.Site.Data;
using Hangfire;

namespace GoCart.Site.Contact;

/// <summary>Accepts a valid contact message: stores it first, then queues the SendContactMail job with its id only.</summary>
public sealed partial class ContactInbox(GoCartDbContext database, IBackgroundJobClient jobs, TimeProvider time, ILogger<ContactInbox> logger)
{
    public async Task<long> AcceptAsync(ContactForm form, CancellationToken cancellation)
    {
        var message = new ContactMessage
        {
            Name = form.Name.Trim(),
            Email = form.Email.Trim(),
            Subject = form.Subject.Trim(),
            Body = form.Message,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        database.ContactMessages.Add(message);
        await database.SaveChangesAsync(cancellation);

        // Stored before queued: if queueing fails, the message is still there and counts as pending mail.
        var jobId = jobs.Enqueue<SendContactMailJob>(job => job.RunAsync(message.Id, CancellationToken.None));
        LogQueued(logger, message.Id, jobId);
        return message.Id;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact message {MessageId} stored, mail job {JobId} queued")]
    private static partial void LogQueued(ILogger logger, long messageId, string jobId);
}
