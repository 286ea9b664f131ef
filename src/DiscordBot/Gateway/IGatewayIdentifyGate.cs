namespace DiscordBot.Gateway;

/// <summary>
/// Holds a shard back until Discord allows it to identify: one Identify per 5 seconds per rate-limit key
/// (<c>shard_id % max_concurrency</c>), counted across every process of the bot, not per process.
/// </summary>
public interface IGatewayIdentifyGate
{
    /// <summary>Completes when <paramref name="shardId"/> may send its Identify now.</summary>
    Task WaitAsync(int shardId, CancellationToken cancellationToken);
}

/// <summary>
/// Makes the gate once the identify concurrency is known (it comes from GET /gateway/bot). The default keeps the
/// spacing in this process, which is right when one process runs all the shards; a fleet splitting the shards
/// (<c>Discord:ShardIds</c>) registers one that shares it (the host does, through Redis, when <c>Redis:Configuration</c> is set).
/// </summary>
public interface IGatewayIdentifyGateFactory
{
    IGatewayIdentifyGate Create(int maxConcurrency);
}

/// <summary>The in-process gate: <see cref="GatewayIdentifyLimiter"/>.</summary>
public sealed class InProcessIdentifyGateFactory(TimeProvider time) : IGatewayIdentifyGateFactory
{
    public IGatewayIdentifyGate Create(int maxConcurrency) => new GatewayIdentifyLimiter(maxConcurrency, time);
}
