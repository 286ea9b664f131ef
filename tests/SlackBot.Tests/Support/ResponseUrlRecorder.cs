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

namespace SlackBot.Tests.Support;

/// <summary>A loopback stand-in for Slack's <c>response_url</c> hooks that records every POST.</summary>
public sealed class ResponseUrlRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<RecordedPost> _posts = Channel.CreateUnbounded<RecordedPost>();
    private int _next;

    private ResponseUrlRecorder(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<ResponseUrlRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var recorder = new ResponseUrlRecorder(app);
        app.MapPost("/commands/{id}", async (HttpContext context, string id) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            await recorder._posts.Writer.WriteAsync(new RecordedPost(id, context.Request.ContentType, body));
            return Results.Text("ok");
        });
        // Sends the POST on to the recording route, as a hostile or misconfigured hook might.
        app.MapPost("/redirect/{id}", (string id) => Results.Redirect($"/commands/{id}", permanent: false, preserveMethod: true));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        recorder.BaseAddress = new Uri(address);
        return recorder;
    }

    /// <summary>A fresh response_url on this server, as Slack would send one per command.</summary>
    public string NewUrl() => new Uri(BaseAddress, $"/commands/T1-{Interlocked.Increment(ref _next)}").AbsoluteUri;

    public async Task<RecordedPost> NextAsync()
    {
        // A generous cap so a broken build fails instead of hanging; not a timing assertion.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _posts.Reader.ReadAsync(cts.Token);
    }

    public bool TryTake(out RecordedPost? post) => _posts.Reader.TryRead(out post);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedPost(string Id, string? ContentType, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
