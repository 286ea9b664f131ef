using ChatCommands;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SlackBot.Interactions;
using SlackBot.Rendering;
using SlackBot.SocketMode;
using SlackBot.Tests.Support;
using static SlackBot.Tests.Support.SlackJson;

namespace SlackBot.Tests.SocketMode;

/// <summary>
/// Socket Mode end to end: the real bot connects to a loopback Slack (apps.connections.open, then a real WebSocket on
/// Kestrel) that sends envelopes shaped as Slack documents them; answers come back in acknowledgements and response_url posts.
/// </summary>
public sealed class SocketModeTests
{
    private const string EnvoyQuestion = "Who is Trump's Middle East envoy?";

    [Fact]
    public async Task Ask_over_socket_mode_is_acknowledged_by_its_envelope_id_with_the_answer_as_payload()
    {
        await using var bot = await SocketModeBot.StartAsync();
        var open = await bot.Slack.NextOpenCallAsync();
        Assert.Equal("Bearer " + SocketModeBot.AppToken, open.Authorization);
        var socket = await bot.ConnectedSocketAsync();

        var envelopeId = await socket.SlashCommandAsync("/ask", EnvoyQuestion, bot.Hooks.NewUrl());
        var ack = await socket.NextAsync();

        Assert.Equal(envelopeId, ack.GetProperty("envelope_id").GetString());
        var answer = ack.GetProperty("payload");
        Assert.Contains("Witkoff", string.Join('\n', AllText(answer)), StringComparison.Ordinal);
        Assert.Equal("ephemeral", answer.GetProperty("response_type").GetString());
        Assert.Empty(Rendering.SlackReplyRendererPropertyTests.UntypedObjects(answer));
        Assert.False(bot.Hooks.TryTake(out _), "an answer given in the acknowledgement is not posted again");
    }

