using System.Text.Json;
using ChatAdapters.Testing;
using DiscordBot.Tests.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DiscordBot.Tests.Rest;

/// <summary>
/// A stand-in for Discord's REST API on real Kestrel (127.0.0.1, port 0). Records every request (with the fake-clock
/// time it arrived) and answers with whatever <see cref="Respond"/> says, so tests can script 429s and bucket headers.
/// </summary>
public sealed class LoopbackRestServer : IAsyncDisposable
{
    private LoopbackHttpRecorder<RestRequest> _requests = null!;

    private LoopbackRestServer(TimeProvider clock) => Clock = clock;

    public Uri ApiBase => new(_requests.BaseAddress, "/api/v10/");

    public TimeProvider Clock { get; }

    public int RequestCount => _requests.Count;

    /// <summary>Answers request number n (0-based); by default 200 with an empty JSON array.</summary>
    public Func<RestRequest, int, RestAnswer> Respond { get; set; } = (_, _) => RestAnswer.Json(200, "[]");

    public static async Task<LoopbackRestServer> StartAsync(TimeProvider? clock = null)
    {
        var server = new LoopbackRestServer(clock ?? TimeProvider.System);
        server._requests = await LoopbackHttpRecorder<RestRequest>.StartAsync(LoopbackGatewayServer.Patience, (app, requests) => app.Run(async context =>
        {
            var request = new RestRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.Headers.Authorization.ToString(),
                context.Request.Headers.UserAgent.ToString(),
                context.Request.ContentType,
                await LoopbackWebApp.ReadBodyAsync(context),
                server.Clock.GetUtcNow());
            var index = requests.Record(request);

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
        }));
        return server;
    }

    public Task<RestRequest> NextRequestAsync() => _requests.NextAsync();

    public bool TryNextRequest(out RestRequest? request) => _requests.TryTake(out request);

    public ValueTask DisposeAsync() => _requests.DisposeAsync();
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
