using System.Buffers;
using System.Net.WebSockets;

namespace DiscordBot.Gateway;

/// <summary>
/// One WebSocket connection to the gateway. A seam so the session logic can be tested against a
/// loopback server and so the transport (ClientWebSocket today) can change without touching it.
/// </summary>
public interface IGatewayConnection : IAsyncDisposable
{
    Task ConnectAsync(Uri uri, CancellationToken cancellationToken);

    /// <summary>Sends one text message. Safe to call from several tasks at once (heartbeats and replies race).</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken);

    /// <summary>
    /// The next whole message, or a close. The returned bytes are only valid until the next call.
    /// Only one receive may be outstanding at a time.
    /// </summary>
    ValueTask<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Sends a close frame without waiting for the server's; the receive loop sees the reply.</summary>
    Task CloseOutputAsync(int closeCode, string reason, CancellationToken cancellationToken);

    /// <summary>Drops the connection at once; pending operations fail.</summary>
    void Abort();
}

/// <summary>A received message: text (<see cref="Data"/>) or a close (<see cref="CloseCode"/> set, null if the peer gave none).</summary>
public readonly record struct GatewayFrame(ReadOnlyMemory<byte> Data, bool IsClose, int? CloseCode, string? CloseReason)
{
    public static GatewayFrame Message(ReadOnlyMemory<byte> data) => new(data, false, null, null);

    public static GatewayFrame Closed(int? code, string? reason) => new(default, true, code, reason);
}

public interface IGatewayConnectionFactory
{
    IGatewayConnection Create();
}

internal sealed class WebSocketGatewayConnectionFactory : IGatewayConnectionFactory
{
    public IGatewayConnection Create() => new WebSocketGatewayConnection();
}

/// <summary><see cref="ClientWebSocket"/> behind <see cref="IGatewayConnection"/>.</summary>
internal sealed class WebSocketGatewayConnection : IGatewayConnection
{
    // Dispatches such as GUILD_CREATE can be large; messages are assembled here and the buffer reused.
    private const int MaxMessageBytes = 16 * 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _receiveBuffer = new(16 * 1024);

    public WebSocketGatewayConnection()
    {
        // Heartbeats are the liveness check; a protocol-level ping would only add noise.
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) => _socket.ConnectAsync(uri, cancellationToken);

    public async ValueTask SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async ValueTask<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        _receiveBuffer.ResetWrittenCount();
        while (true)
        {
            var memory = _receiveBuffer.GetMemory(8 * 1024);
            var result = await _socket.ReceiveAsync(memory, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                var code = (int?)_socket.CloseStatus;
                var reason = _socket.CloseStatusDescription;
                await AnswerCloseAsync().ConfigureAwait(false);
                return GatewayFrame.Closed(code, reason);
            }

            _receiveBuffer.Advance(result.Count);
            if (_receiveBuffer.WrittenCount > MaxMessageBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, "Gateway message exceeds the size limit.");
            }

            if (result.EndOfMessage)
            {
                return GatewayFrame.Message(_receiveBuffer.WrittenMemory);
            }
        }
    }

    public async Task CloseOutputAsync(int closeCode, string reason, CancellationToken cancellationToken)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)closeCode, reason, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
    }

    public void Abort() => _socket.Abort();

    // The server closed first: complete the handshake by echoing its code, as RFC 6455 asks, so the TCP connection ends cleanly.
    private async Task AnswerCloseAsync()
    {
        if (_socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await _socket.CloseOutputAsync(_socket.CloseStatus ?? WebSocketCloseStatus.Empty, null, timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The connection is over either way.
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        _sendLock.Dispose();
        return ValueTask.CompletedTask;
    }
}
