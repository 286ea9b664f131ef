using System.Net;
using System.Text.Json;
using ChatCommands;
using PlatformContracts.Tests.Support;
using SlackBot.Rendering;
using SlackBot.Tests.Support;
using static SlackBot.Tests.Support.SlackJson;

namespace PlatformContracts.Tests;

/// <summary>
/// What the bot really sends Slack — slash-command answers on the HTTP response and response_url POSTs, captured
/// over loopback — type-checked with @slack/types' Block Kit types inside Slack's documented message envelope.
/// </summary>
public sealed class SlackContractTests(SlackServerFixture fixture) : IClassFixture<SlackServerFixture>
{
    internal const string Envelope = "./slack-message";
    internal const string EnvelopeType = "SlackResponseMessage";
    internal const string AcknowledgementType = "SlackSocketModeAcknowledgement";

    private SlackTestServer Server => fixture.Server;

    [TypeScriptFact]
    public async Task Slash_command_answers_of_every_command_satisfy_slack_types()
    {
        var payloads = new List<TypedPayload>();
        var dispatcher = Server.Services.GetService(typeof(ICommandDispatcher)) as ICommandDispatcher;
        Assert.NotNull(dispatcher);
        foreach (var command in dispatcher.Commands.Where(c => c.Name is not "slow"))
        {
            payloads.Add(Message("command-" + command.Name, await CommandAsync("/" + command.Name, "ceasefire talks")));
        }

        payloads.Add(Message("ask-answer", await CommandAsync("/ask", "What was agreed in the ceasefire talks?")));
        payloads.Add(Message("unknown-command", await CommandAsync("/no-such-command", "hi")));

        var huge = string.Join(' ', Enumerable.Repeat("word <!channel> *bold* <@U1> &", 2000));
        Server.Canned.Next = new Reply(ReplyKind.Answer, huge, huge,
            [.. Enumerable.Range(0, 60).Select(i => new Citation(huge, $"s{i}.txt", i + 1, 0.5, [new Highlight(0, 4)], Label: huge))],
            [.. Enumerable.Range(0, 60).Select(_ => new ReplyField(huge, huge))],
            new PageInfo(1, 3, 61, 120, 180));
        payloads.Add(Message("oversized-reply", await CommandAsync("/canned", string.Empty)));

        TypeScriptCheck.AssertAllSatisfy(await TypeScriptCheck.CheckAsync(payloads));
    }

    [TypeScriptFact]
    public async Task Response_url_posts_satisfy_slack_types()
    {
        var payloads = new List<TypedPayload>();

        // A page button: the next page replaces the message through the response_url.
        var first = await CommandAsync("/headlines", "rain");
        payloads.Add(Message("paged-first", first));
        var next = Assert.Single(Buttons(JsonDocument.Parse(first).RootElement));
        using (var click = await Server.PostSignedAsync(Server.Interactions, Server.ButtonClick(next.GetProperty("action_id").GetString()!, next.GetProperty("value").GetString()!)))
        {
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        }

        payloads.Add(Message("response-url-page", (await Server.Hooks.NextAsync()).Body));

        // A slow command: acknowledged at once, then answered through the response_url.
        Server.Slow.Reset();
        var pending = Server.PostSignedAsync(Server.Commands, Server.SlashCommand("/slow", string.Empty));
        await Server.Slow.Started;
        Server.Time.Advance(TimeSpan.FromSeconds(3));
        using (var ack = await pending)
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            payloads.Add(Message("slow-acknowledgement", await ack.Content.ReadAsStringAsync()));
        }

        Server.Slow.Release(new Reply(ReplyKind.Answer, "Finally", "The answer took a while.",
            [new Citation("It took a while, said <@U1>.", "late.txt", 2, 0.9, [new Highlight(3, 4)])], [new ReplyField("who", "<!here>")]));
        payloads.Add(Message("response-url-late-answer", (await Server.Hooks.NextAsync()).Body));

        TypeScriptCheck.AssertAllSatisfy(await TypeScriptCheck.CheckAsync(payloads));
    }

    [TypeScriptFact]
    public async Task Socket_mode_acknowledgements_and_their_response_url_posts_satisfy_slack_types()
    {
        var payloads = new List<TypedPayload>();
        await using var bot = await SocketModeBot.StartAsync();
        var socket = await bot.ConnectedSocketAsync();

        await socket.SlashCommandAsync("/ask", "What was agreed in the ceasefire talks?", bot.Hooks.NewUrl());
        payloads.Add(Acknowledgement("socket-ask", (await socket.NextAsync()).GetRawText()));

        await socket.SlashCommandAsync("/headlines", "rain", bot.Hooks.NewUrl());
        var first = await socket.NextAsync();
        payloads.Add(Acknowledgement("socket-paged-first", first.GetRawText()));
        var next = Assert.Single(Buttons(first.GetProperty("payload")));
        await socket.ButtonClickAsync(next.GetProperty("action_id").GetString()!, next.GetProperty("value").GetString()!, bot.Hooks.NewUrl());
        payloads.Add(Acknowledgement("socket-button-ack", (await socket.NextAsync()).GetRawText()));
        payloads.Add(Message("socket-response-url-page", (await bot.Hooks.NextAsync()).Body));

        await socket.SlashCommandAsync("/no-such-command", "hi", bot.Hooks.NewUrl());
        payloads.Add(Acknowledgement("socket-unknown-command", (await socket.NextAsync()).GetRawText()));

        TypeScriptCheck.AssertAllSatisfy(await TypeScriptCheck.CheckAsync(payloads));
    }

    internal static TypedPayload Acknowledgement(string name, string json) => new(name, Envelope, AcknowledgementType, json);

    internal static TypedPayload Message(string name, string json) => new(name, Envelope, EnvelopeType, json);

    private async Task<string> CommandAsync(string command, string text)
    {
        using var response = await Server.PostSignedAsync(Server.Commands, Server.SlashCommand(command, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
