using DiscordBot.Gateway;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace BotHost;

/// <summary>
/// Discord's identify spacing shared by every process of the fleet through Redis: a shard may identify once it has
/// set the key of its rate-limit bucket (<c>shard_id % max_concurrency</c>) that no other shard holds; the key
/// expires after Discord's 5 seconds, so the next shard of that bucket, in whatever process, waits until then.
/// While Redis does not answer, the spacing falls back to this process alone (and is logged): a shard that then
/// identifies too early is told so by Discord and retries, which is better than no bot.
/// </summary>
public sealed partial class RedisIdentifyGateFactory(
    SharedRedisConnection connection,
    IOptions<RedisOptions> options,
    TimeProvider time,
    ILogger<RedisIdentifyGateFactory> logger) : IGatewayIdentifyGateFactory
{
    public IGatewayIdentifyGate Create(int maxConcurrency) =>
        new Gate(connection, options.Value.InstanceName, maxConcurrency, new GatewayIdentifyLimiter(maxConcurrency, time), time, logger);

    private sealed class Gate(
        SharedRedisConnection connection,
        string prefix,
        int maxConcurrency,
        GatewayIdentifyLimiter local,
        TimeProvider time,
        ILogger logger) : IGatewayIdentifyGate
    {
        // The shortest wait between two tries at a held key: Redis reports its time to live in milliseconds.
        private static readonly TimeSpan MinRetry = TimeSpan.FromMilliseconds(50);

        private readonly string _holder = Guid.NewGuid().ToString("N");

        public async Task WaitAsync(int shardId, CancellationToken cancellationToken)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(shardId);
            var key = new RedisKey(BucketKey(prefix, shardId, maxConcurrency));
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                TimeSpan? held;
                try
                {
                    var database = (await connection.GetAsync().ConfigureAwait(false)).GetDatabase();
                    if (await database.StringSetAsync(key, _holder, GatewayIdentifyLimiter.Spacing, When.NotExists).ConfigureAwait(false))
                    {
                        return;
                    }

                    held = await database.KeyTimeToLiveAsync(key).ConfigureAwait(false);
                }
                catch (RedisException ex)
                {
                    LogRedisUnavailable(logger, shardId, ex.Message);
                    await local.WaitAsync(shardId, cancellationToken).ConfigureAwait(false);
                    return;
                }

                var wait = held is { } ttl && ttl > MinRetry ? ttl : MinRetry;
                await Task.Delay(wait < GatewayIdentifyLimiter.Spacing ? wait : GatewayIdentifyLimiter.Spacing, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The Redis key of a shard's rate-limit bucket: shards of one bucket share it across processes.</summary>
    internal static string BucketKey(string prefix, int shardId, int maxConcurrency) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}discord:identify:{shardId % maxConcurrency}");

    [LoggerMessage(EventId = 4230, Level = LogLevel.Warning, Message = "Redis did not answer for shard {ShardId}'s identify spacing ({Error}); spacing it in this process only")]
    private static partial void LogRedisUnavailable(ILogger logger, int shardId, string error);
}