    [Fact]
    public async Task A_slow_command_is_acknowledged_without_waiting_and_its_answer_posted_to_the_response_url()
    {
        await using var bot = await SocketModeBot.StartAsync();
        var socket = await bot.ConnectedSocketAsync();
        var url = bot.Hooks.NewUrl();

        var envelopeId = await socket.SlashCommandAsync("/slow", string.Empty, url);
        await bot.Slow.Started;

        // The command is still running (never released yet), so the acknowledgement cannot have waited for it.
        var ack = await socket.NextAsync();
        Assert.Equal(envelopeId, ack.GetProperty("envelope_id").GetString());
        Assert.Equal(SlackCommandHandler.WorkingText, ack.GetProperty("payload").GetProperty("text").GetString());

        bot.Slow.Release(new Reply(ReplyKind.Answer, "Finally", "The answer took a while.", [], []));
        var post = await bot.Hooks.NextAsync();
        Assert.Equal(new Uri(url).Segments[^1], post.Id);
        Assert.Contains("The answer took a while.", string.Join('\n', AllText(post.Json)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_slack_does_not_accept_a_response_payload_the_ack_is_empty_and_the_answer_goes_to_the_response_url()
    {
        await using var bot = await SocketModeBot.StartAsync();
        var socket = await bot.ConnectedSocketAsync();

        var envelopeId = await socket.SlashCommandAsync("/ask", EnvoyQuestion, bot.Hooks.NewUrl(), acceptsResponsePayload: false);
        var ack = await socket.NextAsync();

        Assert.Equal(envelopeId, ack.GetProperty("envelope_id").GetString());
        Assert.False(ack.TryGetProperty("payload", out _));
        var post = await bot.Hooks.NextAsync();
        Assert.Contains("Witkoff", string.Join('\n', AllText(post.Json)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paging_button_pressed_over_the_socket_is_acknowledged_and_the_next_page_replaces_the_message()
    {
        await using var bot = await SocketModeBot.StartAsync();
        var socket = await bot.ConnectedSocketAsync();
        await socket.SlashCommandAsync("/headlines", "rain", bot.Hooks.NewUrl());
        var first = (await socket.NextAsync()).GetProperty("payload");
        Assert.Contains("1–3 of 7", AllText(first));
        var next = Assert.Single(Buttons(first));

        var url = bot.Hooks.NewUrl();
        var envelopeId = await socket.ButtonClickAsync(next.GetProperty("action_id").GetString()!, next.GetProperty("value").GetString()!, url);
        var ack = await socket.NextAsync();

        Assert.Equal(envelopeId, ack.GetProperty("envelope_id").GetString());
        Assert.False(ack.TryGetProperty("payload", out _));
        var second = await bot.Hooks.NextAsync();
        Assert.Equal(new Uri(url).Segments[^1], second.Id);
        Assert.True(second.Json.GetProperty("replace_original").GetBoolean());
        Assert.Contains("4–6 of 7", AllText(second.Json));
        Assert.Contains(AllText(second.Json), t => t.Contains("Headline 4 about rain", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    [InlineData("link_disabled")]
    public async Task A_disconnect_envelope_makes_the_bot_open_a_new_connection_answer_on_it_and_close_the_old_one(string reason)
    {
        await using var bot = await SocketModeBot.StartAsync();
        await bot.Slack.NextOpenCallAsync();
        var old = await bot.ConnectedSocketAsync();

        await old.DisconnectAsync(reason);
        var open = await bot.Slack.NextOpenCallAsync();
        Assert.Equal("Bearer " + SocketModeBot.AppToken, open.Authorization);
        var fresh = await bot.ConnectedSocketAsync();
        Assert.NotEqual(old.Ticket, fresh.Ticket);
        await old.Closed;

        var envelopeId = await fresh.SlashCommandAsync("/ask", EnvoyQuestion, bot.Hooks.NewUrl());
        var ack = await fresh.NextAsync();
        Assert.Equal(envelopeId, ack.GetProperty("envelope_id").GetString());
        Assert.Contains("Witkoff", string.Join('\n', AllText(ack.GetProperty("payload"))), StringComparison.Ordinal);
        Assert.Equal(2, bot.Slack.OpenCalls);
    }

    [Fact]
    public async Task A_socket_that_slack_drops_is_reconnected()
    {
        await using var bot = await SocketModeBot.StartAsync();
        var first = await bot.ConnectedSocketAsync();

        await first.DropAsync();
        var second = await bot.ConnectedSocketAsync();

        var envelopeId = await second.SlashCommandAsync("/ask", EnvoyQuestion, bot.Hooks.NewUrl());
        Assert.Equal(envelopeId, (await second.NextAsync()).GetProperty("envelope_id").GetString());
    }

    [Fact]
    public async Task A_refusing_server_is_retried_with_back_off_until_it_answers_and_the_bot_keeps_running()
    {
        await using var bot = await SocketModeBot.StartAsync(slack => slack.Refuse(3, Refusals.Unavailable));

        var socket = await bot.ConnectedSocketAsync();
        var envelopeId = await socket.SlashCommandAsync("/ask", EnvoyQuestion, bot.Hooks.NewUrl());

        Assert.Equal(envelopeId, (await socket.NextAsync()).GetProperty("envelope_id").GetString());
        Assert.Equal(4, bot.Slack.OpenCalls);
        Assert.Equal(3, bot.Logs.GetSnapshot().Count(r => r.Id.Id == 6030));
        Assert.False(bot.Stopping.IsCompleted);
    }

    [Fact]
    public async Task A_slack_error_that_is_not_about_the_token_is_retried()
    {
        await using var bot = await SocketModeBot.StartAsync(slack => slack.Refuse(2, Refusals.InternalError));

        var socket = await bot.ConnectedSocketAsync();

        Assert.NotNull(socket);
        Assert.Equal(3, bot.Slack.OpenCalls);
    }

    [Fact]
    public async Task A_refused_app_token_stops_socket_mode_naming_the_setting_but_never_the_token()
    {
        // The host stops as soon as Slack refuses, possibly before the stories are indexed: no waiting for them.
        await using var bot = await SocketModeBot.StartAsync(
            slack => slack.Refuse(1, context => context.Response.WriteAsJsonAsync(new { ok = false, error = "invalid_auth" })),
            waitForStories: false);

        await bot.Stopping.WaitAsync(TimeSpan.FromSeconds(30));

        var failure = bot.Services.GetRequiredService<SlackSocketStatus>().Failure;
        Assert.NotNull(failure);
        Assert.Contains("Slack:AppToken", failure.Message, StringComparison.Ordinal);
        Assert.Contains("invalid_auth", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SocketModeBot.AppToken, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SocketModeBot.AppToken, bot.LogText(), StringComparison.Ordinal);
        Assert.Equal(1, bot.Slack.OpenCalls);
    }

    [Fact]
    public async Task Malformed_envelopes_are_ignored_and_logged_and_the_connection_stays()
    {
        await using var bot = await SocketModeBot.StartAsync();
        var socket = await bot.ConnectedSocketAsync();

        await socket.SendTextAsync("{\"type\": \"slash_commands\", \"envelope_id\": ");
        await socket.SendTextAsync("[1, 2, 3]");
        await socket.SendTextAsync("{\"type\": \"mystery\"}");
        await socket.SendAsync(new { type = "slash_commands", envelope_id = "broken-payload", payload = "not an object", accepts_response_payload = true });
        var brokenAck = await socket.NextAsync();
        var envelopeId = await socket.SlashCommandAsync("/ask", EnvoyQuestion, bot.Hooks.NewUrl());
        var ack = await socket.NextAsync();

        // A malformed envelope with an id is acknowledged (or Slack would resend it) and nothing else is done with it.
        Assert.Equal("broken-payload", brokenAck.GetProperty("envelope_id").GetString());
        Assert.False(brokenAck.TryGetProperty("payload", out _));
        Assert.Equal(envelopeId, ack.GetProperty("envelope_id").GetString());
        Assert.Contains("Witkoff", string.Join('\n', AllText(ack.GetProperty("payload"))), StringComparison.Ordinal);
        Assert.True(bot.Logs.GetSnapshot().Count(r => r.Id.Id == 6033) >= 4, bot.LogText());
        Assert.Equal(1, bot.Slack.OpenCalls);
        Assert.False(socket.Closed.IsCompleted);
    }

    [Fact]
    public async Task Other_envelope_types_are_acknowledged_and_ignored()
    {
        await using var bot = await SocketModeBot.StartAsync();
        var socket = await bot.ConnectedSocketAsync();

        await socket.SendAsync(new { type = "events_api", envelope_id = "event-1", accepts_response_payload = false, payload = new { type = "event_callback" } });
        var ack = await socket.NextAsync();

        Assert.Equal("event-1", ack.GetProperty("envelope_id").GetString());
        Assert.False(ack.TryGetProperty("payload", out _));
    }

    [Fact]
    public async Task Neither_the_app_token_nor_a_socket_ticket_reaches_the_logs()
    {
        await using var bot = await SocketModeBot.StartAsync(slack => slack.Refuse(1, Refusals.Unavailable));
        var old = await bot.ConnectedSocketAsync();
        await old.SlashCommandAsync("/ask", EnvoyQuestion, bot.Hooks.NewUrl());
        await old.NextAsync();
        await old.DisconnectAsync("refresh_requested");
        var fresh = await bot.ConnectedSocketAsync();
        await old.Closed;

        var logs = bot.LogText();
        Assert.Contains("6031", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(SocketModeBot.AppToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("xapp-", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(old.Ticket, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh.Ticket, logs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 1.0, 1000)]
    [InlineData(2, 0.0, 1000)]
    [InlineData(3, 1.0, 4000)]
    [InlineData(30, 0.0, 30000)]
    [InlineData(30, 1.0, 60000)]
    public void Back_off_doubles_with_each_failure_with_half_of_it_random_up_to_a_minute(int failures, double random, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), SlackSocketModeService.BackoffDelay(failures, TimeSpan.FromSeconds(1), random));
    }

    [Theory]
    [InlineData("wss://wss-primary.slack.com/link/?ticket=abc&app_id=A1", true)]
    [InlineData("ws://127.0.0.1:5000/link/?ticket=abc", true)]
    [InlineData("ws://slack.example/link/?ticket=abc", false)]
    [InlineData("https://slack.com/link", false)]
    [InlineData("not a url", false)]
    public void Only_wss_urls_or_loopback_ws_urls_are_opened(string url, bool accepted)
    {
        Assert.Equal(accepted, SlackAppsClient.AcceptSocketUrl(url) is not null);
    }
}
