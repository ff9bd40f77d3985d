using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using GoCart.Site.Tests.Infrastructure;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace GoCart.Site.Tests.Contact;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port, recording each accepted message with its
/// envelope recipients and any credentials it was given. It can be stopped and started again on the same port,
/// and told to refuse messages.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private SmtpServer.SmtpServer? _server;

    private CancellationTokenSource? _stop;

    private SmtpSink(int port, string? user, string? password)
    {
        Port = port;
        User = user;
        Password = password;
    }

    public int Port { get; }

    public string? User { get; }

    public string? Password { get; }

    public ConcurrentQueue<(MimeMessage Message, IReadOnlyList<string> Recipients)> Received { get; } = new();

    public ConcurrentQueue<(string User, string Password)> Logins { get; } = new();

    /// <summary>While true, each message is refused after DATA, naming the recipient as Postfix's access checks do.</summary>
    public bool Refusing { get; set; }

    /// <summary>A sink on a free port, not started yet.</summary>
    public static SmtpSink Create(string? user = null, string? password = null) => new(Loopback.FreePort(), user, password);

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint
                .Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                .AllowUnsecureAuthentication(User is not null)
                .AuthenticationRequired(User is not null))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Authenticator(this));
        _stop = new CancellationTokenSource();
        _server = new SmtpServer.SmtpServer(options, services);
        _ = _server.StartAsync(_stop.Token);
        await Loopback.WaitUntilListeningAsync(Port);
    }

    public async Task StopAsync()
    {
        if (_server is null || _stop is null)
        {
            return;
        }

        _server.Shutdown();
        await _stop.CancelAsync();
        await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
        _server = null;
        _stop = null;
    }

    /// <summary>Waits until <paramref name="count"/> messages have arrived (or fails).</summary>
    public async Task<IReadOnlyList<(MimeMessage Message, IReadOnlyList<string> Recipients)>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(Received.Count >= count, $"Expected {count} mail(s) at the SMTP server, got {Received.Count}.");
        return [.. Received];
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var recipients = transaction.To.Select(mailbox => $"{mailbox.User}@{mailbox.Host}").ToList();
            if (sink.Refusing)
            {
                return Task.FromResult(new SmtpResponse(SmtpReplyCode.TransactionFailed, $"5.7.1 <{recipients[0]}>: Recipient address rejected: Access denied"));
            }

            sink.Received.Enqueue((MimeMessage.Load(stream, cancellationToken), recipients));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Authenticator(SmtpSink sink) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
        {
            sink.Logins.Enqueue((user, password));
            return Task.FromResult(user == sink.User && password == sink.Password);
        }
    }
}
