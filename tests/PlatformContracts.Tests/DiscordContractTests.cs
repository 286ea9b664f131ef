using System.Net;
using System.Text.Json;
using ChatCommands;
using DiscordBot;
using DiscordBot.Gateway;
using DiscordBot.Rest;
using DiscordBot.Tests.Gateway;
using DiscordBot.Tests.Rest;
using DiscordBot.Tests.Support;
using DiscordBot.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PlatformContracts.Tests.Support;

namespace PlatformContracts.Tests;

/// <summary>
/// What the bot really sends Discord — captured over loopback from the interactions endpoint, the webhook and REST
/// stand-ins and the gateway stand-in — type-checked against discord-api-types (v10), Discord's published types.
/// </summary>
public sealed class DiscordContractTests(DiscordServerFixture fixture) : IClassFixture<DiscordServerFixture>
{
    private const string V10 = "discord-api-types/v10";
    private const string Token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.secretsecretsecretsecretsecretsecret12";

    private DiscordTestServer Server => fixture.Server;

    [TypeScriptFact]
    public async Task Interaction_responses_of_every_command_satisfy_discord_api_types()
    {
        var payloads = new List<TypedPayload>();
        var ping = new Interaction("1", DiscordTestServer.ApplicationId, InteractionType.Ping, Token: "t");
        payloads.Add(Response("pong", await PostAsync(DiscordTestServer.Serialize(ping))));

        // Every real command over the seed stories, its required options filled in.
        var dispatcher = Server.Services.GetRequiredService<ICommandDispatcher>();
        foreach (var command in dispatcher.Commands.Where(c => c.Name is not ("slow" or "boom")))
        {
            var options = command.Options.Where(o => o.Required)
                .Select(o => (o.Name, o.Type == CommandOptionType.Integer ? "1" : "ceasefire talks")).ToArray();
            payloads.Add(Response("command-" + command.Name, await PostAsync(DiscordTestServer.Serialize(DiscordTestServer.Command(command.Name, options)))));
        }

        payloads.Add(Response("ask-answer", await PostAsync(DiscordTestServer.Serialize(DiscordTestServer.Command("ask", ("question", "What was agreed in the ceasefire talks?"))))));
        payloads.Add(Response("unknown-command-error", await PostAsync(DiscordTestServer.Serialize(DiscordTestServer.Command("no-such-command")))));
        payloads.Add(Response("failing-command-error", await PostAsync(DiscordTestServer.Serialize(DiscordTestServer.Command("boom")))));

        // A button click pages the message (type 7).
        var first = await PostAsync(DiscordTestServer.Serialize(DiscordTestServer.Command("headlines", ("topic", "rail"))));
        payloads.Add(Response("paged-first", first));
        var next = JsonDocument.Parse(first).RootElement.GetProperty("data").GetProperty("components")[0].GetProperty("components")[1].GetProperty("custom_id").GetString()!;
        payloads.Add(Response("page-button-update", await PostAsync(DiscordTestServer.Serialize(DiscordTestServer.Button(next)))));
        payloads.Add(Response("expired-button", await PostAsync(DiscordTestServer.Serialize(DiscordTestServer.Button("not-ours")))));

        // Autocomplete (type 8), from the stories and from a command that suggests more than Discord allows.
        payloads.Add(Response("autocomplete-speakers", await PostAsync(DiscordTestServer.Serialize(Autocomplete("whosaid", "speaker", ApplicationCommandOptionType.String)))));
        payloads.Add(Response("autocomplete-capped", await PostAsync(DiscordTestServer.Serialize(Autocomplete("story", "name", ApplicationCommandOptionType.String)))));
        payloads.Add(Response("autocomplete-integer", await PostAsync(DiscordTestServer.Serialize(Autocomplete("story", "paragraph", ApplicationCommandOptionType.Integer)))));

        // A reply far past every limit, cut by the renderer.
        var huge = string.Join(' ', Enumerable.Repeat("word @everyone *bold* <@1>", 2000));
        Server.Canned.Next = new Reply(ReplyKind.Answer, huge, huge,
            [.. Enumerable.Range(0, 6).Select(i => new Citation(huge, $"s{i}.txt", i + 1, 0.5, [new Highlight(0, 4)], Label: huge))],
            [.. Enumerable.Range(0, 40).Select(_ => new ReplyField(huge, huge))],
            new PageInfo(0, 2, 1, 6, 12));
        payloads.Add(Response("oversized-reply", await PostAsync(DiscordTestServer.Serialize(DiscordTestServer.Command("canned")))));

        TypeScriptCheck.AssertAllSatisfy(await TypeScriptCheck.CheckAsync(payloads));
    }

