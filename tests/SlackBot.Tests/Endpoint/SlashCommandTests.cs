using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using ChatCommands;
using ChatCommands.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;
using SlackBot.Endpoint;
using SlackBot.Tests.Support;
using static SlackBot.Tests.Support.SlackJson;

namespace SlackBot.Tests.Endpoint;

public sealed class SlashCommandTests(SlackServerFixture fixture) : IClassFixture<SlackServerFixture>
{
    private SlackTestServer Server => fixture.Server;

    [Fact]
    public async Task Ask_over_the_seed_stories_answers_inline_with_the_dispatchers_citations()
    {
        const string question = "What was agreed in the ceasefire talks?";
        var message = await Server.CommandAsync("/ask", question);
        var expected = await Server.Services.GetRequiredService<ICommandDispatcher>()
            .ExecuteAsync(CommandRequest.Create("ask", ("question", question)), CancellationToken.None);

        Assert.Equal(ReplyKind.Answer, expected.Kind);
        Assert.Equal("ephemeral", message.GetProperty("response_type").GetString());
        var blocks = Blocks(message).ToList();
        Assert.InRange(blocks.Count, 1, 50);

        // One section + one source line per citation, in the dispatcher's order.
        var sources = blocks.Where(b => Type(b) == "context").SelectMany(BlockTexts).Where(t => t.Contains(", paragraph ", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Citations.Count, sources.Count);
        for (var i = 0; i < sources.Count; i++)
        {
            Assert.StartsWith(expected.Citations[i].StoryName + ", paragraph " + expected.Citations[i].Paragraph, sources[i], StringComparison.Ordinal);
        }

        // Matched words are bold.
        Assert.Contains(blocks.Where(b => Type(b) == "section").SelectMany(BlockTexts).Skip(1), t => t.Contains('*', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answers_are_posted_in_the_channel_only_when_configured()
    {
        await using var server = await SlackTestServer.StartAsync(answersInChannel: true);
        var answer = await server.CommandAsync("/ask", "What was agreed in the ceasefire talks?");
        var help = await server.CommandAsync("/help", string.Empty);
        var error = await server.CommandAsync("/ask", string.Empty);

        Assert.Equal("in_channel", answer.GetProperty("response_type").GetString());
        Assert.Equal("ephemeral", help.GetProperty("response_type").GetString());
        Assert.Equal("ephemeral", error.GetProperty("response_type").GetString());

        // A deferred channel answer is a new message: it cannot replace the private "working" note.
        var pending = server.PostSignedAsync(server.Commands, server.SlashCommand("/slow", string.Empty));
        await server.Slow.Started;
        server.Time.Advance(TimeSpan.FromSeconds(3));
        using (var ack = await pending)
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        server.Slow.Release(new Reply(ReplyKind.Answer, "Late", "Late answer.", [], []));
        var post = await server.Hooks.NextAsync();
        Assert.Equal("in_channel", post.Json.GetProperty("response_type").GetString());
        Assert.False(post.Json.TryGetProperty("replace_original", out _));
    }

    [Fact]
    public async Task A_configured_command_prefix_is_removed_before_the_command_is_looked_up()
    {
        await using var server = await SlackTestServer.StartAsync(commandPrefix: "news-");
        var prefixed = await server.CommandAsync("/news-ask", "What was agreed in the ceasefire talks?");
        var plain = await server.CommandAsync("/ask", "What was agreed in the ceasefire talks?");
        var unknown = await server.CommandAsync("/news-nosuchthing", "anything");

        Assert.Equal(string.Join('\n', AllText(plain)), string.Join('\n', AllText(prefixed)));
        Assert.Contains(Blocks(prefixed), b => Type(b) == "context");
        Assert.Contains("nosuchthing", string.Join('\n', AllText(unknown)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_command_privately()
    {
        var message = await Server.CommandAsync("/help", string.Empty);

        Assert.Equal("ephemeral", message.GetProperty("response_type").GetString());
        var text = string.Join('\n', AllText(message));
        foreach (var command in Server.Services.GetRequiredService<ICommandDispatcher>().Commands)
        {
            Assert.Contains(command.Name, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unknown_command_is_a_private_error()
    {
        var message = await Server.CommandAsync("/nosuchthing", "anything");

        Assert.Equal("ephemeral", message.GetProperty("response_type").GetString());
        Assert.StartsWith(":warning:", BlockTexts(Blocks(message).First()).First(), StringComparison.Ordinal);
        Assert.Contains("nosuchthing", string.Join('\n', AllText(message)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Ask_with_empty_text_is_a_private_error_naming_what_is_missing(string text)
    {
        var message = await Server.CommandAsync("/ask", text);

        Assert.Equal("ephemeral", message.GetProperty("response_type").GetString());
        Assert.Contains("QUESTION", string.Join('\n', AllText(message)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title:(envoy OR \"Gaza\"^4) AND NOT *")]
    [InlineData("ceasefire~2 [a TO z] {x} \\ / && || !")]
    [InlineData("<!channel> <@U123> @here who?")]
    public async Task Ask_with_query_syntax_or_mentions_is_answered_as_plain_text(string text)
    {
        var message = await Server.CommandAsync("/ask", text);

        Assert.NotEmpty(Blocks(message));
        foreach (var shown in AllText(message))
        {
            Assert.DoesNotContain("<!", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("<@", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("@here", shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Form_encoded_spaces_and_unicode_reach_the_command_intact()
    {
        var message = await Server.CommandAsync("/headlines", "Café talks + more");

        Assert.Contains("Headlines about Café talks + more", string.Join('\n', AllText(message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slacks_entities_in_the_typed_text_are_decoded_once_and_escaped_again_on_the_way_out()
    {
        // The user typed "AT&T <b> &lt;"; Slack sends it entity-escaped.
        var message = await Server.CommandAsync("/headlines", "AT&amp;T &lt;b&gt; &amp;lt;");

        Assert.Contains("*Headlines about AT&amp;T &lt;b&gt; &amp;lt;*", AllText(message));
    }

    [Fact]
    public async Task A_failing_command_still_gets_a_private_apology()
    {
        var message = await Server.CommandAsync("/boom", string.Empty);

        Assert.Equal("ephemeral", message.GetProperty("response_type").GetString());
        Assert.DoesNotContain("broken on purpose", string.Join('\n', AllText(message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slow_command_is_acknowledged_and_its_answer_posted_to_the_response_url()
    {
        Server.Slow.Reset();
        var url = Server.Hooks.NewUrl();
        var body = Server.SlashCommand("/slow", string.Empty, url);
        var pending = Server.PostSignedAsync(Server.Commands, body);
        await Server.Slow.Started;

        // Past the budget the endpoint answers at once and finishes later.
        Server.Time.Advance(TimeSpan.FromSeconds(3));
        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", ack.GetProperty("response_type").GetString());
        Assert.Equal(SlackEndpoints.WorkingText, ack.GetProperty("text").GetString());

        Server.Slow.Release(new Reply(ReplyKind.Answer, "Finally", "The answer took a while.", [], []));
        var post = await Server.Hooks.NextAsync();
        Assert.Equal(new Uri(url).Segments[^1], post.Id);
        Assert.Equal("application/json", post.ContentType?.Split(';')[0]);
        Assert.Contains("The answer took a while.", string.Join('\n', AllText(post.Json)), StringComparison.Ordinal);
        Assert.True(post.Json.GetProperty("replace_original").GetBoolean());
    }

    [Fact]
    public async Task Commands_deferrals_and_refused_signatures_are_counted_in_the_bots_metrics()
    {
        var meters = Server.Services.GetRequiredService<IMeterFactory>();
        using var commands = new MetricCollector<long>(meters, BotMetrics.MeterName, "bot.commands");
        using var deferrals = new MetricCollector<long>(meters, BotMetrics.MeterName, "bot.deferrals");
        using var rejections = new MetricCollector<long>(meters, BotMetrics.MeterName, "bot.signature.rejections");

        Server.Slow.Reset();
        var pending = Server.PostSignedAsync(Server.Commands, Server.SlashCommand("/slow", string.Empty));
        await Server.Slow.Started;
        Server.Time.Advance(TimeSpan.FromSeconds(3));
        using (var ack = await pending)
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        Server.Slow.Release(Reply.Info("Done", "Done."));
        await Server.Hooks.NextAsync();
        var body = Server.SlashCommand("/count", string.Empty);
        using (var forged = await Server.PostAsync(Server.Commands, body, "v0=" + new string('0', 64), Server.Now()))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        var deferred = Assert.Single(deferrals.GetMeasurementSnapshot());
        Assert.Equal(("slack", "slow"), ((string)deferred.Tags["platform"]!, (string)deferred.Tags["command"]!));
        var counted = Assert.Single(commands.GetMeasurementSnapshot());
        Assert.Equal(("slow", "info"), ((string)counted.Tags["command"]!, (string)counted.Tags["outcome"]!));
        var rejected = Assert.Single(rejections.GetMeasurementSnapshot());
        Assert.Equal(("slack", "invalid"), ((string)rejected.Tags["platform"]!, (string)rejected.Tags["reason"]!));
    }

    [Theory]
    [InlineData("commands")]
    [InlineData("interactions")]
    public async Task Ssl_check_is_answered_with_an_empty_200_on_either_endpoint(string endpoint)
    {
        var url = endpoint == "commands" ? Server.Commands : Server.Interactions;
        using var response = await Server.PostSignedAsync(url, SlackTestServer.Form(("ssl_check", "1"), ("token", "x")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("command=%2Fask&text=hi")] // no response_url
    [InlineData("text=hi&response_url=http%3A%2F%2F127.0.0.1%2Fx")] // no command
    [InlineData("command=ask&text=hi&response_url=http%3A%2F%2F127.0.0.1%2Fx")] // command without its slash
    [InlineData("command=%2Fask&command=%2Fhelp&text=hi&response_url=http%3A%2F%2F127.0.0.1%2Fx")] // repeated field
    [InlineData("command=%2Fask&text=hi&response_url=https%3A%2F%2Fevil.example%2Fhook")] // response_url on another host
    [InlineData("command=%2Fask&text=hi&response_url=http%3A%2F%2Fhooks.slack.com%2Fx")] // Slack's host without https
    public async Task Signed_but_malformed_forms_are_400(string form)
    {
        using var response = await Server.PostSignedAsync(Server.Commands, System.Text.Encoding.UTF8.GetBytes(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Signed_body_that_is_not_utf8_is_400()
    {
        byte[] body = [.. "command=%2Fask&text="u8, 0xC3, 0x28, .. "&response_url=http%3A%2F%2F127.0.0.1%2Fx"u8];
        using var response = await Server.PostSignedAsync(Server.Commands, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
