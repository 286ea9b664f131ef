using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SlackBot.Interactions;
using SlackBot.Wire;

namespace SlackBot.SocketMode;

/// <summary>How a Socket Mode connection ended, as far as the supervisor cares.</summary>
internal enum SocketEnd
{
    /// <summary>Slack sent <c>disconnect</c>: open a new connection, then close this one (it still works meanwhile).</summary>
    RefreshRequested,

    /// <summary>The socket closed or failed.</summary>
    Lost,
}

/// <summary>
/// One Socket Mode WebSocket: reads Slack's envelopes, acknowledges each by its <c>envelope_id</c> and hands slash
/// commands and button presses to <see cref="SlackCommandHandler"/>. Envelopes are handled concurrently, so a slow
/// command never holds up the next envelope's acknowledgement.
/// </summary>
internal sealed partial class SlackSocketConnection : IAsyncDisposable
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;
    private readonly SlackCommandHandler _commands;
    private readonly SlackResponder _responder;
    private readonly ILogger _logger;
    private readonly int _maxMessageBytes;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _closing;
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;

    private SlackSocketConnection(ClientWebSocket socket, SlackCommandHandler commands, SlackResponder responder, int id, int maxMessageBytes, ILogger logger, CancellationToken stopping)
    {
        _socket = socket;
        _commands = commands;
        _responder = responder;
        Id = id;
        _maxMessageBytes = maxMessageBytes;
        _logger = logger;
        _closing = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    /// <summary>A number for the logs (the URL holds a ticket and is never logged).</summary>
    public int Id { get; }

    /// <summary>Slack said <c>hello</c> on this connection: it works.</summary>
    public bool SaidHello => _hello.Task.IsCompleted;

    public Task Hello => _hello.Task;

    public static async Task<SlackSocketConnection> ConnectAsync(
        Uri url, int id, SlackCommandHandler commands, SlackResponder responder, int maxMessageBytes, ILogger logger, CancellationToken stopping)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
        try
        {
            // A handshake that hangs counts as a failed connect (and is retried), not as a bot stuck for good.
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            connecting.CancelAfter(ConnectTimeout);
            await socket.ConnectAsync(url, connecting.Token).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new SlackSocketConnection(socket, commands, responder, id, maxMessageBytes, logger, stopping);
        connection._receiving = Task.Run(connection.ReceiveAsync, CancellationToken.None);
        return connection;
    }

    /// <summary>Waits until Slack asks for a new connection or this one is lost.</summary>
    public async Task<SocketEnd> WaitAsync()
    {
        var first = await Task.WhenAny(_disconnect.Task, _receiving).ConfigureAwait(false);
        return first == _disconnect.Task ? SocketEnd.RefreshRequested : SocketEnd.Lost;
    }

    /// <summary>Closes the socket politely, reading (and answering) what still arrives until Slack confirms, then aborts.</summary>
    public async Task CloseAsync()
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(CloseWait);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token).ConfigureAwait(false);
            }

            await _receiving.WaitAsync(CloseWait).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or TimeoutException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Closing is best effort; the abort below ends it either way.
        }

        await _closing.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        var tooLong = false;
        try
        {
            while (!_closing.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), _closing.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Log.Closed(_logger, Id, (int?)_socket.CloseStatus);
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        using var timeout = new CancellationTokenSource(CloseWait);
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
                    }

                    return;
                }

                if (!tooLong)
                {
                    if (message.Length + result.Count > _maxMessageBytes)
                    {
                        // Read to the end of the message and drop it; the connection itself is fine.
                        tooLong = true;
                        message.SetLength(0);
                    }
                    else
                    {
                        message.Write(buffer, 0, result.Count);
                    }
                }

                if (result.EndOfMessage)
                {
                    if (tooLong)
                    {
                        Log.Malformed(_logger, Id, "an envelope over Slack:MaxBodyBytes", null);
                    }
                    else if (result.MessageType == WebSocketMessageType.Text)
                    {
                        Handle(message.ToArray());
                    }

                    tooLong = false;
                    message.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            if (!_closing.IsCancellationRequested)
            {
                Log.Lost(_logger, Id, ex);
            }
        }
    }

    private void Handle(byte[] json)
    {
        SocketEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(json, SlackJsonContext.Default.SocketEnvelope);
        }
        catch (JsonException ex)
        {
            Log.Malformed(_logger, Id, "an envelope that is not JSON of the documented shape", ex);
            return;
        }

        switch (envelope?.Type)
        {
            case "hello":
                Log.Hello(_logger, Id);
                _hello.TrySetResult();
                break;
            case "disconnect":
                Log.DisconnectRequested(_logger, Id, Known(envelope.Reason));
                _disconnect.TrySetResult();
                break;
            case "slash_commands" when envelope.EnvelopeId is { } id:
                _responder.Run(_ => SlashCommandAsync(id, envelope));
                break;
            case "interactive" when envelope.EnvelopeId is { } id:
                _responder.Run(_ => InteractionAsync(id, envelope));
                break;
            default:
                if (envelope?.EnvelopeId is { } other)
                {
                    // Events the app did not subscribe to, or types added later: acknowledged so Slack stops resending.
                    Log.Ignored(_logger, Id, Known(envelope.Type));
                    _responder.Run(_ => AcknowledgeAsync(new SocketAcknowledgement(other)));
                }
                else
                {
                    Log.Malformed(_logger, Id, "an envelope without a known type or an envelope_id", null);
                }

                break;
        }
    }

    private async Task SlashCommandAsync(string envelopeId, SocketEnvelope envelope)
    {
        var fields = Read(envelope.Payload, SlackJsonContext.Default.SlashCommandPayload);

        // The handler answers within Slack:DeferAfter (under Slack's 3 seconds), deferring to response_url if need be.
        var message = fields is null
            ? null
            : await _commands.HandleSlashCommandAsync(fields.Command, fields.Text, fields.ResponseUrl, _closing.Token).ConfigureAwait(false);
        if (message is null)
        {
            Log.Malformed(_logger, Id, "a slash command", null);
            await AcknowledgeAsync(new SocketAcknowledgement(envelopeId)).ConfigureAwait(false);
            return;
        }

        if (envelope.AcceptsResponsePayload != false)
        {
            await AcknowledgeAsync(new SocketAcknowledgement(envelopeId, message)).ConfigureAwait(false);
            return;
        }

        // Slack did not offer to take the answer with the acknowledgement: it goes to response_url (which the handler
        // has already checked against Slack:AllowLoopbackResponseUrls, or there would be no message).
        await AcknowledgeAsync(new SocketAcknowledgement(envelopeId)).ConfigureAwait(false);
        if (ResponseUrlPolicy.Accept(fields!.ResponseUrl, allowLoopback: true) is { } url)
        {
            await _responder.PostAsync(url, message, _responder.Stopping).ConfigureAwait(false);
        }
    }

    private async Task InteractionAsync(string envelopeId, SocketEnvelope envelope)
    {
        // Acknowledged first: the new page goes to the payload's response_url.
        await AcknowledgeAsync(new SocketAcknowledgement(envelopeId)).ConfigureAwait(false);
        var payload = Read(envelope.Payload, SlackJsonContext.Default.InteractionPayload);
        if (payload?.Type is null || _commands.HandleInteraction(payload) == InteractionOutcome.Malformed)
        {
            Log.Malformed(_logger, Id, "an interaction", null);
        }
    }

    private T? Read<T>(JsonElement? payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        if (payload is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        try
        {
            return element.Deserialize(type);
        }
        catch (JsonException ex)
        {
            Log.Malformed(_logger, Id, "a payload", ex);
            return null;
        }
    }

    private async Task AcknowledgeAsync(SocketAcknowledgement ack)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(ack, SlackJsonContext.Default.SocketAcknowledgement);
        try
        {
            await _sending.WaitAsync(_closing.Token).ConfigureAwait(false);
            try
            {
                await _socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, _closing.Token).ConfigureAwait(false);
            }
            finally
            {
                _sending.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Slack resends an envelope it never saw acknowledged, on this or the next connection.
            Log.AckFailed(_logger, Id, ex);
        }
    }

    /// <summary>Slack's type and reason words as they are, anything else (not ours to echo into logs) as "other".</summary>
    private static string Known(string? word) =>
        word is { Length: > 0 and <= 40 } && word.All(c => char.IsAsciiLetterLower(c) || c == '_') ? word : "other";

    public async ValueTask DisposeAsync()
    {
        // Also at shutdown (when reading has already stopped): Slack is told the socket is closing, not left to time out.
        await CloseAsync().ConfigureAwait(false);

        _socket.Dispose();
        _closing.Dispose();
        _sending.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6031, Level = LogLevel.Information, Message = "Slack Socket Mode connection {Connection} is open (hello)")]
        public static partial void Hello(ILogger logger, int connection);

        [LoggerMessage(EventId = 6032, Level = LogLevel.Information, Message = "Slack asked Socket Mode connection {Connection} to reconnect ({Reason})")]
        public static partial void DisconnectRequested(ILogger logger, int connection, string reason);

        [LoggerMessage(EventId = 6033, Level = LogLevel.Warning, Message = "Ignored {What} on Slack Socket Mode connection {Connection}")]
        public static partial void Malformed(ILogger logger, int connection, string what, Exception? exception);

        [LoggerMessage(EventId = 6034, Level = LogLevel.Debug, Message = "Acknowledged and ignored a {Type} envelope on Slack Socket Mode connection {Connection}")]
        public static partial void Ignored(ILogger logger, int connection, string type);

        [LoggerMessage(EventId = 6035, Level = LogLevel.Warning, Message = "Could not acknowledge an envelope on Slack Socket Mode connection {Connection}")]
        public static partial void AckFailed(ILogger logger, int connection, Exception exception);

        [LoggerMessage(EventId = 6036, Level = LogLevel.Information, Message = "Slack closed Socket Mode connection {Connection} (close status {Status})")]
        public static partial void Closed(ILogger logger, int connection, int? status);

        [LoggerMessage(EventId = 6037, Level = LogLevel.Warning, Message = "Slack Socket Mode connection {Connection} was lost")]
        public static partial void Lost(ILogger logger, int connection, Exception exception);
    }
}