    [TypeScriptFact]
    public async Task Deferrals_webhook_edits_and_follow_ups_satisfy_discord_api_types()
    {
        var payloads = new List<TypedPayload>();

        // Deferred (type 5), then finished by editing the original response.
        Server.Slow.Reset();
        var deferred = await DeferAsync(DiscordTestServer.Command("slow"));
        payloads.Add(Response("deferred-command", deferred));
        Server.Slow.Release(new Reply(ReplyKind.Answer, "Late @everyone", "Took a while.",
            [new Citation("It took a while, said <@123>.", "late.txt", 2, 0.9, [new Highlight(3, 4)])], [], new PageInfo(0, 2, 1, 1, 2)));
        var edit = await Server.Webhooks.NextCallAsync();
        Assert.Equal(RecordedCall.EditOriginal, edit.Kind);
        payloads.Add(new TypedPayload("webhook-edit-original", V10, "RESTPatchAPIInteractionOriginalResponseJSONBody", edit.Body));

        // Deferred, then an error: the thinking message is deleted (no body) and a private follow-up is posted.
        Server.Slow.Reset();
        await DeferAsync(DiscordTestServer.Command("slow"));
        Server.Slow.Release(Reply.Error("That question is too long."));
        Assert.Equal(RecordedCall.DeleteOriginal, (await Server.Webhooks.NextCallAsync()).Kind);
        var followUp = await Server.Webhooks.NextCallAsync();
        Assert.Equal(RecordedCall.FollowUp, followUp.Kind);
        payloads.Add(new TypedPayload("follow-up-error", V10, "RESTPostAPIInteractionFollowupJSONBody", followUp.Body));

        // A page button whose page is slow is deferred as an update (type 6).
        Server.Slow.Reset();
        Server.Slow.Release(new Reply(ReplyKind.Answer, "Slow results", null, [new Citation("First result.", "a.txt", 1, 0.9, [])], [], new PageInfo(0, 3, 1, 1, 3)));
        var paged = await PostAsync(DiscordTestServer.Serialize(DiscordTestServer.Command("slow")));
        var next = JsonDocument.Parse(paged).RootElement.GetProperty("data").GetProperty("components")[0].GetProperty("components")[1].GetProperty("custom_id").GetString()!;
        Server.Slow.Reset();
        payloads.Add(Response("deferred-update", await DeferAsync(DiscordTestServer.Button(next))));
        Server.Slow.Release(new Reply(ReplyKind.Answer, "Slow results", null, [new Citation("Second result.", "a.txt", 2, 0.8, [])], [], new PageInfo(1, 3, 2, 2, 3)));
        var pageEdit = await Server.Webhooks.NextCallAsync();
        Assert.Equal(RecordedCall.EditOriginal, pageEdit.Kind);
        payloads.Add(new TypedPayload("webhook-edit-page", V10, "RESTPatchAPIInteractionOriginalResponseJSONBody", pageEdit.Body));

        TypeScriptCheck.AssertAllSatisfy(await TypeScriptCheck.CheckAsync(payloads));
    }

