using System.Text.Json;
using ChatCommands;
using DiscordBot;
using DiscordBot.Interactions;
using DiscordBot.Rendering;
using DiscordBot.Wire;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;
using PlatformContracts.Tests.Support;
using SlackBot.Rendering;
using SlackBot.Wire;
using DiscordReplies = DiscordBot.Tests.Rendering.ReplyGenerators;
using SlackReplies = SlackBot.Tests.Rendering.ReplyGenerators;

namespace PlatformContracts.Tests;

/// <summary>
/// Long and odd replies (markup, mention syntax, surrogate pairs, thousands of characters, dozens of citations and
/// fields) rendered by the real renderers and serialized as sent: every documented size limit holds, and the
/// messages still type-check against the platforms' published types.
/// </summary>
public sealed class SizeLimitTests
{
    private static readonly DiscordReplyRenderer Discord = new();
    private static readonly SlackReplyRenderer Slack = new();

    [Property(Arbitrary = [typeof(DiscordReplies)], MaxTest = 300)]
    public Property Discord_messages_keep_every_documented_limit(Reply reply)
    {
        var problems = DocumentedLimits.Discord(DiscordJson(reply)).ToList();
        return (problems.Count == 0).Label(string.Join("; ", problems));
    }

    [Property(Arbitrary = [typeof(SlackReplies)], MaxTest = 300)]
    public Property Slack_messages_keep_every_documented_limit(Reply reply)
    {
        var problems = DocumentedLimits.Slack(SlackJson(reply)).ToList();
        return (problems.Count == 0).Label(string.Join("; ", problems));
    }

    [Fact]
    public void The_limit_check_finds_each_documented_limit_broken()
    {
        static string Text(char c, int length) => "\"" + new string(c, length) + "\"";
        static string Repeat(string item, int count) => string.Join(',', Enumerable.Repeat(item, count));
        var button = "{\"type\":2,\"style\":2,\"label\":" + Text('l', 81) + ",\"custom_id\":" + Text('i', 101) + "}";
        var field = "{\"name\":" + Text('n', 257) + ",\"value\":" + Text('v', 1025) + "}";
        var discord = JsonDocument.Parse(
            "{\"type\":4,\"data\":{\"content\":" + Text('c', 2001) + ",\"embeds\":[{\"title\":" + Text('t', 257) +
            ",\"description\":" + Text('d', 4097) + ",\"fields\":[" + Repeat(field, 26) + "]}],\"components\":[" +
            Repeat("{\"type\":1,\"components\":[" + Repeat(button, 6) + "]}", 6) + "]}}").RootElement;
        var slack = JsonDocument.Parse(
            "{\"text\":\"x\",\"blocks\":[" + Repeat("{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":" + Text('s', 3001) + "}}", 50) +
            ",{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":" + Text('h', 151) + "}}" +
            ",{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"text\":{\"type\":\"plain_text\",\"text\":" + Text('b', 76) +
            "},\"action_id\":" + Text('a', 256) + ",\"value\":" + Text('v', 2001) + "}]}]}").RootElement;

        var found = string.Join('\n', DocumentedLimits.Discord(discord).Concat(DocumentedLimits.Slack(slack)));

        foreach (var expected in new[]
                 {
                     "message content of 2001", "embed title of 257", "embed description of 4097", "26 embed fields", "field name of 257",
                     "field value of 1025", "embeds total", "6 action rows", "6 buttons in a row", "button label of 81", "custom_id of 101",
                     "52 blocks", "section text of 3001", "header text of 151", "button text of 76", "action_id of 256", "button value of 2001",
                 })
        {
            Assert.Contains(expected, found, StringComparison.Ordinal);
        }
    }

    [TypeScriptFact]
    public async Task Generated_replies_satisfy_the_platforms_published_types()
    {
        var discordReplies = DiscordReplies.Replies().Generator.Sample(60, 40);
        var slackReplies = SlackReplies.Replies().Generator.Sample(60, 40);
        var payloads = discordReplies.Select((reply, i) => DiscordContractTests.Response($"generated-discord-{i}", DiscordJson(reply).GetRawText()))
            .Concat(slackReplies.Select((reply, i) => SlackContractTests.Message($"generated-slack-{i}", SlackJson(reply).GetRawText())));

        TypeScriptCheck.AssertAllSatisfy(await TypeScriptCheck.CheckAsync(payloads));
    }

    private static JsonElement DiscordJson(Reply reply)
    {
        var data = Discord.Render(reply, PagingStore.InlineToken(CommandRequest.Create("ask", ("question", "q"))));
        var response = new InteractionResponse(InteractionResponseType.ChannelMessageWithSource, data);
        return JsonSerializer.SerializeToElement(response, DiscordJsonContext.Default.InteractionResponse);
    }

    private static JsonElement SlackJson(Reply reply) =>
        JsonSerializer.SerializeToElement(Slack.Render(reply, "tok3n", "ephemeral"), SlackJsonContext.Default.SlackMessage);
}
