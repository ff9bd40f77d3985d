using System.Net.Http.Headers;
using System.Text.Json;
using GoCart.Lambda.Contract;

namespace GoCart.Lambda.Hosting;

/// <summary>
/// Posts signed progress for one request from a background task, so the computation never waits on the
/// network: reports only replace the latest value, the task sends at most one post per interval, every sent
/// post carries a strictly larger order, and the first failure is logged once and then posting stops for this
/// request (no endless retries). Disposing sends the last report and stops.
/// </summary>
public sealed class ProgressPoster : IProgress<ProgressUpdate>, IDisposable
{
    private static readonly TimeSpan PostTimeout = TimeSpan.FromSeconds(2);

    private readonly HttpClient? _client;
    private readonly Uri? _url;
    private readonly string _secret = "";
    private readonly string _key = "";
    private readonly TimeSpan _interval;
    private readonly Action<string> _log = _ => { };
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly Task _worker = Task.CompletedTask;
    private ProgressUpdate? _latest;
    private long _order;
    private int _failed;

    internal ProgressPoster(HttpClient client, Uri url, string secret, string key, TimeSpan interval, Action<string> log)
    {
        _client = client;
        _url = url;
        _secret = secret;
        _key = key;
        _interval = interval;
        _log = log;
        _worker = Task.Run(SendLoopAsync);
    }

    private ProgressPoster()
    {
    }

    public static ProgressPoster Silent { get; } = new();

    /// <summary>How many posts the receiver accepted (for tests and logs).</summary>
    public long Sent { get; private set; }

    public void Report(ProgressUpdate value)
    {
        if (_client is null)
        {
            return;
        }

        Volatile.Write(ref _latest, value);
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public void Dispose()
    {
        if (_client is null)
        {
            return;
        }

        _stop.Cancel();
        try
        {
            _worker.Wait(PostTimeout + PostTimeout);
        }
        catch (AggregateException)
        {
            // Already logged by the loop.
        }

        _stop.Dispose();
        _signal.Dispose();
    }

    private async Task SendLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(_stop.Token).ConfigureAwait(false);
                await SendLatestAsync(CancellationToken.None).ConfigureAwait(false);
                await Task.Delay(_interval, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await SendLatestAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task SendLatestAsync(CancellationToken cancellation)
    {
        var update = Interlocked.Exchange(ref _latest, null);
        if (update is null || Volatile.Read(ref _failed) != 0)
        {
            return;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(update with { Key = _key, Order = ++_order }, ContractJson.Default.ProgressUpdate);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(ProgressSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(ProgressSignature.SignatureHeader, ProgressSignature.Sign(_secret, timestamp, body));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(PostTimeout);
            using var response = await _client!.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                Fail($"the progress receiver answered {(int)response.StatusCode}");
                return;
            }

            Sent++;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            Fail(exception is OperationCanceledException ? "the progress receiver timed out" : exception.Message);
        }
    }

    private void Fail(string why)
    {
        if (Interlocked.Exchange(ref _failed, 1) == 0)
        {
            _log($"progress for {_key} stopped: {why}; the computation goes on without it");
        }
    }
}
