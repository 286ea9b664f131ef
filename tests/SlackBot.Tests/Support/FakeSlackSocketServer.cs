using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using ChatAdapters.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SlackBot.Tests.Support;

/// <summary>
/// A loopback stand-in for Slack's side of Socket Mode on real Kestrel: <c>POST /api/apps.connections.open</c> (checks
/// the bearer token, answers a <c>ws://127.0.0.1</c> URL with a fresh ticket) and that WebSocket, which the test drives
/// through <see cref="FakeSlackSocket"/> with envelopes shaped as Slack documents them.
/// </summary>
public sealed class FakeSlackSocketServer : IAsyncDisposable
{
    private readonly Channel<OpenCall> _opens = Channel.CreateUnbounded<OpenCall>();
    private readonly Channel<FakeSlackSocket> _sockets = Channel.CreateUnbounded<FakeSlackSocket>();
    private readonly TimeSpan _patience = TimeSpan.FromSeconds(30);
    private LoopbackWebApp _app = null!;
    private int _tickets;
    private int _refusals;

    private FakeSlackSocketServer(string appToken) => AppToken = appToken;

    public string AppToken { get; }

    /// <summary>What <c>apps.connections.open</c> answers instead of a URL while <see cref="Refuse"/>'s count lasts.</summary>
    public Func<HttpContext, Task>? Refusal { get; private set; }

    /// <summary>Where the bot's <c>Slack:ApiBaseUrl</c> points.</summary>
    public Uri ApiBase => new(_app.BaseAddress, "/api/");

    private int _openCalls;

    public int OpenCalls => Volatile.Read(ref _openCalls);

    public static async Task<FakeSlackSocketServer> StartAsync(string appToken)
    {
        var server = new FakeSlackSocketServer(appToken);
        server._app = await LoopbackWebApp.StartAsync(app =>
        {
            app.UseWebSockets();
            app.MapPost("/api/apps.connections.open", server.OpenAsync);
            app.Map("/link/", server.LinkAsync);
        });
        return server;
    }

    /// <summary>The next <paramref name="times"/> calls of <c>apps.connections.open</c> are answered by <paramref name="refusal"/>.</summary>
    public void Refuse(int times, Func<HttpContext, Task> refusal)
    {
        Volatile.Write(ref _refusals, times);
        Refusal = refusal;
    }

    public async Task<OpenCall> NextOpenCallAsync()
    {
        using var cts = new CancellationTokenSource(_patience);
        return await _opens.Reader.ReadAsync(cts.Token);
    }

    public async Task<FakeSlackSocket> NextSocketAsync()
    {
        using var cts = new CancellationTokenSource(_patience);
        return await _sockets.Reader.ReadAsync(cts.Token);
    }

    private async Task OpenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _openCalls);
        var authorization = context.Request.Headers.Authorization.ToString();
        _opens.Writer.TryWrite(new OpenCall(authorization, context.Request.ContentType));
        if (Interlocked.Decrement(ref _refusals) >= 0 && Refusal is { } refusal)
        {
            await refusal(context);
            return;
        }

        if (authorization != "Bearer " + AppToken)
        {
            await context.Response.WriteAsJsonAsync(new { ok = false, error = "invalid_auth" });
            return;
        }

        var ticket = $"ticket-{Interlocked.Increment(ref _tickets)}-5e1f";
        var url = new UriBuilder(_app.BaseAddress) { Scheme = "ws", Path = "/link/", Query = $"ticket={ticket}&app_id=A123456" }.Uri;
        await context.Response.WriteAsJsonAsync(new { ok = true, url = url.AbsoluteUri });
    }

    private async Task LinkAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var fake = new FakeSlackSocket(socket, context.Request.Query["ticket"].ToString(), _patience);
        _sockets.Writer.TryWrite(fake);
        await fake.RunAsync(context.RequestAborted);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public sealed record OpenCall(string Authorization, string? ContentType);
}

/// <summary>Slack's end of one Socket Mode WebSocket: sends envelopes, collects what the bot sends back.</summary>
public sealed class FakeSlackSocket
{
    private readonly WebSocket _socket;
    private readonly TimeSpan _patience;
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sending = new(1, 1);
    private int _envelopes;

