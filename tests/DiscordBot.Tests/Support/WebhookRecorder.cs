using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DiscordBot.Tests.Support;

/// <summary>A loopback stand-in for Discord's webhook API that records "edit original response" calls.</summary>
public sealed class WebhookRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<RecordedCall> _calls = Channel.CreateUnbounded<RecordedCall>();

    private WebhookRecorder(WebApplication app) => _app = app;

    public Uri ApiBase { get; private set; } = null!;

    public static async Task<WebhookRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var recorder = new WebhookRecorder(app);
        app.MapMethods("/api/v10/webhooks/{applicationId}/{token}/messages/@original", ["PATCH"], async (HttpContext context, string applicationId, string token) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            await recorder._calls.Writer.WriteAsync(new RecordedCall(applicationId, token, body));
            return Results.Json(new Dictionary<string, string> { ["id"] = "1" });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        recorder.ApiBase = new Uri(address.TrimEnd('/') + "/api/v10/");
        return recorder;
    }

    public async Task<RecordedCall> NextCallAsync()
    {
        // A generous cap so a broken build fails instead of hanging; not a timing assertion.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _calls.Reader.ReadAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedCall(string ApplicationId, string Token, string Body);
