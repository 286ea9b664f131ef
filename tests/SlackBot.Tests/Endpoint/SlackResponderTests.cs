using Microsoft.Extensions.DependencyInjection;
using SlackBot.Interactions;
using SlackBot.Wire;
using SlackBot.Tests.Support;

namespace SlackBot.Tests.Endpoint;

public sealed class SlackResponderTests(SlackServerFixture fixture) : IClassFixture<SlackServerFixture>
{
    private SlackTestServer Server => fixture.Server;

    [Fact]
    public async Task Redirects_from_a_response_url_are_not_followed()
    {
        var responder = Server.Services.GetRequiredService<SlackResponder>();
        var message = new SlackMessage("ephemeral", "hello", [new SectionBlock(new MrkdwnText("hello"))]);

        var delivered = await responder.PostAsync(new Uri(Server.Hooks.BaseAddress, "/redirect/R1"), message, CancellationToken.None);

        // PostAsync has returned, so a followed redirect would already have been recorded.
        Assert.False(delivered);
        Assert.False(Server.Hooks.TryTake(out _));
    }

    [Fact]
    public async Task A_message_posted_to_a_response_url_is_slack_json()
    {
        var responder = Server.Services.GetRequiredService<SlackResponder>();
        var message = new SlackMessage("ephemeral", "hello", [new SectionBlock(new MrkdwnText("hello"))], ReplaceOriginal: true);

        Assert.True(await responder.PostAsync(new Uri(Server.Hooks.NewUrl()), message, CancellationToken.None));

        var post = await Server.Hooks.NextAsync();
        Assert.Equal("application/json", post.ContentType?.Split(';')[0]);
        Assert.Equal("section", post.Json.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.Equal("mrkdwn", post.Json.GetProperty("blocks")[0].GetProperty("text").GetProperty("type").GetString());
        Assert.True(post.Json.GetProperty("replace_original").GetBoolean());
        Assert.False(post.Json.GetProperty("unfurl_links").GetBoolean());
    }
}