    internal FakeSlackSocket(WebSocket socket, string ticket, TimeSpan patience)
    {
        _socket = socket;
        Ticket = ticket;
        _patience = patience;
    }

    public string Ticket { get; }

    /// <summary>Completes when the bot closed the socket (or it broke).</summary>
    public Task Closed => _closed.Task;

    internal async Task RunAsync(CancellationToken aborted)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, aborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }

                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    _received.Writer.TryWrite(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
                    message.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            _closed.TrySetResult();
        }
    }

    /// <summary>The next message the bot sent (an acknowledgement).</summary>
    public async Task<JsonElement> NextAsync()
    {
        using var cts = new CancellationTokenSource(_patience);
        return await _received.Reader.ReadAsync(cts.Token);
    }

    public bool TryTake(out JsonElement message) => _received.Reader.TryRead(out message);

    public async Task SendTextAsync(string text)
    {
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Slack closes the socket without a <c>disconnect</c> envelope first (a dropped link).</summary>
    public async Task DropAsync()
    {
        await _sending.WaitAsync();
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "going away", CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }

        await Closed;
    }

    public Task SendAsync(object envelope) => SendTextAsync(JsonSerializer.Serialize(envelope));

    public Task HelloAsync() => SendAsync(new
    {
        type = "hello",
        num_connections = 1,
        debug_info = new { host = "applink-7fc4fdbb64-4x5xq", build_number = 10, approximate_connection_time = 18060 },
        connection_info = new { app_id = "A123456" },
    });

    public Task DisconnectAsync(string reason) => SendAsync(new
    {
        type = "disconnect",
        reason,
        debug_info = new { host = "applink-7fc4fdbb64-4x5xq" },
    });

    /// <summary>Sends a <c>slash_commands</c> envelope (payload: the HTTP form's fields) and returns its envelope id.</summary>
    public async Task<string> SlashCommandAsync(string command, string text, string responseUrl, bool acceptsResponsePayload = true)
    {
        var id = NewEnvelopeId();
        await SendAsync(new
        {
            envelope_id = id,
            type = "slash_commands",
            accepts_response_payload = acceptsResponsePayload,
            payload = new Dictionary<string, string>
            {
                ["token"] = "deprecated-verification-token",
                ["team_id"] = "T0001",
                ["team_domain"] = "example",
                ["channel_id"] = "C2147483705",
                ["channel_name"] = "test",
                ["user_id"] = "U2147483697",
                ["user_name"] = "tester",
                ["command"] = command,
                ["text"] = text,
                ["api_app_id"] = "A123456",
                ["is_enterprise_install"] = "false",
                ["response_url"] = responseUrl,
                ["trigger_id"] = "13345224609.738474920.8088930838d88f008e0",
            },
        });
        return id;
    }

    /// <summary>Sends an <c>interactive</c> envelope whose payload is a <c>block_actions</c> click on a button, and returns its envelope id.</summary>
    public async Task<string> ButtonClickAsync(string actionId, string value, string responseUrl)
    {
        var id = NewEnvelopeId();
        await SendAsync(new
        {
            envelope_id = id,
            type = "interactive",
            accepts_response_payload = false,
            payload = new
            {
                type = "block_actions",
                user = new { id = "U2147483697", username = "tester", team_id = "T0001" },
                api_app_id = "A123456",
                container = new { type = "message", is_ephemeral = true },
                trigger_id = "123.456.abc",
                team = new { id = "T0001", domain = "example" },
                response_url = responseUrl,
                actions = new[]
                {
                    new
                    {
                        type = "button",
                        action_id = actionId,
                        block_id = "b1",
                        value,
                        text = new { type = "plain_text", text = "More answers" },
                        action_ts = "1548426417.840180",
                    },
                },
            },
        });
        return id;
    }

    private string NewEnvelopeId() => $"{Ticket}-envelope-{Interlocked.Increment(ref _envelopes)}-57d6c792-4d35-4b15-9f5d-0d1e2f3a4b5c";
}

/// <summary>HTTP answers a refusing <c>apps.connections.open</c> gives.</summary>
public static class Refusals
{
    public static Task Unavailable(HttpContext context)
    {
        context.Response.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
        return Task.CompletedTask;
    }

    public static Task InternalError(HttpContext context) => context.Response.WriteAsJsonAsync(new { ok = false, error = "internal_error" });
}