    [TypeScriptFact]
    public async Task Command_registration_body_satisfies_discord_api_types()
    {
        await using var rest = await LoopbackRestServer.StartAsync();
        rest.Respond = (_, _) => RestAnswer.Json(200, """[{"id":"1","name":"ask"}]""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = Token,
            ["Discord:ApplicationId"] = DiscordTestServer.ApplicationId,
            ["Discord:ApiBaseUrl"] = rest.ApiBase.AbsoluteUri,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Server.Services.GetRequiredService<ICommandDispatcher>());
        services.AddDiscordRest(configuration);
        await using var provider = services.BuildServiceProvider();
        var registrar = provider.GetRequiredService<DiscordCommandRegistrar>();

        Assert.Equal(0, await registrar.RegisterAsync("222333444555666777", CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience));
        var guild = await rest.NextRequestAsync();
        Assert.Equal(0, await registrar.RegisterAsync(null, CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience));
        var global = await rest.NextRequestAsync();

        Assert.Equal("PUT", guild.Method);
        Assert.True(guild.Json.GetArrayLength() >= 8, "the real commands are registered");
        TypeScriptCheck.AssertAllSatisfy(await TypeScriptCheck.CheckAsync(
        [
            new TypedPayload("register-guild-commands", V10, "RESTPutAPIApplicationGuildCommandsJSONBody", guild.Body),
            new TypedPayload("register-global-commands", V10, "RESTPutAPIApplicationCommandsJSONBody", global.Body),
        ]));
    }

    [TypeScriptFact]
    public async Task Gateway_identify_heartbeat_and_resume_satisfy_discord_api_types()
    {
        await using var gateway = await LoopbackGatewayServer.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var shard = new GatewayShard(
            new GatewayShardSettings(gateway.Url, Token, 0, 1, 2),
            new WebSocketGatewayConnectionFactory(),
            new IgnoringInteractionHandler(),
            new GatewayIdentifyLimiter(1, time),
            time,
            new Random(1234),
            NullLogger<GatewayShard>.Instance);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = shard.RunAsync(cts.Token);

        var connection = await gateway.NextConnectionAsync();
        await connection.SendHelloAsync(45_000);
        var identify = await connection.ReceiveAsync();
        await connection.SendReadyAsync(1, "session-a", gateway.ResumeUrl);
        await TestClock.WaitUntilAsync(() => shard.SessionId == "session-a");

        // Discord may ask for a heartbeat at any time (op 1); the answer carries the last sequence.
        await connection.SendAsync("""{"op":1,"d":null}""");
        var heartbeat = await connection.ReceiveAsync(includeHeartbeats: true);

        // Reconnect (op 7): the shard comes back at the resume URL and resumes the session.
        await connection.SendAsync("""{"op":7,"d":null}""");
        var next = await time.AdvanceUntilAsync(gateway.NextConnectionAsync());
        await next.SendHelloAsync(45_000);
        var resume = await next.ReceiveAsync();

        await cts.CancelAsync();
        await run.WaitAsync(LoopbackGatewayServer.Patience);

        Assert.Equal([2, 1, 6], new[] { identify, heartbeat, resume }.Select(p => p.GetProperty("op").GetInt32()));
        TypeScriptCheck.AssertAllSatisfy(await TypeScriptCheck.CheckAsync(
        [
            new TypedPayload("gateway-identify", V10, "GatewayIdentify", identify.GetRawText()),
            new TypedPayload("gateway-heartbeat", V10, "GatewayHeartbeat", heartbeat.GetRawText()),
            new TypedPayload("gateway-resume", V10, "GatewayResume", resume.GetRawText()),
        ]));
    }

    [TypeScriptFact]
    public async Task Gateway_interactions_are_answered_with_a_callback_body_that_satisfies_discord_api_types()
    {
        await using var gateway = await LoopbackGatewayServer.StartAsync();
        await using var rest = await LoopbackRestServer.StartAsync();
        rest.Respond = (_, _) => RestAnswer.Empty(204);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = Token,
            ["Discord:ApplicationId"] = DiscordTestServer.ApplicationId,
            ["Discord:ApiBaseUrl"] = rest.ApiBase.AbsoluteUri,
            ["Discord:GatewayUrl"] = gateway.Url.AbsoluteUri,
            ["Discord:Shards"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Server.Services.GetRequiredService<ICommandDispatcher>());
        services.AddDiscordInteractions(configuration);
        services.AddDiscordGateway(configuration);
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        var connection = await gateway.NextConnectionAsync();
        await connection.SendHelloAsync(45_000);
        await connection.ReceiveAsync();
        await connection.SendReadyAsync(1, "session-c", gateway.ResumeUrl);
        await connection.SendDispatchAsync(2, "INTERACTION_CREATE",
            DiscordTestServer.Serialize(DiscordTestServer.Command("ask", ("question", "What was agreed in the ceasefire talks?"))));
        var callback = await rest.NextRequestAsync();

        foreach (var service in hosted.AsEnumerable().Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.Equal("POST", callback.Method);
        Assert.EndsWith("/callback", callback.Path, StringComparison.Ordinal);
        TypeScriptCheck.AssertAllSatisfy(await TypeScriptCheck.CheckAsync(
        [
            new TypedPayload("gateway-interaction-callback", V10, "RESTPostAPIInteractionCallbackJSONBody", callback.Body),
        ]));
    }

    /// <summary>The type discord-api-types gives each kind of interaction response, by its <c>type</c>.</summary>
    internal static TypedPayload Response(string name, string json)
    {
        var type = JsonDocument.Parse(json).RootElement.GetProperty("type").GetInt32() switch
        {
            1 => "APIInteractionResponsePong",
            4 => "APIInteractionResponseChannelMessageWithSource",
            5 => "APIInteractionResponseDeferredChannelMessageWithSource",
            6 => "APIInteractionResponseDeferredMessageUpdate",
            7 => "APIInteractionResponseUpdateMessage",
            8 => "APIApplicationCommandAutocompleteResponse",
            var other => throw new InvalidOperationException($"{name}: unexpected interaction response type {other}"),
        };
        return new TypedPayload(name, V10, type, json);
    }

    private async Task<string> PostAsync(string json)
    {
        using var response = await Server.PostSignedAsync(json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts an interaction that runs the slow command and moves the fake clock until the endpoint defers it.</summary>
    private async Task<string> DeferAsync(Interaction interaction)
    {
        var pending = Server.PostSignedAsync(interaction);
        await Server.Slow.Started.WaitAsync(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 600 && !pending.IsCompleted; i++)
        {
            Server.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(pending, Task.Delay(50));
        }

        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static Interaction Autocomplete(string command, string option, ApplicationCommandOptionType type) => new(
        "1",
        DiscordTestServer.ApplicationId,
        InteractionType.ApplicationCommandAutocomplete,
        new InteractionData(Id: "2", Name: command, Type: ApplicationCommandType.ChatInput, Options:
        [
            new InteractionDataOption(option, type, JsonSerializer.SerializeToElement("", DiscordJsonContext.Default.String), Focused: true),
        ]),
        Token: "t");

    private sealed class IgnoringInteractionHandler : IGatewayInteractionHandler
    {
        public Task HandleInteractionAsync(JsonElement interaction, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
