using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChatCommands;
using Microsoft.Extensions.Logging;

namespace DiscordBot.Gateway;

/// <summary>Answers INTERACTION_CREATE dispatches; the gateway's only consumer seam.</summary>
public interface IGatewayInteractionHandler
{
    /// <summary>Runs off the receive loop, once per interaction; must answer through REST within Discord's 3 seconds.</summary>
    Task HandleInteractionAsync(JsonElement interaction, CancellationToken cancellationToken);
}

/// <param name="GatewayUrl">wss URL from GET /gateway/bot (or configured); the query string is added here.</param>
/// <param name="Intents">Gateway intents bit set; interactions need none.</param>
public sealed record GatewayShardSettings(Uri GatewayUrl, string Token, int Intents, int ShardId, int ShardCount)
{
    // Records print every member; this one carries the bot token.
    public override string ToString() => $"GatewayShardSettings {{ GatewayUrl = {GatewayUrl}, Intents = {Intents}, Shard = {ShardId}/{ShardCount} }}";
}

public enum GatewayShardExit
{
    /// <summary>Cancelled by the host.</summary>
    Stopped,

    /// <summary>Discord closed with a code that forbids reconnecting (bad token, shard, intents).</summary>
    Fatal,
}

/// <summary>
/// One shard's gateway session over successive connections: Hello → Identify/Resume → heartbeats → dispatches,
/// reconnecting (resuming where it can) after drops, op 7, op 9 and zombie connections, with capped back-off.
/// Protocol timing (heartbeats, back-off) uses the injected <see cref="TimeProvider"/>; socket I/O timeouts use real time.
/// </summary>
internal sealed partial class GatewayShard
{
    /// <summary>Close code for reconnects we start: anything but 1000/1001 keeps the session resumable.</summary>
    internal const int ReconnectCloseCode = GatewayCloseCodes.UnknownError;

    private const int MinHeartbeatIntervalMs = 1000;

    /// <summary>Consecutive failed connections to the resume URL before starting a fresh session instead.</summary>
    internal const int MaxFailedResumes = 3;

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan BackoffBase = TimeSpan.FromSeconds(1);
    internal static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(60);

    private readonly GatewayShardSettings _settings;
    private readonly IGatewayConnectionFactory _connections;
    private readonly IGatewayInteractionHandler _interactions;
    private readonly IGatewayIdentifyGate _identifyLimiter;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly ILogger _logger;

    // The session outlives connections; only the receive loop writes it.
    private string? _sessionId;
    private Uri? _resumeUrl;
    private long _sequence = NoSequence;
    private int _acks;
    private int _connectionsOpened;
    private readonly DiscordGatewayStatus? _status;

    public GatewayShard(
        GatewayShardSettings settings,
        IGatewayConnectionFactory connections,
        IGatewayInteractionHandler interactions,
        IGatewayIdentifyGate identifyLimiter,
        TimeProvider time,
        Random random,
        ILogger logger,
        DiscordGatewayStatus? status = null)
    {
        _settings = settings;
        _status = status;
        _connections = connections;
        _interactions = interactions;
        _identifyLimiter = identifyLimiter;
        _time = time;
        _random = random;
        _logger = logger;
    }

    internal string? SessionId => Volatile.Read(ref _sessionId);

    internal long? LastSequence => Sequence;

    internal int HeartbeatAcks => Volatile.Read(ref _acks);

    /// <summary>The close code that stopped the shard for good, once <see cref="RunAsync"/> returned <see cref="GatewayShardExit.Fatal"/>.</summary>
    internal int? FatalCloseCode { get; private set; }

    internal int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    // Sequence numbers start at 1; stored as a long so the heartbeat loop reads it atomically.
    private const long NoSequence = -1;

    private long? Sequence => Interlocked.Read(ref _sequence) is var s && s == NoSequence ? null : s;

    private bool CanResume => _sessionId is not null && _resumeUrl is not null;

