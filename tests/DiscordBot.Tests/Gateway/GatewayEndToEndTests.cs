using ChatCommands;
using DiscordBot.Gateway;
using DiscordBot.Tests.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordBot.Tests.Gateway;

/// <summary>
/// The app's wiring (AddDiscordInteractions + AddDiscordGateway) with the hosted gateway service talking to a loopback
/// gateway, and the REST callback landing on a loopback REST server. Real clock: nothing here waits on a timer.
/// </summary>
public sealed class GatewayEndToEndTests
{
    private const string InteractionToken = "aW50ZXJhY3Rpb246OTAwOnZlcnktc2VjcmV0LWludGVyYWN0aW9uLXRva2Vu";

    [Fact]
    public async Task Interaction_create_from_the_gateway_is_answered_through_the_rest_callback()
    {
        await using var gateway = await LoopbackGatewayServer.StartAsync();
        await using var rest = await LoopbackRestServer.StartAsync();
        rest.Respond = (_, _) => RestAnswer.Empty(204);
        var logs = new CapturingLoggerProvider();
        var configuration = Configuration(gateway, rest, publicKey: null);

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<ICommandDispatcher>(new CommandDispatcher([new EchoCommand()], NullLogger<CommandDispatcher>.Instance));
        services.AddDiscordInteractions(configuration);
        services.AddDiscordGateway(configuration);
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        Assert.Contains(hosted, s => s is DiscordGatewayService);
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        var connection = await gateway.NextConnectionAsync();
        await connection.SendHelloAsync(45_000);
        var identify = await connection.ReceiveAsync();
        Assert.Equal(2, identify.GetProperty("op").GetInt32());
        Assert.Equal(0, identify.GetProperty("d").GetProperty("intents").GetInt32());
        Assert.Equal([0, 1], identify.GetProperty("d").GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        await connection.SendReadyAsync(1, "session-e2e", gateway.ResumeUrl);
        await connection.SendDispatchAsync(2, "INTERACTION_CREATE", $$$"""
            {"id":"900","application_id":"{{{RestHarness.ApplicationId}}}","type":2,"token":"{{{InteractionToken}}}","version":1,
             "guild_id":"5","channel_id":"6","member":{"user":{"id":"77","username":"reader"}},
             "data":{"id":"1","name":"echo","type":1,"options":[{"name":"text","type":3,"value":"hello from the gateway"}]}}
            """);

        var callback = await rest.NextRequestAsync();
        Assert.Equal("POST", callback.Method);
        Assert.Equal($"/api/v10/interactions/900/{InteractionToken}/callback", callback.Path);
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.Contains("hello from the gateway", callback.Json.GetProperty("data").GetRawText(), StringComparison.Ordinal);

        foreach (var service in hosted.AsEnumerable().Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.Equal(1000, await connection.WaitClosedAsync());
        Assert.DoesNotContain(GatewayShardTests.Token, logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(InteractionToken, logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_url_the_service_asks_gateway_bot_and_runs_the_recommended_shards()
    {
        await using var gateway = await LoopbackGatewayServer.StartAsync();
        await using var rest = await LoopbackRestServer.StartAsync();
        rest.Respond = GatewayBot(gateway, recommendedShards: 2, maxConcurrency: 2);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = GatewayShardTests.Token,
            ["Discord:ApplicationId"] = RestHarness.ApplicationId,
            ["Discord:ApiBaseUrl"] = rest.ApiBase.AbsoluteUri,
            ["Discord:Shards"] = "0",
        }).Build();
        await using var provider = GatewayOnly(configuration);
        var service = provider.GetServices<IHostedService>().OfType<DiscordGatewayService>().Single();
        await service.StartAsync(CancellationToken.None);

        var lookup = await rest.NextRequestAsync();
        Assert.Equal("/api/v10/gateway/bot", lookup.Path);
        Assert.Equal("Bot " + GatewayShardTests.Token, lookup.Authorization);

        // One connection per shard, each identifying as its own shard of two.
        var shards = await IdentifiedShardsAsync(gateway, connections: 2, total: 2);
        Assert.Equal([0, 1], shards);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_process_given_shard_ids_runs_only_those_shards_of_the_total()
    {
        await using var gateway = await LoopbackGatewayServer.StartAsync();
        await using var rest = await LoopbackRestServer.StartAsync();
        rest.Respond = GatewayBot(gateway, recommendedShards: 2, maxConcurrency: 4);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = GatewayShardTests.Token,
            ["Discord:ApplicationId"] = RestHarness.ApplicationId,
            ["Discord:ApiBaseUrl"] = rest.ApiBase.AbsoluteUri,
            // The second of two processes sharing 6 shards; Discord's own recommendation (2) must not override the fleet's total.
            ["Discord:Shards"] = "6",
            ["Discord:ShardIds"] = "3-5",
        }).Build();
        await using var provider = GatewayOnly(configuration);
        var service = provider.GetServices<IHostedService>().OfType<DiscordGatewayService>().Single();
        await service.StartAsync(CancellationToken.None);

        var shards = await IdentifiedShardsAsync(gateway, connections: 3, total: 6);
        Assert.Equal([3, 4, 5], shards);
        Assert.Equal(3, provider.GetRequiredService<DiscordGatewayStatus>().ShardCount);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_rejected_token_stops_the_gateway_service_with_a_message_naming_the_setting()
    {
        await using var gateway = await LoopbackGatewayServer.StartAsync();
        await using var rest = await LoopbackRestServer.StartAsync();
        rest.Respond = (_, _) => RestAnswer.Json(401, """{"message":"401: Unauthorized","code":0}""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = GatewayShardTests.Token,
            ["Discord:ApiBaseUrl"] = rest.ApiBase.AbsoluteUri,
        }).Build();
        await using var provider = GatewayOnly(configuration);
        var service = provider.GetServices<IHostedService>().OfType<DiscordGatewayService>().Single();

        await service.StartAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => service.ExecuteTask!.WaitAsync(LoopbackGatewayServer.Patience));

        Assert.Contains("Discord:Token", error.Message, StringComparison.Ordinal);
        Assert.Same(error, provider.GetRequiredService<DiscordGatewayStatus>().Failure);
        Assert.DoesNotContain(GatewayShardTests.Token, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, gateway.ConnectionCount);
    }

    [Fact]
    public async Task A_fatal_close_code_stops_the_gateway_service()
    {
        await using var gateway = await LoopbackGatewayServer.StartAsync();
        await using var rest = await LoopbackRestServer.StartAsync();
        await using var provider = GatewayOnly(Configuration(gateway, rest, publicKey: null));
        var service = provider.GetServices<IHostedService>().OfType<DiscordGatewayService>().Single();
        await service.StartAsync(CancellationToken.None);

        var connection = await gateway.NextConnectionAsync();
        await connection.SendHelloAsync(45_000);
        await connection.ReceiveAsync();
        await connection.CloseAsync(4004, "Authentication failed.");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => service.ExecuteTask!.WaitAsync(LoopbackGatewayServer.Patience));
        Assert.Contains("4004", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord:Token", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, gateway.ConnectionCount);
        Assert.NotNull(provider.GetRequiredService<DiscordGatewayStatus>().Failure);
    }

    [Theory]
    [InlineData(false, true, true)]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    public async Task The_gateway_runs_only_with_a_token_and_without_a_public_key(bool withPublicKey, bool withToken, bool expectGateway)
    {
        var values = new Dictionary<string, string?>
        {
            ["Discord:ApplicationId"] = RestHarness.ApplicationId,
            ["Discord:Token"] = withToken ? GatewayShardTests.Token : null,
            ["Discord:PublicKey"] = withPublicKey ? new string('a', 64) : null,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ICommandDispatcher>(new CommandDispatcher([], NullLogger<CommandDispatcher>.Instance));
        services.AddDiscordGateway(configuration);
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(expectGateway, provider.GetServices<IHostedService>().Any(s => s is DiscordGatewayService));
    }

    /// <summary>A Discord REST stand-in whose GET /gateway/bot sends the bot to <paramref name="gateway"/>.</summary>
    private static Func<RestRequest, int, RestAnswer> GatewayBot(LoopbackGatewayServer gateway, int recommendedShards, int maxConcurrency) =>
        (request, _) => request.Path.EndsWith("/gateway/bot", StringComparison.Ordinal)
            ? RestAnswer.Json(200, $$$"""{"url":"{{{gateway.Url.AbsoluteUri}}}","shards":{{{recommendedShards}}},"session_start_limit":{"total":1000,"remaining":990,"reset_after":1000,"max_concurrency":{{{maxConcurrency}}}}}""")
            : RestAnswer.Empty(204);

    /// <summary>The shard ids that the next <paramref name="connections"/> connections identify as, ascending; each must count <paramref name="total"/> shards.</summary>
    private static async Task<int[]> IdentifiedShardsAsync(LoopbackGatewayServer gateway, int connections, int total)
    {
        var shards = new List<int>();
        for (var i = 0; i < connections; i++)
        {
            var connection = await gateway.NextConnectionAsync();
            await connection.SendHelloAsync(45_000);
            var identify = await connection.ReceiveAsync();
            var shard = identify.GetProperty("d").GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.Equal(total, shard[1]);
            shards.Add(shard[0]);
        }

        return [.. shards.Order()];
    }

    private static ServiceProvider GatewayOnly(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ICommandDispatcher>(new CommandDispatcher([], NullLogger<CommandDispatcher>.Instance));
        services.AddDiscordGateway(configuration);
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(LoopbackGatewayServer gateway, LoopbackRestServer rest, string? publicKey) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = GatewayShardTests.Token,
            ["Discord:ApplicationId"] = RestHarness.ApplicationId,
            ["Discord:PublicKey"] = publicKey,
            ["Discord:ApiBaseUrl"] = rest.ApiBase.AbsoluteUri,
            ["Discord:GatewayUrl"] = gateway.Url.AbsoluteUri,
            ["Discord:Shards"] = "1",
        }).Build();

    private sealed class EchoCommand : IChatCommand
    {
        public CommandDefinition Definition { get; } = new("echo", "Says it back", [new CommandOption("text", "What to say", CommandOptionType.String, Required: true)]);

        public ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Reply.Info("Echo", request.Option("text") ?? ""));
    }
}
