using DiscordBot.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace DiscordBot.Tests.Gateway;

public sealed class GatewayIdentifyLimiterTests
{
    [Fact]
    public async Task Shards_sharing_a_rate_limit_key_identify_five_seconds_apart()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var limiter = new GatewayIdentifyLimiter(1, time);
        await limiter.WaitAsync(0, CancellationToken.None);
        var start = time.GetUtcNow();

        var second = limiter.WaitAsync(1, CancellationToken.None);
        Assert.False(second.IsCompleted);
        await time.AdvanceUntilAsync(second);

        Assert.True(time.GetUtcNow() - start >= GatewayIdentifyLimiter.Spacing);
    }

    [Fact]
    public async Task Shards_with_different_rate_limit_keys_identify_together()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var limiter = new GatewayIdentifyLimiter(2, time);

        await limiter.WaitAsync(0, CancellationToken.None);
        var other = limiter.WaitAsync(1, CancellationToken.None);

        // shard_id % max_concurrency differs, so no wait: completes without the clock moving.
        Assert.True(other.IsCompletedSuccessfully);
        await other;
    }
}

public sealed class GatewaySecretsTests
{
    [Fact]
    public void Shard_settings_print_without_the_token()
    {
        var settings = new GatewayShardSettings(new Uri("wss://gateway.example"), GatewayShardTests.Token, 0, 0, 1);

        Assert.DoesNotContain(GatewayShardTests.Token, settings.ToString(), StringComparison.Ordinal);
        Assert.Contains("gateway.example", settings.ToString(), StringComparison.Ordinal);
    }
}
