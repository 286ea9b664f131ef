using System.Net;
using System.Text.Json;
using SlackBot.Rendering;
using SlackBot.Tests.Support;
using static SlackBot.Tests.Support.SlackJson;

namespace SlackBot.Tests.Endpoint;

public sealed class PagingTests(SlackServerFixture fixture) : IClassFixture<SlackServerFixture>
{
    private SlackTestServer Server => fixture.Server;

    [Fact]
    public async Task More_answers_and_previous_replace_the_message_through_the_response_url()
    {
        var first = await Server.CommandAsync("/headlines", "rain");
        Assert.Contains("1–3 of 7", AllText(first));
        var next = Assert.Single(Buttons(first));
        Assert.Equal(SlackReplyRenderer.NextActionId, next.GetProperty("action_id").GetString());
        Assert.Equal(SlackReplyRenderer.NextLabel, next.GetProperty("text").GetProperty("text").GetString());

        var second = await ClickAsync(next);
        Assert.True(second.GetProperty("replace_original").GetBoolean());
        Assert.Contains("4–6 of 7", AllText(second));
        Assert.Contains(AllText(second), t => t.Contains("Headline 4 about rain", StringComparison.Ordinal));
        var buttons = Buttons(second).ToList();
        Assert.Equal([SlackReplyRenderer.PreviousActionId, SlackReplyRenderer.NextActionId], buttons.Select(b => b.GetProperty("action_id").GetString()));

        var third = await ClickAsync(buttons[1]);
        Assert.Contains("7–7 of 7", AllText(third));
        var back = Assert.Single(Buttons(third));

        var again = await ClickAsync(back);
        Assert.Contains("4–6 of 7", AllText(again));
    }

    [Fact]
    public async Task Paging_replies_as_sent_give_every_block_button_and_text_object_its_type()
    {
        var first = await Server.CommandAsync("/headlines", "rain");
        var second = await ClickAsync(Assert.Single(Buttons(first)));

        Assert.NotEmpty(Buttons(first));
        Assert.Empty(Rendering.SlackReplyRendererPropertyTests.UntypedObjects(first));
        Assert.Empty(Rendering.SlackReplyRendererPropertyTests.UntypedObjects(second));
        Assert.All(Buttons(second), b =>
        {
            Assert.Equal("button", b.GetProperty("type").GetString());
            Assert.Equal("plain_text", b.GetProperty("text").GetProperty("type").GetString());
        });
    }

    [Fact]
    public async Task Ask_over_the_seed_stories_pages_without_repeating_a_sentence()
    {
        var first = await Server.CommandAsync("/ask", "Netanyahu Trump ceasefire Gaza talks");
        var seen = Citations(first).ToList();
        var message = first;
        for (var i = 0; i < 3 && Buttons(message).Any(b => b.GetProperty("action_id").GetString() == SlackReplyRenderer.NextActionId); i++)
        {
            message = await ClickAsync(Buttons(message).Single(b => b.GetProperty("action_id").GetString() == SlackReplyRenderer.NextActionId));
            var page = Citations(message).ToList();
            Assert.NotEmpty(page);
            Assert.Empty(page.Intersect(seen));
            seen.AddRange(page);
        }

        Assert.True(seen.Count > Citations(first).Count(), "the seed stories give more than one page for this question");
    }

    [Fact]
    public async Task A_button_whose_cache_entry_is_unknown_says_it_expired_without_replacing()
    {
        var url = Server.Hooks.NewUrl();
        using var response = await Server.PostSignedAsync(Server.Interactions, Server.ButtonClick(SlackReplyRenderer.NextActionId, "1:doesnotexist", url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var post = await Server.Hooks.NextAsync();
        Assert.False(post.Json.GetProperty("replace_original").GetBoolean());
        Assert.Equal("ephemeral", post.Json.GetProperty("response_type").GetString());
        Assert.Contains(AllText(post.Json), t => t.Contains("expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Other_interactions_are_acknowledged_and_ignored()
    {
        using var otherButton = await Server.PostSignedAsync(Server.Interactions, Server.ButtonClick("someone_elses_button", "1:x"));
        using var shortcut = await Server.PostSignedAsync(Server.Interactions, SlackTestServer.Form(("payload", """{"type":"shortcut","callback_id":"x","trigger_id":"1"}""")));

        Assert.Equal(HttpStatusCode.OK, otherButton.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shortcut.StatusCode);
    }

    [Theory]
    [InlineData("payload=%7Bnot+json")]
    [InlineData("payload=%5B1%2C2%5D")]
    [InlineData("payload=%7B%7D")]
    [InlineData("nopayload=1")]
    [InlineData("")]
    public async Task Signed_but_malformed_payloads_are_400(string form)
    {
        using var response = await Server.PostSignedAsync(Server.Interactions, System.Text.Encoding.UTF8.GetBytes(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_paging_click_with_a_foreign_response_url_is_400_and_posts_nothing()
    {
        using var response = await Server.PostSignedAsync(Server.Interactions, Server.ButtonClick(SlackReplyRenderer.NextActionId, "1:x", "https://example.com/hook"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<JsonElement> ClickAsync(JsonElement button)
    {
        var url = Server.Hooks.NewUrl();
        using var response = await Server.PostSignedAsync(Server.Interactions, Server.ButtonClick(button.GetProperty("action_id").GetString()!, button.GetProperty("value").GetString()!, url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = await Server.Hooks.NextAsync();
        Assert.Equal(new Uri(url).Segments[^1], post.Id);
        return post.Json.Clone();
    }

    private static IEnumerable<string> Citations(JsonElement message) =>
        Blocks(message).Where(b => Type(b) == "section").Skip(1).SelectMany(BlockTexts);
}
