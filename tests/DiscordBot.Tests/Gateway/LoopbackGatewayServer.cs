using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using ChatAdapters.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DiscordBot.Tests.Gateway;

/// <summary>
/// A stand-in for Discord's gateway on real Kestrel (127.0.0.1, port 0) with WebSockets. Each client connection is handed
/// to the test as a <see cref="ServerConnection"/>, which the test drives opcode by opcode.
/// </summary>
public sealed class LoopbackGatewayServer : IAsyncDisposable
{
    /// <summary>Cap on every wait so a broken client fails the test instead of hanging it; not a timing assertion.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly LoopbackHttpRecorder<ServerConnection> _connections;

    private LoopbackGatewayServer(LoopbackHttpRecorder<ServerConnection> connections)
    {
        _connections = connections;
        Url = new Uri(connections.BaseAddress.AbsoluteUri.Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/gateway");
    }

    public Uri Url { get; }

    public int ConnectionCount => _connections.Count;

    public static async Task<LoopbackGatewayServer> StartAsync() =>
        new(await LoopbackHttpRecorder<ServerConnection>.StartAsync(Patience, (app, connections) =>
        {
            app.UseWebSockets();
            app.Run(async context =>
            {
                if (!context.WebSockets.IsWebSocketRequest)
                {
                    context.Response.StatusCode = 400;
                    return;
                }

                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var connection = new ServerConnection(context, socket);
                connections.Record(connection);

                // The request lives as long as the socket does.
                await connection.PumpAsync();
            });
        }));

    /// <summary>A URL on this server with another path, to stand in for READY's resume_gateway_url.</summary>
    public Uri ResumeUrl => new(Url, "/resume");

    public Task<ServerConnection> NextConnectionAsync() => _connections.NextAsync();

    public bool TryNextConnection(out ServerConnection? connection) => _connections.TryTake(out connection);

    public ValueTask DisposeAsync() => _connections.DisposeAsync();
}

/// <summary>The server side of one gateway connection.</summary>
public sealed class ServerConnection
{
    private readonly HttpContext _context;
    private readonly WebSocket _socket;
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<int?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private int _heartbeats;

    internal ServerConnection(HttpContext context, WebSocket socket)
    {
        _context = context;
        _socket = socket;
        Path = context.Request.Path.Value ?? "";
        Query = context.Request.QueryString.Value ?? "";
    }

    public string Path { get; }

    public string Query { get; }

    /// <summary>Answer every heartbeat with an ACK (op 11) as Discord does; off for heartbeat and zombie tests.</summary>
    public bool AutoAck { get; set; } = true;

    public int HeartbeatsReceived => Volatile.Read(ref _heartbeats);

    /// <summary>The client's close code when it closed the connection; null if the connection just dropped.</summary>
    public Task<int?> Closed => _closed.Task;

    public Task SendAsync(string json) => SendRawAsync(Encoding.UTF8.GetBytes(json));

    public Task SendHelloAsync(int heartbeatIntervalMs) =>
        SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{heartbeatIntervalMs}}},"s":null,"t":null}""");

    public Task SendReadyAsync(long seq, string sessionId, Uri resumeUrl) =>
        SendAsync($$$"""{"op":0,"s":{{{seq}}},"t":"READY","d":{"v":10,"session_id":"{{{sessionId}}}","resume_gateway_url":"{{{resumeUrl.GetLeftPart(UriPartial.Path)}}}","user":{"id":"1","username":"bot"},"guilds":[]}}""");

    public Task SendDispatchAsync(long seq, string eventName, string data) =>
        SendAsync($$"""{"op":0,"s":{{seq}},"t":"{{eventName}}","d":{{data}}}""");

    /// <summary>The next payload the client sent, skipping heartbeats unless asked for them.</summary>
    public async Task<JsonElement> ReceiveAsync(bool includeHeartbeats = false)
    {
        using var cts = new CancellationTokenSource(LoopbackGatewayServer.Patience);
        while (true)
        {
            var payload = await _received.Reader.ReadAsync(cts.Token);
            if (includeHeartbeats || payload.GetProperty("op").GetInt32() != 1)
            {
                return payload;
            }
        }
    }

    public bool TryReceive(out JsonElement payload) => _received.Reader.TryRead(out payload);

    /// <summary>Closes from the server side with a Discord close code.</summary>
    public async Task CloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close frame, like a network failure.</summary>
    public void Drop() => _context.Abort();

    public async Task<int?> WaitClosedAsync() => await _closed.Task.WaitAsync(LoopbackGatewayServer.Patience);

    internal async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, _context.RequestAborted);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _closed.TrySetResult((int?)result.CloseStatus);
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _sendLock.WaitAsync();
                        try
                        {
                            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                        }
                        finally
                        {
                            _sendLock.Release();
                        }
                    }

                    return;
                }

                var payload = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                if (payload.GetProperty("op").GetInt32() == 1)
                {
                    Interlocked.Increment(ref _heartbeats);
                    if (AutoAck)
                    {
                        await SendAsync("""{"op":11}""");
                    }
                }

                await _received.Writer.WriteAsync(payload);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // Dropped without a close frame (the client aborted, or the test called Drop).
        }
        finally
        {
            _closed.TrySetResult(null);
        }
    }

    private async Task SendRawAsync(byte[] bytes)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
