using System.Net;
using BotHost.Health;
using DiscordBot.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using StoryEngine;

namespace BotHost.Tests;

/// <summary>/healthz and /readyz as the host maps them, over real Kestrel on 127.0.0.1.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_is_200_while_the_stories_are_being_indexed_and_readyz_is_503_until_they_are_indexed()
    {
        var library = new SwitchableLibrary();
        await using var app = await StartAsync(library, gateway: null);
        using var http = new HttpClient { BaseAddress = Address(app) };

        using (var live = await http.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("ok", (await live.Content.ReadAsStringAsync()).Trim());
        }

        using (var notReady = await http.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Equal("stories: the stories are being indexed", (await notReady.Content.ReadAsStringAsync()).Trim());
        }

        library.Ready = true;
        using var ready = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ok", (await ready.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task Readyz_waits_for_every_gateway_shard_when_the_gateway_is_configured()
    {
        var library = new SwitchableLibrary { Ready = true };
        var gateway = new DiscordGatewayStatus();
        await using var app = await StartAsync(library, gateway);
        using var http = new HttpClient { BaseAddress = Address(app) };

        using (var starting = await http.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, starting.StatusCode);
            Assert.Equal("discord-gateway: 0 of ? gateway shards connected", (await starting.Content.ReadAsStringAsync()).Trim());
        }

        gateway.Starting(2);
        gateway.ShardConnected(0);
        using (var half = await http.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, half.StatusCode);
            Assert.Equal("discord-gateway: 1 of 2 gateway shards connected", (await half.Content.ReadAsStringAsync()).Trim());
        }

        gateway.ShardConnected(1);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);

        gateway.ShardDisconnected(1);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }

    [RedisFact]
    public async Task With_redis_configured_the_dependencies_probe_is_503_while_redis_is_down_and_readiness_and_liveness_stay_200()
    {
        var redis = await RedisServer.StartAsync();
        await using (redis)
        {
            await using var app = await StartAsync(new SwitchableLibrary { Ready = true }, gateway: null, redis.Configuration);
            using var http = new HttpClient { BaseAddress = Address(app) };

            // The check uses the paging cache's connection: none is opened per probe.
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/dependencies")).StatusCode);
            var clients = await ConnectedClientsAsync(redis);
            Assert.InRange(clients, 1, 2);
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/dependencies")).StatusCode);
            }

            Assert.Equal(clients, await ConnectedClientsAsync(redis));

            await redis.StopAsync();
            using var down = await http.GetAsync("/healthz/dependencies");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            var why = (await down.Content.ReadAsStringAsync()).Trim();
            Assert.StartsWith("redis: Redis does not answer (", why, StringComparison.Ordinal);
            Assert.DoesNotContain(redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), why, StringComparison.Ordinal);
            // One Redis outage must not take every replica out of the load balancer: commands still work.
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
            using var live = await http.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("ok", (await live.Content.ReadAsStringAsync()).Trim());
        }
    }

    [RedisFact]
    public async Task With_redis_configured_the_dependencies_probe_is_503_while_redis_hangs_and_200_again_once_it_answers()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var app = await StartAsync(new SwitchableLibrary { Ready = true }, gateway: null, redis.Configuration);
        using var http = new HttpClient { BaseAddress = Address(app) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/dependencies")).StatusCode);

        // Connection open, no answer: only the check's own time budget (1.5 s) ends the wait.
        await redis.FreezeAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var hung = await http.GetAsync("/healthz/dependencies"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, hung.StatusCode);
            Assert.StartsWith("redis: Redis does not answer (", (await hung.Content.ReadAsStringAsync()).Trim(), StringComparison.Ordinal);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the check took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);

        await redis.ResumeAsync();
        await WaitForAsync(http, "/healthz/dependencies", HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_redis_configured_there_is_no_redis_check()
    {
        await using var app = await StartAsync(new SwitchableLibrary { Ready = true }, gateway: null, redisConfiguration: null);
        using var http = new HttpClient { BaseAddress = Address(app) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
        Assert.DoesNotContain(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckServiceOptions>>().Value.Registrations,
            r => r.Name == "redis");
    }

    private static async Task<int> ConnectedClientsAsync(RedisServer redis)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, redis.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("*2\r\n$4\r\nINFO\r\n$7\r\nclients\r\n"u8.ToArray());
        var buffer = new byte[4096];
        var text = string.Empty;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!text.Contains("connected_clients:", StringComparison.Ordinal) || !text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, cts.Token);
            Assert.NotEqual(0, read);
            text += System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }

        var line = text.Split("\r\n").First(l => l.StartsWith("connected_clients:", StringComparison.Ordinal));
        // Minus this connection.
        return int.Parse(line["connected_clients:".Length..], System.Globalization.CultureInfo.InvariantCulture) - 1;
    }

    private static async Task WaitForAsync(HttpClient http, string path, HttpStatusCode expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await http.GetAsync(path, timeout.Token);
            if (response.StatusCode == expected)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }

    private static async Task<WebApplication> StartAsync(IStoryLibrary library, DiscordGatewayStatus? gateway, string? redisConfiguration = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (redisConfiguration is not null)
        {
            builder.Configuration["Redis:Configuration"] = redisConfiguration;
        }

        builder.Services.AddBotSharedState(builder.Configuration);
        builder.Services.AddSingleton(library);
        if (gateway is not null)
        {
            builder.Services.AddSingleton(gateway);
        }

        builder.Services.AddBotHealthChecks(discordGateway: gateway is not null);
        var app = builder.Build();
        app.MapBotHealthChecks();
        await app.StartAsync();
        return app;
    }

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private sealed class SwitchableLibrary : IStoryLibrary
    {
        public bool Ready { get; set; }

        public bool IsReady => Ready;

        public IReadOnlyList<Story> Stories => [];

        public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
