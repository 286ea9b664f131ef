using System.Globalization;
using DiscordBot;
using DiscordBot.Gateway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Tests;

/// <summary>
/// Gateway shards split across processes (Discord:ShardIds) space their identifies through a real redis-server: two
/// service providers stand for two processes of the fleet.
/// </summary>
public sealed class RedisIdentifyGateTests
{
    // Caps every wait so a broken setup fails instead of hanging; not a timing assertion.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [RedisFact]
    public async Task A_shard_in_another_process_waits_for_the_bucket_a_shard_of_this_one_just_used()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var processA = Services(redis.Configuration);
        await using var processB = Services(redis.Configuration);
        var gateA = processA.GetRequiredService<IGatewayIdentifyGateFactory>().Create(maxConcurrency: 2);
        var gateB = processB.GetRequiredService<IGatewayIdentifyGateFactory>().Create(maxConcurrency: 2);

        await gateA.WaitAsync(0, CancellationToken.None).WaitAsync(Patience);
        // Shard 2 shares shard 0's bucket (2 % 2 == 0) and runs in the other process: it must wait for the key to expire.
        var sameBucket = gateB.WaitAsync(2, CancellationToken.None);
        // Shard 1's bucket is free: it goes at once.
        await gateB.WaitAsync(1, CancellationToken.None).WaitAsync(Patience);

        Assert.False(sameBucket.IsCompleted);
        var ttl = long.Parse((await redis.CommandAsync("PTTL", "bothost:discord:identify:0"))[1..], CultureInfo.InvariantCulture);
        Assert.InRange(ttl, 1, (long)GatewayIdentifyLimiter.Spacing.TotalMilliseconds);
        await sameBucket.WaitAsync(Patience);
    }

    [Fact]
    public async Task Without_redis_configured_the_spacing_stays_in_the_process()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging();
        services.AddBotSharedState(configuration);
        services.AddDiscordGateway(configuration);
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<InProcessIdentifyGateFactory>(provider.GetRequiredService<IGatewayIdentifyGateFactory>());
    }

    private static ServiceProvider Services(string redisConfiguration)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Redis:Configuration"] = redisConfiguration })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddBotSharedState(configuration);
        services.AddDiscordGateway(configuration);
        return services.BuildServiceProvider();
    }
}
