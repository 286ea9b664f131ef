using System.Text.Json;
using ChatAdapters.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SlackBot.Tests.Support;

/// <summary>A loopback stand-in for Slack's <c>response_url</c> hooks that records every POST.</summary>
public sealed class ResponseUrlRecorder : IAsyncDisposable
{
    private readonly LoopbackHttpRecorder<RecordedPost> _posts;
    private int _next;

    private ResponseUrlRecorder(LoopbackHttpRecorder<RecordedPost> posts) => _posts = posts;

    public Uri BaseAddress => _posts.BaseAddress;

    public static async Task<ResponseUrlRecorder> StartAsync() =>
        new(await LoopbackHttpRecorder<RecordedPost>.StartAsync(TimeSpan.FromSeconds(30), (app, posts) =>
        {
            app.MapPost("/commands/{id}", async (HttpContext context, string id) =>
            {
                posts.Record(new RecordedPost(id, context.Request.ContentType, await LoopbackWebApp.ReadBodyAsync(context)));
                return Results.Text("ok");
            });
            // Sends the POST on to the recording route, as a hostile or misconfigured hook might.
            app.MapPost("/redirect/{id}", (string id) => Results.Redirect($"/commands/{id}", permanent: false, preserveMethod: true));
        }));

    /// <summary>A fresh response_url on this server, as Slack would send one per command.</summary>
    public string NewUrl() => new Uri(BaseAddress, $"/commands/T1-{Interlocked.Increment(ref _next)}").AbsoluteUri;

    public Task<RecordedPost> NextAsync() => _posts.NextAsync();

    public bool TryTake(out RecordedPost? post) => _posts.TryTake(out post);

    public ValueTask DisposeAsync() => _posts.DisposeAsync();
}

public sealed record RecordedPost(string Id, string? ContentType, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
