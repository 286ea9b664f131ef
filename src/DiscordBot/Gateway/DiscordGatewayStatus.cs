using System.Collections.Concurrent;

namespace DiscordBot.Gateway;

/// <summary>
/// Why the gateway stopped for good, if it did (token rejected, privileged intents, sharding). The gateway service also
/// fails, which stops the host, but in .NET 10 the host still exits 0; the host reads <see cref="Failure"/> to exit non-zero.
/// Also whether every shard is connected now (READY or RESUMED received on its current connection), for readiness checks.
/// </summary>
public sealed class DiscordGatewayStatus
{
    private readonly ConcurrentDictionary<int, bool> _connected = new();
    private volatile Exception? _failure;
    private int _shardCount;

    /// <summary>How many shards the gateway runs; 0 until it has asked Discord (or read the settings).</summary>
    public int ShardCount => Volatile.Read(ref _shardCount);

    /// <summary>Shards whose current connection has reached READY or RESUMED.</summary>
    public int ConnectedShards => _connected.Count;

    /// <summary>Every shard is connected and the gateway has not given up.</summary>
    public bool IsConnected => Failure is null && ShardCount > 0 && ConnectedShards >= ShardCount;

    internal void Starting(int shardCount) => Volatile.Write(ref _shardCount, shardCount);

    internal void ShardConnected(int shardId) => _connected[shardId] = true;

    internal void ShardDisconnected(int shardId) => _connected.TryRemove(shardId, out _);

    /// <summary>Null while running or after a normal stop; the message names the setting, never its value.</summary>
    public Exception? Failure => _failure;

    internal Exception Fail(Exception failure)
    {
        _failure = failure;
        return failure;
    }
}