    public async Task<GatewayShardExit> RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var resuming = CanResume;
            var uri = WithQuery(resuming ? _resumeUrl! : _settings.GatewayUrl);
            Outcome outcome;
            var connection = _connections.Create();
            try
            {
                Interlocked.Increment(ref _connectionsOpened);
                outcome = await RunConnectionAsync(connection, uri, resuming, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return GatewayShardExit.Stopped;
            }
            finally
            {
                _status?.ShardDisconnected(_settings.ShardId);
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return GatewayShardExit.Stopped;
            }

            if (outcome.Next == CloseDisposition.Stop)
            {
                Log.StoppedForGood(_logger, _settings.ShardId, outcome.CloseCode ?? 0, GatewayCloseCodes.Describe(outcome.CloseCode));
                FatalCloseCode = outcome.CloseCode;
                return GatewayShardExit.Fatal;
            }

            if (outcome.Next == CloseDisposition.Identify)
            {
                ClearSession();
            }

            failures = outcome.Established ? 0 : failures + 1;
            if (resuming && failures >= MaxFailedResumes && CanResume)
            {
                // The resume URL keeps failing; a fresh session from the main gateway URL beats retrying it forever.
                Log.GivingUpResume(_logger, _settings.ShardId, failures);
                ClearSession();
            }

            var delay = outcome.Immediate && failures == 0 ? TimeSpan.Zero : ReconnectDelay(failures);
            if (outcome.Next == CloseDisposition.Identify && outcome.WaitBeforeIdentify)
            {
                // Discord asks for a random 1-5 s pause before a fresh Identify after an invalid session.
                var pause = TimeSpan.FromMilliseconds(1000 + (_random.NextDouble() * 4000));
                delay = delay > pause ? delay : pause;
            }

            Log.Reconnecting(_logger, _settings.ShardId, outcome.Reason, delay.TotalMilliseconds, CanResume);
            try
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return GatewayShardExit.Stopped;
            }
        }

        return GatewayShardExit.Stopped;
    }

    private TimeSpan ReconnectDelay(int failures) => BackoffDelay(failures, _random.NextDouble());

    /// <summary>
    /// <see cref="Backoff.EqualJitter"/> from a second up to a minute. After a healthy session drops
    /// (no failures yet) the delay is under a second: prompt, but shards don't all reconnect in the same instant.
    /// </summary>
    internal static TimeSpan BackoffDelay(int failures, double random)
    {
        if (failures == 0)
        {
            return TimeSpan.FromMilliseconds(random * 1000);
        }

        return Backoff.EqualJitter(failures, BackoffBase, BackoffCap, random);
    }

    private void ClearSession()
    {
        Volatile.Write(ref _sessionId, null);
        _resumeUrl = null;
        Interlocked.Exchange(ref _sequence, NoSequence);
    }

    private async Task<Outcome> RunConnectionAsync(IGatewayConnection connection, Uri uri, bool resuming, CancellationToken cancellationToken)
    {
        using (var connectCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connectCts.CancelAfter(ConnectTimeout);
            try
            {
                await connection.ConnectAsync(uri, connectCts.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Refused, timed out, TLS or HTTP upgrade failure: all mean "try again later".
                Log.ConnectFailed(_logger, _settings.ShardId, ex.GetType().Name, ex.Message);
                return Outcome.Dropped("connect failed", established: false);
            }
        }

        var state = new ConnectionState();

        // Not linked to the host's token: on shutdown we send a close frame (1000: the session ends with the process)
        // and let the receive loop read the server's answer, instead of aborting the socket mid-receive.
        using var sessionCts = new CancellationTokenSource();
        using var stopping = cancellationToken.Register(() =>
            _ = RequestCloseAsync(connection, state, sessionCts, Outcome.Dropped("shutting down", established: false), 1000, "shutting down"));
        var heartbeat = Task.CompletedTask;
        try
        {
            var first = await connection.ReceiveAsync(sessionCts.Token).ConfigureAwait(false);
            if (first.IsClose)
            {
                return FromClose(first.CloseCode, established: false);
            }

            var hello = Parse(first.Data);
            if (hello.Op != GatewayOpcode.Hello)
            {
                Log.ProtocolError(_logger, _settings.ShardId, "expected Hello (op 10), got op " + hello.Op);
                await RequestCloseAsync(connection, state, sessionCts, Outcome.Dropped("no Hello", established: false)).ConfigureAwait(false);
            }
            else
            {
                // A nonsensical interval must not turn the heartbeat loop into a busy loop.
                var interval = TimeSpan.FromMilliseconds(Math.Max(MinHeartbeatIntervalMs, hello.D.Deserialize(GatewayJsonContext.Default.HelloData)!.HeartbeatInterval));
                Log.Hello(_logger, _settings.ShardId, interval.TotalMilliseconds, resuming);

                // Started before Identify so the first beat's timer exists by the time the server sees us.
                heartbeat = HeartbeatLoopAsync(connection, state, interval, sessionCts);
                if (resuming)
                {
                    await SendAsync(connection, new ResumeCommand(GatewayOpcode.Resume, new ResumeData(_settings.Token, _sessionId!, Sequence)), GatewayJsonContext.Default.ResumeCommand, sessionCts.Token).ConfigureAwait(false);
                }
                else
                {
                    using var identifyCts = CancellationTokenSource.CreateLinkedTokenSource(sessionCts.Token, cancellationToken);
                    await SendIdentifyAsync(connection, identifyCts.Token).ConfigureAwait(false);
                }
            }

            while (true)
            {
                var frame = await connection.ReceiveAsync(sessionCts.Token).ConfigureAwait(false);
                if (frame.IsClose)
                {
                    return state.Requested ?? FromClose(frame.CloseCode, state.Established);
                }

                if (state.Requested is not null)
                {
                    // Closing: ignore whatever the server still sends until its close frame.
                    continue;
                }

                var payload = Parse(frame.Data);
                await HandlePayloadAsync(connection, state, sessionCts, payload, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // Socket errors, our own close timing out, or a payload we could not make sense of: whatever the server
            // did, the answer is a new connection, never a dead shard.
            if (state.Requested is { } requested)
            {
                return requested;
            }

            Log.ConnectionLost(_logger, _settings.ShardId, ex.GetType().Name, ex.Message);
            return Outcome.Dropped("connection lost", state.Established);
        }
        finally
        {
            await sessionCts.CancelAsync().ConfigureAwait(false);
            try
            {
                await heartbeat.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The heartbeat loop ends with the connection; its errors are the connection's, already handled.
            }
        }
    }

    private async Task HandlePayloadAsync(
        IGatewayConnection connection,
        ConnectionState state,
        CancellationTokenSource sessionCts,
        GatewayPayload payload,
        CancellationToken stopping)
    {
        switch (payload.Op)
        {
            case GatewayOpcode.Dispatch:
                if (payload.S is { } seq)
                {
                    Interlocked.Exchange(ref _sequence, seq);
                }

                HandleDispatch(state, payload, stopping);
                break;

            case GatewayOpcode.Heartbeat:
                // The server asks for a beat now; answer at once, outside the schedule.
                await SendHeartbeatAsync(connection, sessionCts.Token).ConfigureAwait(false);
                break;

            case GatewayOpcode.HeartbeatAck:
                state.AwaitingAck = false;
                Interlocked.Increment(ref _acks);
                break;

            case GatewayOpcode.Reconnect:
                Log.ReconnectRequested(_logger, _settings.ShardId);
                await RequestCloseAsync(connection, state, sessionCts, Outcome.Resume("reconnect requested (op 7)", state.Established, immediate: true)).ConfigureAwait(false);
                break;

            case GatewayOpcode.InvalidSession:
                var resumable = payload.D.ValueKind == JsonValueKind.True;
                Log.InvalidSession(_logger, _settings.ShardId, resumable);
                var outcome = resumable
                    ? Outcome.Resume("invalid session (resumable)", state.Established, immediate: false)
                    : new Outcome(CloseDisposition.Identify, "invalid session", state.Established, Immediate: false, WaitBeforeIdentify: true, CloseCode: null);
                await RequestCloseAsync(connection, state, sessionCts, outcome).ConfigureAwait(false);
                break;

            case GatewayOpcode.Hello:
                break;

            default:
                Log.UnknownOpcode(_logger, _settings.ShardId, payload.Op);
                break;
        }
    }

    private void HandleDispatch(ConnectionState state, GatewayPayload payload, CancellationToken stopping)
    {
        switch (payload.T)
        {
            case "READY":
                var ready = payload.D.Deserialize(GatewayJsonContext.Default.ReadyData)!;
                _resumeUrl = new Uri(ready.ResumeGatewayUrl);
                Volatile.Write(ref _sessionId, ready.SessionId);
                state.Established = true;
                _status?.ShardConnected(_settings.ShardId);
                Log.Ready(_logger, _settings.ShardId, _settings.ShardCount);
                break;

            case "RESUMED":
                state.Established = true;
                _status?.ShardConnected(_settings.ShardId);
                Log.Resumed(_logger, _settings.ShardId, Sequence ?? 0);
                break;

            case "INTERACTION_CREATE":
                var interaction = payload.D;
                _ = Task.Run(() => HandleInteractionAsync(interaction, stopping), CancellationToken.None);
                break;
        }
    }

    private async Task HandleInteractionAsync(JsonElement interaction, CancellationToken stopping)
    {
        try
        {
            await _interactions.HandleInteractionAsync(interaction, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // One failed interaction must not end the session.
            Log.InteractionFailed(_logger, _settings.ShardId, ex);
        }
    }

    private async Task HeartbeatLoopAsync(IGatewayConnection connection, ConnectionState state, TimeSpan interval, CancellationTokenSource sessionCts)
    {
        var token = sessionCts.Token;
        var start = _time.GetTimestamp();

        // Beats are scheduled on absolute times so a late wake-up doesn't push the whole cadence back.
        var due = interval * _random.NextDouble();
        while (!token.IsCancellationRequested)
        {
            var wait = due - _time.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, token).ConfigureAwait(false);
            }

            if (state.AwaitingAck)
            {
                // No ACK since the last beat: the connection is a zombie. Close it (not 1000, so the session survives) and resume.
                Log.Zombie(_logger, _settings.ShardId);
                await RequestCloseAsync(connection, state, sessionCts, Outcome.Resume("no heartbeat ACK", state.Established, immediate: true)).ConfigureAwait(false);
                return;
            }

            state.AwaitingAck = true;
            await SendHeartbeatAsync(connection, token).ConfigureAwait(false);
            due += interval;
        }
    }

    /// <summary>
    /// Ends the connection from our side: sends a close frame and lets the receive loop read until the server's close.
    /// The first request wins; its outcome decides what happens next.
    /// </summary>
    private static async Task RequestCloseAsync(
        IGatewayConnection connection,
        ConnectionState state,
        CancellationTokenSource sessionCts,
        Outcome outcome,
        int closeCode = ReconnectCloseCode,
        string reason = "reconnecting")
    {
        if (!state.TryRequest(outcome))
        {
            return;
        }

        try
        {
            // A zombie server never answers the close; stop waiting for it after a while.
            sessionCts.CancelAfter(CloseTimeout);
            await connection.CloseOutputAsync(closeCode, reason, sessionCts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException || IsConnectionFailure(ex))
        {
            connection.Abort();
        }
    }

    private async Task SendIdentifyAsync(IGatewayConnection connection, CancellationToken cancellationToken)
    {
        await _identifyLimiter.WaitAsync(_settings.ShardId, cancellationToken).ConfigureAwait(false);
        var properties = new IdentifyProperties(OperatingSystemName(), "BotHost", "BotHost");
        var identify = new IdentifyCommand(
            GatewayOpcode.Identify,
            new IdentifyData(_settings.Token, _settings.Intents, properties, [_settings.ShardId, _settings.ShardCount]));
        await SendAsync(connection, identify, GatewayJsonContext.Default.IdentifyCommand, cancellationToken).ConfigureAwait(false);
        Log.Identifying(_logger, _settings.ShardId, _settings.ShardCount, _settings.Intents);
    }

    private Task SendHeartbeatAsync(IGatewayConnection connection, CancellationToken cancellationToken) =>
        SendAsync(connection, new HeartbeatCommand(GatewayOpcode.Heartbeat, Sequence), GatewayJsonContext.Default.HeartbeatCommand, cancellationToken);

    private static async Task SendAsync<T>(IGatewayConnection connection, T payload, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, typeInfo);
        await connection.SendAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private static GatewayPayload Parse(ReadOnlyMemory<byte> data) =>
        JsonSerializer.Deserialize(data.Span, GatewayJsonContext.Default.GatewayPayload)
        ?? throw new JsonException("Gateway sent a null payload.");

    private Outcome FromClose(int? code, bool established)
    {
        var disposition = GatewayCloseCodes.Classify(code);
        Log.ClosedByServer(_logger, _settings.ShardId, code ?? 0, GatewayCloseCodes.Describe(code));
        return new Outcome(disposition, "closed: " + GatewayCloseCodes.Describe(code), established, Immediate: false, WaitBeforeIdentify: false, code);
    }

    private static Uri WithQuery(Uri baseUri)
    {
        var builder = new UriBuilder(baseUri) { Query = "v=10&encoding=json" };
        return builder.Uri;
    }

    private static bool IsConnectionFailure(Exception ex) =>
        ex is WebSocketException or IOException or HttpRequestException or ObjectDisposedException or InvalidOperationException;

    private static string OperatingSystemName() =>
        OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux";

    /// <summary>Per-connection state shared by the receive and heartbeat loops.</summary>
    private sealed class ConnectionState
    {
        private Outcome? _requested;
        private volatile bool _awaitingAck;
        private volatile bool _established;

        public bool AwaitingAck
        {
            get => _awaitingAck;
            set => _awaitingAck = value;
        }

        public bool Established
        {
            get => _established;
            set => _established = value;
        }

        public Outcome? Requested => Volatile.Read(ref _requested);

        public bool TryRequest(Outcome outcome) => Interlocked.CompareExchange(ref _requested, outcome, null) is null;
    }

    /// <param name="Established">The connection reached READY or RESUMED (resets the back-off).</param>
    /// <param name="Immediate">Reconnect without back-off (op 7, zombie).</param>
    private sealed record Outcome(CloseDisposition Next, string Reason, bool Established, bool Immediate, bool WaitBeforeIdentify, int? CloseCode)
    {
        public static Outcome Dropped(string reason, bool established) => new(CloseDisposition.Resume, reason, established, false, false, null);

        public static Outcome Resume(string reason, bool established, bool immediate) => new(CloseDisposition.Resume, reason, established, immediate, false, null);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Gateway shard {ShardId}: Hello, heartbeat every {IntervalMs} ms, resuming: {Resuming}")]
        public static partial void Hello(ILogger logger, int shardId, double intervalMs, bool resuming);

        [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Gateway shard {ShardId} of {ShardCount}: identifying with intents {Intents}")]
        public static partial void Identifying(ILogger logger, int shardId, int shardCount, int intents);

        [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "Gateway shard {ShardId} of {ShardCount}: ready")]
        public static partial void Ready(ILogger logger, int shardId, int shardCount);

        [LoggerMessage(EventId = 4204, Level = LogLevel.Information, Message = "Gateway shard {ShardId}: resumed at sequence {Sequence}")]
        public static partial void Resumed(ILogger logger, int shardId, long sequence);

        [LoggerMessage(EventId = 4205, Level = LogLevel.Information, Message = "Gateway shard {ShardId}: Discord asked for a reconnect (op 7)")]
        public static partial void ReconnectRequested(ILogger logger, int shardId);

        [LoggerMessage(EventId = 4206, Level = LogLevel.Warning, Message = "Gateway shard {ShardId}: invalid session (op 9), resumable: {Resumable}")]
        public static partial void InvalidSession(ILogger logger, int shardId, bool resumable);

        [LoggerMessage(EventId = 4207, Level = LogLevel.Warning, Message = "Gateway shard {ShardId}: no heartbeat ACK since the last beat; closing the zombie connection to resume")]
        public static partial void Zombie(ILogger logger, int shardId);

        [LoggerMessage(EventId = 4208, Level = LogLevel.Information, Message = "Gateway shard {ShardId}: reconnecting in {DelayMs} ms after {Reason}; will resume: {Resume}")]
        public static partial void Reconnecting(ILogger logger, int shardId, string reason, double delayMs, bool resume);

        [LoggerMessage(EventId = 4209, Level = LogLevel.Warning, Message = "Gateway shard {ShardId}: could not connect ({ErrorType}: {Error})")]
        public static partial void ConnectFailed(ILogger logger, int shardId, string errorType, string error);

        [LoggerMessage(EventId = 4210, Level = LogLevel.Warning, Message = "Gateway shard {ShardId}: connection lost ({ErrorType}: {Error})")]
        public static partial void ConnectionLost(ILogger logger, int shardId, string errorType, string error);

        [LoggerMessage(EventId = 4211, Level = LogLevel.Information, Message = "Gateway shard {ShardId}: Discord closed the connection with {CloseCode} ({Meaning})")]
        public static partial void ClosedByServer(ILogger logger, int shardId, int closeCode, string meaning);

        [LoggerMessage(EventId = 4212, Level = LogLevel.Critical, Message = "Gateway shard {ShardId}: stopped for good, Discord closed with {CloseCode} ({Meaning}); reconnecting would fail the same way")]
        public static partial void StoppedForGood(ILogger logger, int shardId, int closeCode, string meaning);

        [LoggerMessage(EventId = 4213, Level = LogLevel.Warning, Message = "Gateway shard {ShardId}: protocol error: {Detail}")]
        public static partial void ProtocolError(ILogger logger, int shardId, string detail);

        [LoggerMessage(EventId = 4214, Level = LogLevel.Debug, Message = "Gateway shard {ShardId}: ignoring unknown opcode {Op}")]
        public static partial void UnknownOpcode(ILogger logger, int shardId, int op);

        [LoggerMessage(EventId = 4216, Level = LogLevel.Warning, Message = "Gateway shard {ShardId}: {Failures} resume attempts failed in a row; starting a new session")]
        public static partial void GivingUpResume(ILogger logger, int shardId, int failures);

        [LoggerMessage(EventId = 4215, Level = LogLevel.Error, Message = "Gateway shard {ShardId}: handling an interaction failed")]
        public static partial void InteractionFailed(ILogger logger, int shardId, Exception exception);
    }
}
