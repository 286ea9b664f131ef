using System.Net.WebSockets;
using ChatCommands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlackBot.Interactions;

namespace SlackBot.SocketMode;

/// <summary>
/// Slack's Socket Mode for the life of the host (when <c>Slack:AppToken</c> is set): asks <c>apps.connections.open</c>
/// for a WebSocket URL, connects, and keeps one connection working. On <c>disconnect</c> (refresh_requested,
/// warning, link_disabled) it opens the next connection before closing the old one; after a failure it waits with
/// exponential back-off and jitter. A refused token stops it for good, and the host with it.
/// </summary>
/// <remarks>The command layer is resolved when the service runs, after the settings are validated, so a bad setting is
/// reported as that and not as a service the command layer could not build.</remarks>
internal sealed partial class SlackSocketModeService(
    IServiceProvider services,
    SlackSocketStatus status,
    IOptions<SlackOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILoggerFactory loggers,
    ILogger<SlackSocketModeService> logger) : BackgroundService
{
    internal static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(60);

    private readonly Random _random = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.UsesSocketMode)
        {
            return;
        }

        // Connect once the host has started: a token refused at once then stops a running host cleanly, instead of
        // cancelling the start of the web server (and the host's start with it) halfway.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        var apps = services.GetRequiredService<SlackAppsClient>();
        var commands = services.GetRequiredService<SlackCommandHandler>();
        var responder = services.GetRequiredService<SlackResponder>();
        var connectionLogger = loggers.CreateLogger<SlackSocketConnection>();
        var failures = 0;
        var next = 0;
        SlackSocketConnection? current = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                SlackSocketConnection fresh;
                try
                {
                    var url = await apps.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                    fresh = await SlackSocketConnection.ConnectAsync(url, ++next, commands, responder, settings.MaxBodyBytes, connectionLogger, stoppingToken).ConfigureAwait(false);
                }
                catch (SlackConnectException ex) when (ex.Fatal)
                {
                    Log.GaveUp(logger, ex.Message);
                    throw status.Fail(new InvalidOperationException(ex.Message));
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested && IsConnectionFailure(ex))
                {
                    failures++;
                    var wait = BackoffDelay(failures, settings.ReconnectDelay, _random.NextDouble());
                    if ((ex as SlackConnectException)?.RetryAfter is { } retryAfter && retryAfter > wait)
                    {
                        wait = retryAfter;
                    }

                    Log.ConnectFailed(logger, failures, wait.TotalSeconds, ex);
                    await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                // Switch: the old connection (asked to refresh) kept working until the new one was open.
                if (current is not null)
                {
                    await current.DisposeAsync().ConfigureAwait(false);
                }

                // Readiness stays as it was through a refresh (the old connection served until now) and turns on with hello.
                current = fresh;
                _ = current.Hello.ContinueWith(_ => status.Connected(true), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                var end = await current.WaitAsync().ConfigureAwait(false);
                if (current.SaidHello)
                {
                    failures = 0;
                }

                if (end == SocketEnd.Lost && !stoppingToken.IsCancellationRequested)
                {
                    status.Connected(false);
                    await current.DisposeAsync().ConfigureAwait(false);
                    current = null;
                    failures++;
                    var wait = BackoffDelay(failures, settings.ReconnectDelay, _random.NextDouble());
                    Log.Reconnecting(logger, wait.TotalSeconds);
                    await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            status.Connected(false);
            if (current is not null)
            {
                await current.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary><see cref="Backoff.EqualJitter"/> from <paramref name="first"/> (<c>Slack:ReconnectDelay</c>) up to <see cref="BackoffCap"/>.</summary>
    internal static TimeSpan BackoffDelay(int failures, TimeSpan first, double random) => Backoff.EqualJitter(failures, first, BackoffCap, random);

    private static bool IsConnectionFailure(Exception ex) =>
        ex is SlackConnectException or HttpRequestException or WebSocketException or TimeoutException or IOException
            or OperationCanceledException; // HttpClient's own timeout

    private static partial class Log
    {
        [LoggerMessage(EventId = 6030, Level = LogLevel.Warning, Message = "Slack Socket Mode could not connect ({Failures} failures in a row); retrying in {Seconds:0.0} s")]
        public static partial void ConnectFailed(ILogger logger, int failures, double seconds, Exception exception);

        [LoggerMessage(EventId = 6038, Level = LogLevel.Information, Message = "Slack Socket Mode reconnecting in {Seconds:0.0} s")]
        public static partial void Reconnecting(ILogger logger, double seconds);

        [LoggerMessage(EventId = 6039, Level = LogLevel.Critical, Message = "Slack Socket Mode stopped: {Reason}")]
        public static partial void GaveUp(ILogger logger, string reason);
    }
}
