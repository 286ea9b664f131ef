using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatCommands;
using ChatCommands.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using DiscordBot.Tests.Support;
using DiscordBot.Wire;
using NSec.Cryptography;

namespace DiscordBot.Tests.Interactions;

/// <summary>The HTTP endpoint over real Kestrel with real Ed25519 signatures.</summary>
public sealed class InteractionsEndpointTests(DiscordServerFixture fixture) : IClassFixture<DiscordServerFixture>
{
    private DiscordTestServer Server => fixture.Server;

    [Fact]
    public async Task Ping_is_answered_with_pong()
    {
        var ping = new Interaction("1", DiscordTestServer.ApplicationId, InteractionType.Ping, Token: "t");
        using var response = await Server.PostSignedAsync(ping);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ask_answers_from_the_stories_with_an_embed_citing_story_and_paragraph()
    {
        var (response, raw) = await Server.ExchangeAsync(DiscordTestServer.Command("ask", ("question", "What was agreed in the ceasefire talks?")));

        Assert.Equal(InteractionResponseType.ChannelMessageWithSource, response.Type);
        var data = Assert.IsType<InteractionCallbackData>(response.Data);
        Assert.Null(data.Flags);
        var embed = Assert.Single(data.Embeds!);
        Assert.Contains("paragraph", embed.Description, StringComparison.Ordinal);
        Assert.Contains("— In a significant diplomatic effort", embed.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("7788cec921cb3b17", embed.Description, StringComparison.Ordinal);
        Assert.Contains("**", embed.Description, StringComparison.Ordinal);
        Assert.Contains("confidence", embed.Description, StringComparison.Ordinal);
        AssertNoPings(raw);
    }

    [Fact]
    public async Task Ask_pages_through_answers_with_buttons_when_there_are_more()
    {
        var (first, _) = await Server.ExchangeAsync(DiscordTestServer.Command("ask", ("question", "Who said what about the hostages and the ceasefire?")));
        var components = first.Data?.Components;
        Assert.NotNull(components);
        Assert.StartsWith("Page 1 of", first.Data!.Embeds![0].Footer!.Text, StringComparison.Ordinal);

        var next = components[0].Components![1];
        Assert.False(next.Disabled ?? false);
        var (second, raw) = await Server.ExchangeAsync(DiscordTestServer.Button(next.CustomId!));

        Assert.Equal(InteractionResponseType.UpdateMessage, second.Type);
        Assert.StartsWith("Page 2 of", second.Data!.Embeds![0].Footer!.Text, StringComparison.Ordinal);
        Assert.NotEqual(first.Data!.Embeds![0].Description, second.Data.Embeds[0].Description);
        AssertNoPings(raw);
    }

    [Fact]
    public async Task Whosaid_shows_who_said_what_once_each_in_the_description()
    {
        var (response, raw) = await Server.ExchangeAsync(DiscordTestServer.Command("whosaid"));

        Assert.Equal(InteractionResponseType.ChannelMessageWithSource, response.Type);
        var embed = Assert.Single(response.Data!.Embeds!);
        Assert.Null(embed.Fields);
        Assert.StartsWith("**1.** ", embed.Description, StringComparison.Ordinal);
        Assert.Contains("— In a significant diplomatic effort", embed.Description, StringComparison.Ordinal);
        AssertNoPings(raw);
    }

    [Fact]
    public async Task Whosaid_autocompletes_speakers_from_the_stories()
    {
        var interaction = new Interaction(
            "1",
            DiscordTestServer.ApplicationId,
            InteractionType.ApplicationCommandAutocomplete,
            new InteractionData(Id: "2", Name: "whosaid", Type: ApplicationCommandType.ChatInput, Options:
            [
                new InteractionDataOption("speaker", ApplicationCommandOptionType.String, JsonSerializer.SerializeToElement("", DiscordJsonContext.Default.String), Focused: true),
            ]),
            Token: "t");

        var (response, _) = await Server.ExchangeAsync(interaction);

        Assert.Equal(InteractionResponseType.ApplicationCommandAutocompleteResult, response.Type);
        var choices = response.Data!.Choices!;
        Assert.InRange(choices.Count, 1, 25);
        Assert.All(choices, c => Assert.InRange(c.Value.GetString()!.Length, 1, 100));

        // A suggested speaker, sent back as the option, finds their statements.
        var (chosen, _) = await Server.ExchangeAsync(DiscordTestServer.Command("whosaid", ("speaker", choices[0].Value.GetString()!)));
        Assert.Equal(InteractionResponseType.ChannelMessageWithSource, chosen.Type);
        Assert.Null(chosen.Data!.Flags);
        Assert.Contains(choices[0].Value.GetString()!, chosen.Data.Embeds![0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buttons_page_forward_and_back_updating_the_message()
    {
        var (first, _) = await Server.ExchangeAsync(DiscordTestServer.Command("headlines", ("topic", "rail")));

        var embed = Assert.Single(first.Data!.Embeds!);
        Assert.Equal("Page 1 of 3 · results 1–3 of 7", embed.Footer!.Text);
        var row = Assert.Single(first.Data.Components!);
        Assert.Equal(ComponentType.ActionRow, row.Type);
        Assert.Equal(2, row.Components!.Count);
        Assert.True(row.Components[0].Disabled);
        Assert.All(row.Components, b => Assert.InRange(b.CustomId!.Length, 1, 100));

        var (second, _) = await Server.ExchangeAsync(DiscordTestServer.Button(row.Components[1].CustomId!));
        Assert.Equal(InteractionResponseType.UpdateMessage, second.Type);
        Assert.Equal("Page 2 of 3 · results 4–6 of 7", second.Data!.Embeds![0].Footer!.Text);
        Assert.Contains("Headline **4** about rail", second.Data.Embeds[0].Description, StringComparison.Ordinal);

        var back = second.Data.Components![0].Components![0];
        Assert.Null(back.Disabled);
        var (third, _) = await Server.ExchangeAsync(DiscordTestServer.Button(back.CustomId!));
        Assert.Equal("Page 1 of 3 · results 1–3 of 7", third.Data!.Embeds![0].Footer!.Text);

        var last = await Server.ExchangeAsync(DiscordTestServer.Button(second.Data.Components[0].Components![1].CustomId!));
        Assert.Equal("Page 3 of 3 · results 7–7 of 7", last.Response.Data!.Embeds![0].Footer!.Text);
        Assert.True(last.Response.Data.Components![0].Components![1].Disabled);
    }

    [Fact]
    public async Task Long_requests_page_through_a_server_side_key_that_expires_politely()
    {
        var topic = string.Join(' ', Enumerable.Repeat("a very long topic that cannot fit into a button id", 4));
        var (first, _) = await Server.ExchangeAsync(DiscordTestServer.Command("headlines", ("topic", topic)));
        var next = first.Data!.Components![0].Components![1].CustomId!;
        Assert.InRange(next.Length, 1, 100);

        var (second, _) = await Server.ExchangeAsync(DiscordTestServer.Button(next));
        Assert.Equal(InteractionResponseType.UpdateMessage, second.Type);
        Assert.Contains("Headline **4** about a very long topic", second.Data!.Embeds![0].Description, StringComparison.Ordinal);

        Server.Time.Advance(TimeSpan.FromHours(2));
        var (expired, _) = await Server.ExchangeAsync(DiscordTestServer.Button(next));
        Assert.Equal(InteractionResponseType.ChannelMessageWithSource, expired.Type);
        Assert.Equal(MessageFlags.Ephemeral, expired.Data!.Flags);
        Assert.Contains("expired", expired.Data.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_button_id_that_is_not_ours_gets_a_polite_ephemeral_reply()
    {
        var (response, _) = await Server.ExchangeAsync(DiscordTestServer.Button("something-else"));
        Assert.Equal(InteractionResponseType.ChannelMessageWithSource, response.Type);
        Assert.Equal(MessageFlags.Ephemeral, response.Data!.Flags);
    }

    [Fact]
    public async Task Autocomplete_offers_at_most_25_distinct_choices_within_100_characters()
    {
        var interaction = new Interaction(
            "1",
            DiscordTestServer.ApplicationId,
            InteractionType.ApplicationCommandAutocomplete,
            new InteractionData(Id: "2", Name: "story", Type: ApplicationCommandType.ChatInput, Options:
            [
                new InteractionDataOption("name", ApplicationCommandOptionType.String, JsonSerializer.SerializeToElement("gaz", DiscordJsonContext.Default.String), Focused: true),
            ]),
            Token: "t");

        var (response, raw) = await Server.ExchangeAsync(interaction);

        Assert.Equal(InteractionResponseType.ApplicationCommandAutocompleteResult, response.Type);
        var choices = response.Data!.Choices!;
        Assert.Equal(25, choices.Count);
        Assert.Equal("gaz first", choices[0].Name);
        Assert.Equal(choices.Count, choices.Select(c => c.Value.GetString()).Distinct().Count());
        Assert.All(choices, c =>
        {
            Assert.InRange(c.Name.Length, 1, 100);
            Assert.InRange(c.Value.GetString()!.Length, 1, 100);
        });
        Assert.False(raw.RootElement.GetProperty("data").TryGetProperty("embeds", out _));
    }

    [Fact]
    public async Task Autocomplete_passes_the_values_already_given_for_the_other_options_to_the_command()
    {
        var interaction = new Interaction(
            "1",
            DiscordTestServer.ApplicationId,
            InteractionType.ApplicationCommandAutocomplete,
            new InteractionData(Id: "2", Name: "story", Type: ApplicationCommandType.ChatInput, Options:
            [
                new InteractionDataOption("paragraph", ApplicationCommandOptionType.Integer, JsonSerializer.SerializeToElement(4L, DiscordJsonContext.Default.Int64)),
                new InteractionDataOption("name", ApplicationCommandOptionType.String, JsonSerializer.SerializeToElement("gaz", DiscordJsonContext.Default.String), Focused: true),
            ]),
            Token: "t");

        var (response, _) = await Server.ExchangeAsync(interaction);

        Assert.Equal("gaz first in paragraph 4", response.Data!.Choices![0].Name);
    }

    [Fact]
    public async Task Autocomplete_for_an_integer_option_offers_only_numbers()
    {
        var interaction = new Interaction(
            "1",
            DiscordTestServer.ApplicationId,
            InteractionType.ApplicationCommandAutocomplete,
            new InteractionData(Id: "2", Name: "story", Options:
            [
                new InteractionDataOption("name", ApplicationCommandOptionType.String, JsonSerializer.SerializeToElement("x", DiscordJsonContext.Default.String)),
                new InteractionDataOption("paragraph", ApplicationCommandOptionType.Integer, JsonSerializer.SerializeToElement("", DiscordJsonContext.Default.String), Focused: true),
            ]),
            Token: "t");

        var (response, _) = await Server.ExchangeAsync(interaction);

        Assert.Equal([1L, 3L], response.Data!.Choices!.Select(c => c.Value.GetInt64()));
    }

    [Fact]
    public async Task Unknown_command_gets_an_ephemeral_unknown_command_reply()
    {
        var (response, raw) = await Server.ExchangeAsync(DiscordTestServer.Command("nonexistent"));

        Assert.Equal(InteractionResponseType.ChannelMessageWithSource, response.Type);
        Assert.Equal(MessageFlags.Ephemeral, response.Data!.Flags);
        Assert.Contains("Unknown command", response.Data.Content, StringComparison.Ordinal);
        AssertNoPings(raw);
    }

    [Fact]
    public async Task A_failing_command_gets_an_ephemeral_error_not_a_500()
    {
        var (response, _) = await Server.ExchangeAsync(DiscordTestServer.Command("boom"));
        Assert.Equal(MessageFlags.Ephemeral, response.Data!.Flags);
        Assert.DoesNotContain("broken on purpose", response.Data.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_signature_headers_are_refused_without_running_the_command()
    {
        var body = Encoding.UTF8.GetBytes(DiscordTestServer.Serialize(DiscordTestServer.Command("count")));
        var before = Server.Counting.Count;

        using var noHeaders = await Server.PostAsync(body, signature: null, timestamp: null);
        using var noSignature = await Server.PostAsync(body, signature: null, timestamp: Server.Now());
        using var noTimestamp = await Server.PostAsync(body, Server.Sign(Server.Now(), body), timestamp: null);

        Assert.Equal(HttpStatusCode.Unauthorized, noHeaders.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noSignature.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noTimestamp.StatusCode);
        Assert.Equal(before, Server.Counting.Count);
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("not hex at all")]
    [InlineData("00112233")]
    public async Task Malformed_signatures_are_refused(string signature)
    {
        var body = Encoding.UTF8.GetBytes(DiscordTestServer.Serialize(DiscordTestServer.Command("count")));
        var before = Server.Counting.Count;
        using var response = await Server.PostAsync(body, signature, Server.Now());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, Server.Counting.Count);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-5")]
    [InlineData("1e9")]
    [InlineData("99999999999999999999")]
    public async Task Malformed_timestamps_are_refused_even_when_signed(string timestamp)
    {
        var body = Encoding.UTF8.GetBytes(DiscordTestServer.Serialize(DiscordTestServer.Command("count")));
        var before = Server.Counting.Count;
        using var response = await Server.PostAsync(body, Server.Sign(timestamp, body), timestamp);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, Server.Counting.Count);
    }

    [Fact]
    public async Task Wrong_signatures_are_refused_without_running_the_command()
    {
        var body = Encoding.UTF8.GetBytes(DiscordTestServer.Serialize(DiscordTestServer.Command("count")));
        var timestamp = Server.Now();
        using var otherKey = Key.Create(SignatureAlgorithm.Ed25519);
        var before = Server.Counting.Count;

        using var byOtherKey = await Server.PostAsync(body, Server.Sign(timestamp, body, otherKey), timestamp);
        var tampered = (byte[])body.Clone();
        tampered[^2] ^= 0x01;
        using var tamperedBody = await Server.PostAsync(tampered, Server.Sign(timestamp, body), timestamp);
        using var otherTimestamp = await Server.PostAsync(body, Server.Sign(timestamp, body), (long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.Unauthorized, byOtherKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tamperedBody.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherTimestamp.StatusCode);
        Assert.Equal(before, Server.Counting.Count);

        // The same request correctly signed does run.
        using var good = await Server.PostAsync(body, Server.Sign(timestamp, body), timestamp);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(before + 1, Server.Counting.Count);
    }

    [Theory]
    [InlineData(-6 * 60)]
    [InlineData(6 * 60)]
    [InlineData(-3 * 24 * 3600)]
    public async Task Correctly_signed_but_stale_or_future_timestamps_are_refused(int offsetSeconds)
    {
        var body = Encoding.UTF8.GetBytes(DiscordTestServer.Serialize(DiscordTestServer.Command("count")));
        var timestamp = (Server.Time.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var before = Server.Counting.Count;

        using var response = await Server.PostAsync(body, Server.Sign(timestamp, body), timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, Server.Counting.Count);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"type":"ping"}""")]
    [InlineData("""{"id":"1","application_id":"2"}""")]
    public async Task Malformed_json_with_a_valid_signature_is_a_bad_request(string json)
    {
        using var response = await Server.PostSignedAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Oversized_bodies_are_refused_with_413_whether_or_not_the_length_is_declared()
    {
        var padding = new string(' ', 64 * 1024);
        var body = Encoding.UTF8.GetBytes("""{"id":"1","application_id":"2","type":1,"token":"t"}""" + padding);
        var timestamp = Server.Now();
        var signature = Server.Sign(timestamp, body);

        using var declared = await Server.PostAsync(body, signature, timestamp);
        using var chunked = await Server.PostAsync(body, signature, timestamp, new StreamContent(new UnknownLengthStream(body)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);

        // Just under the cap is fine.
        var fits = Encoding.UTF8.GetBytes("""{"id":"1","application_id":"2","type":1,"token":"t"}""" + new string(' ', 60 * 1024));
        using var ok = await Server.PostAsync(fits, Server.Sign(timestamp, fits), timestamp, new StreamContent(new UnknownLengthStream(fits)));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task A_slow_command_is_deferred_and_its_reply_sent_through_the_webhook()
    {
        Server.Slow.Reset();
        var interaction = DiscordTestServer.Command("slow");
        var pending = Server.PostSignedAsync(interaction);
        await Server.Slow.Started.WaitAsync(TimeSpan.FromSeconds(30));

        // Move the fake clock past the deferral budget until the endpoint gives up waiting (it arms its timer after
        // the command starts, so one step may land before it).
        for (var i = 0; i < 600 && !pending.IsCompleted; i++)
        {
            Server.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(pending, Task.Delay(50));
        }

        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":5}""", await response.Content.ReadAsStringAsync());

        Server.Slow.Release(new Reply(ReplyKind.Answer, "Late @everyone", null,
            [new Citation("It took a while, said <@123>.", "late.txt", 2, 0.9, [new Highlight(3, 4)])], []));
        var call = await Server.Webhooks.NextCallAsync();

        Assert.Equal(DiscordTestServer.ApplicationId, call.ApplicationId);
        Assert.Equal(interaction.Token, call.Token);
        var message = JsonSerializer.Deserialize(call.Body, DiscordJsonContext.Default.InteractionCallbackData)!;
        var embed = Assert.Single(message.Embeds!);
        Assert.Equal("Late @\u200Beveryone", embed.Title);
        Assert.Contains("“It **took** a while, said \\<@\u200B123>.”", embed.Description, StringComparison.Ordinal);
        using var raw = JsonDocument.Parse(call.Body);
        Assert.Equal(0, raw.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("who is the envoy\\udc00?")]
    [InlineData("who\\u0000 is the\\u0007 envoy\\u001b?")]
    public async Task Ask_with_lone_surrogates_or_control_characters_answers_without_echoing_them(string escapedQuestion)
    {
        var json = "{\"id\":\"1\",\"application_id\":\"" + DiscordTestServer.ApplicationId + "\",\"type\":2,\"token\":\"t\"," +
                   "\"data\":{\"id\":\"2\",\"name\":\"ask\",\"type\":1,\"options\":[{\"name\":\"question\",\"type\":3,\"value\":\"" + escapedQuestion + "\"}]}}";

        using var response = await Server.PostSignedAsync(json);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("went wrong", body, StringComparison.Ordinal);
        var data = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.InteractionResponse)!.Data!;
        var shown = (data.Content ?? string.Empty) + string.Concat(data.Embeds?.Select(e => e.Title + e.Description) ?? []);
        Assert.DoesNotContain(shown, c => char.IsControl(c) && c != '\n');
        Assert.DoesNotContain(shown, char.IsSurrogate);
        Assert.DoesNotContain("\\ud8", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\udc", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_error_after_a_deferred_command_is_sent_as_an_ephemeral_follow_up_not_an_edit()
    {
        Server.Slow.Reset();
        var interaction = DiscordTestServer.Command("slow");
        using var response = await DeferAsync(interaction);
        Assert.Equal("""{"type":5}""", await response.Content.ReadAsStringAsync());

        Server.Slow.Release(Reply.Error("That question is too long."));
        var delete = await Server.Webhooks.NextCallAsync();
        var call = await Server.Webhooks.NextCallAsync();

        // The public "thinking" message goes first: Discord would take the first follow-up as the (public) answer.
        Assert.Equal(RecordedCall.DeleteOriginal, delete.Kind);
        Assert.Equal(interaction.Token, delete.Token);
        Assert.Equal(RecordedCall.FollowUp, call.Kind);
        Assert.Equal(interaction.Token, call.Token);
        var message = JsonSerializer.Deserialize(call.Body, DiscordJsonContext.Default.InteractionCallbackData)!;
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.Contains("too long", message.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deferred_command_that_fails_says_so_in_an_ephemeral_follow_up()
    {
        Server.Slow.Reset();
        using var response = await DeferAsync(DiscordTestServer.Command("slow"));

        Server.Slow.Fail(new InvalidOperationException("broken on purpose"));
        Assert.Equal(RecordedCall.DeleteOriginal, (await Server.Webhooks.NextCallAsync()).Kind);
        var call = await Server.Webhooks.NextCallAsync();

        Assert.Equal(RecordedCall.FollowUp, call.Kind);
        var message = JsonSerializer.Deserialize(call.Body, DiscordJsonContext.Default.InteractionCallbackData)!;
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.DoesNotContain("broken on purpose", call.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_button_whose_deferred_page_fails_leaves_the_results_on_screen()
    {
        // A first page with buttons, answered at once.
        Server.Slow.Reset();
        Server.Slow.Release(new Reply(ReplyKind.Answer, "Slow results", null,
            [new Citation("First result.", "a.txt", 1, 0.9, [])], [], new PageInfo(0, 3, 1, 1, 3)));
        var (first, _) = await Server.ExchangeAsync(DiscordTestServer.Command("slow"));
        var next = first.Data!.Components![0].Components![1];

        // The next page is slow, so the click is deferred (type 6), and then it fails.
        Server.Slow.Reset();
        using var response = await DeferAsync(DiscordTestServer.Button(next.CustomId!));
        Assert.Equal("""{"type":6}""", await response.Content.ReadAsStringAsync());
        Server.Slow.Release(Reply.Error("Those results have gone."));
        var call = await Server.Webhooks.NextCallAsync();

        // Neither edited nor deleted: the first call is the private follow-up.
        Assert.Equal(RecordedCall.FollowUp, call.Kind);
        var message = JsonSerializer.Deserialize(call.Body, DiscordJsonContext.Default.InteractionCallbackData)!;
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
    }

    [Fact]
    public async Task Commands_deferrals_and_refused_signatures_are_counted_in_the_bots_metrics()
    {
        var meters = Server.Services.GetRequiredService<IMeterFactory>();
        using var commands = new MetricCollector<long>(meters, BotMetrics.MeterName, "bot.commands");
        using var deferrals = new MetricCollector<long>(meters, BotMetrics.MeterName, "bot.deferrals");
        using var rejections = new MetricCollector<long>(meters, BotMetrics.MeterName, "bot.signature.rejections");

        Server.Slow.Reset();
        using (await DeferAsync(DiscordTestServer.Command("slow")))
        {
        }

        Server.Slow.Release(Reply.Info("Done", "Done."));
        await Server.Webhooks.NextCallAsync();
        var body = Encoding.UTF8.GetBytes(DiscordTestServer.Serialize(DiscordTestServer.Command("count")));
        using (var unsigned = await Server.PostAsync(body, signature: null, timestamp: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        }

        var deferred = Assert.Single(deferrals.GetMeasurementSnapshot());
        Assert.Equal(("discord", "slow"), ((string)deferred.Tags["platform"]!, (string)deferred.Tags["command"]!));
        var counted = Assert.Single(commands.GetMeasurementSnapshot());
        Assert.Equal(("slow", "discord", "info"), ((string)counted.Tags["command"]!, (string)counted.Tags["platform"]!, (string)counted.Tags["outcome"]!));
        var rejected = Assert.Single(rejections.GetMeasurementSnapshot());
        Assert.Equal(("discord", "missing"), ((string)rejected.Tags["platform"]!, (string)rejected.Tags["reason"]!));
    }

    /// <summary>Posts an interaction that runs the slow command and moves the fake clock until the endpoint defers it.</summary>
    private async Task<HttpResponseMessage> DeferAsync(Interaction interaction)
    {
        var pending = Server.PostSignedAsync(interaction);
        await Server.Slow.Started.WaitAsync(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 600 && !pending.IsCompleted; i++)
        {
            Server.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(pending, Task.Delay(50));
        }

        var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    [Fact]
    public async Task Replies_that_would_exceed_discord_limits_are_cut_and_still_ping_nobody()
    {
        var huge = string.Join(' ', Enumerable.Repeat("word @everyone *bold* <@1>", 2000));
        Server.Canned.Next = new Reply(
            ReplyKind.Answer,
            huge,
            huge,
            [.. Enumerable.Range(0, 6).Select(i => new Citation(huge, $"s{i}.txt", i + 1, 0.5, [new Highlight(0, 4), new Highlight(5000, 9)], Label: huge))],
            [.. Enumerable.Range(0, 40).Select(i => new ReplyField(huge, huge))],
            new PageInfo(0, 2, 1, 6, 12));

        var (response, raw) = await Server.ExchangeAsync(DiscordTestServer.Command("canned"));

        var embed = Assert.Single(response.Data!.Embeds!);
        Assert.InRange(embed.Title!.Length, 1, 256);
        Assert.EndsWith("…", embed.Title, StringComparison.Ordinal);
        Assert.InRange(embed.Description!.Length, 1, 4096);
        Assert.InRange(embed.Fields!.Count, 1, 25);
        Assert.All(embed.Fields, f =>
        {
            Assert.InRange(f.Name.Length, 1, 256);
            Assert.InRange(f.Value.Length, 1, 1024);
        });
        Assert.Contains("more not shown", embed.Footer!.Text, StringComparison.Ordinal);
        var total = embed.Title.Length + embed.Description.Length + embed.Fields.Sum(f => f.Name.Length + f.Value.Length) + embed.Footer.Text.Length;
        Assert.InRange(total, 1, 6000);
        Assert.DoesNotContain("@everyone", raw.RootElement.GetRawText(), StringComparison.Ordinal);
        AssertNoPings(raw);
    }

    private static void AssertNoPings(JsonDocument raw)
    {
        var data = raw.RootElement.GetProperty("data");
        var parse = data.GetProperty("allowed_mentions").GetProperty("parse");
        Assert.Equal(JsonValueKind.Array, parse.ValueKind);
        Assert.Equal(0, parse.GetArrayLength());
    }

    /// <summary>A body without Content-Length (sent chunked), so the server cannot trust a declared size.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
