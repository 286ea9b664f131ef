using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using DiscordBot.Tests.Gateway;

namespace DiscordBot.Tests.Rest;

/// <summary>
/// A stand-in for Discord's REST API on real Kestrel (127.0.0.1, port 0). Records every request (with the fake-clock
/// time it arrived) and answers with whatever <see cref="Respond"/> says, so tests can script 429s and bucket headers.
/// </summary>
public sealed class LoopbackRestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<RestRequest> _requests = Channel.CreateUnbounded<RestRequest>();
    private int _count;

    private LoopbackRestServer(WebApplication app, TimeProvider clock)
    {
        _app = app;
        Clock = clock;
    }

    public Uri ApiBase { get; private set; } = null!;

    public TimeProvider Clock { get; }

    public int RequestCount => Volatile.Read(ref _count);

    /// <summary>Answers request number n (0-based); by default 200 with an empty JSON array.</summary>
    public Func<RestRequest, int, RestAnswer> Respond { get; set; } = (_, _) => RestAnswer.Json(200, "[]");

    public static async Task<LoopbackRestServer> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackRestServer(app, clock ?? TimeProvider.System);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var request = new RestRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.Headers.Authorization.ToString(),
                context.Request.Headers.UserAgent.ToString(),
                context.Request.ContentType,
                body,
                server.Clock.GetUtcNow());
            var index = Interlocked.Increment(ref server._count) - 1;
            await server._requests.Writer.WriteAsync(request);

            var answer = server.Respond(request, index);
            context.Response.StatusCode = answer.Status;
            foreach (var (name, value) in answer.Headers)
            {
                context.Response.Headers[name] = value;
            }

            if (answer.Body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(answer.Body, context.RequestAborted);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.ApiBase = new Uri(address.TrimEnd('/') + "/api/v10/");
        return server;
    }

    public async Task<RestRequest> NextRequestAsync()
    {
        using var cts = new CancellationTokenSource(LoopbackGatewayServer.Patience);
        return await _requests.Reader.ReadAsync(cts.Token);
    }

    public bool TryNextRequest(out RestRequest? request) => _requests.Reader.TryRead(out request);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RestRequest(string Method, string Path, string Authorization, string UserAgent, string? ContentType, string Body, DateTimeOffset ArrivedAt)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

public sealed record RestAnswer(int Status, string? Body, IReadOnlyList<(string Name, string Value)> Headers)
{
    public static RestAnswer Json(int status, string body, params (string Name, string Value)[] headers) => new(status, body, headers);

    public static RestAnswer Empty(int status, params (string Name, string Value)[] headers) => new(status, null, headers);
}
