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

    private static async Task<WebApplication> StartAsync(IStoryLibrary library, DiscordGatewayStatus? gateway)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
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
