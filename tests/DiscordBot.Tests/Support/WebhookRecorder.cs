using ChatAdapters.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DiscordBot.Tests.Support;

/// <summary>A loopback stand-in for Discord's webhook API that records "edit original response" (PATCH), "delete original response" (DELETE) and follow-up (POST) calls.</summary>
public sealed class WebhookRecorder : IAsyncDisposable
{
    private readonly LoopbackHttpRecorder<RecordedCall> _calls;

    private WebhookRecorder(LoopbackHttpRecorder<RecordedCall> calls)
    {
        _calls = calls;
        ApiBase = new Uri(calls.BaseAddress, "/api/v10/");
    }

    public Uri ApiBase { get; }

    public static async Task<WebhookRecorder> StartAsync() =>
        new(await LoopbackHttpRecorder<RecordedCall>.StartAsync(TimeSpan.FromSeconds(30), (app, calls) =>
        {
            app.MapMethods("/api/v10/webhooks/{applicationId}/{token}/messages/@original", ["PATCH"], async (HttpContext context, string applicationId, string token) =>
            {
                calls.Record(new RecordedCall(applicationId, token, await LoopbackWebApp.ReadBodyAsync(context)));
                return Results.Json(new Dictionary<string, string> { ["id"] = "1" });
            });
            app.MapDelete("/api/v10/webhooks/{applicationId}/{token}/messages/@original", (string applicationId, string token) =>
            {
                calls.Record(new RecordedCall(applicationId, token, string.Empty, RecordedCall.DeleteOriginal));
                return Results.NoContent();
            });
            app.MapPost("/api/v10/webhooks/{applicationId}/{token}", async (HttpContext context, string applicationId, string token) =>
            {
                calls.Record(new RecordedCall(applicationId, token, await LoopbackWebApp.ReadBodyAsync(context), RecordedCall.FollowUp));
                return Results.Json(new Dictionary<string, string> { ["id"] = "2" });
            });
        }));

    public Task<RecordedCall> NextCallAsync() => _calls.NextAsync();

    public ValueTask DisposeAsync() => _calls.DisposeAsync();
}

/// <param name="Kind"><see cref="EditOriginal"/>, <see cref="FollowUp"/> or <see cref="DeleteOriginal"/>.</param>
public sealed record RecordedCall(string ApplicationId, string Token, string Body, string Kind = RecordedCall.EditOriginal)
{
    public const string EditOriginal = "PATCH @original";
    public const string FollowUp = "POST follow-up";
    public const string DeleteOriginal = "DELETE @original";
}
