using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SlackBot.Wire;

namespace SlackBot.Interactions;

/// <summary>
/// Posts messages to a <c>response_url</c> and runs the work that ends in such a post after the HTTP request that
/// started it has been answered (deferred slash commands, paging buttons). That work is tracked so shutdown cancels
/// it and waits briefly instead of dropping it mid-POST.
/// </summary>
public sealed partial class SlackResponder : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly ILogger<SlackResponder> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _running = [];

    public SlackResponder(HttpClient http, ILogger<SlackResponder> logger)
    {
        _http = http;
        _logger = logger;
    }

    /// <summary>Cancelled when the application stops.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>POSTs <paramref name="message"/> as JSON; failures are logged, not thrown (there is no one to tell).</summary>
    public async Task<bool> PostAsync(Uri responseUrl, SlackMessage message, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(message, SlackJsonContext.Default.SlackMessage);
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        try
        {
            using var response = await _http.PostAsync(responseUrl, content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                // The path holds a one-time token; the host is enough to say where it went.
                Log.PostFailed(_logger, responseUrl.Host, (int)response.StatusCode, null);
                return false;
            }

            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.PostFailed(_logger, responseUrl.Host, 0, ex);
            return false;
        }
    }

    /// <summary>Runs <paramref name="work"/> in the background, cancelled at shutdown.</summary>
    public void Run(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var task = Task.Run(async () =>
        {
            try
            {
                await work(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                Log.BackgroundFailed(_logger, ex);
            }
        });
        lock (_gate)
        {
            _running.Add(task);
        }

        task.ContinueWith(
            t =>
            {
                lock (_gate)
                {
                    _running.Remove(t);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        _stopping.Dispose();
        _http.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6020, Level = LogLevel.Warning, Message = "Posting to a Slack response_url on {Host} failed with status {Status}")]
        public static partial void PostFailed(ILogger logger, string host, int status, Exception? exception);

        [LoggerMessage(EventId = 6021, Level = LogLevel.Error, Message = "A deferred Slack reply failed")]
        public static partial void BackgroundFailed(ILogger logger, Exception exception);
    }
}
