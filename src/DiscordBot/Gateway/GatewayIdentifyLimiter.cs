namespace DiscordBot.Gateway;

/// <summary>
/// Discord allows one Identify per 5 seconds per rate-limit key, where the key is
/// <c>shard_id % max_concurrency</c> (max_concurrency from GET /gateway/bot). Resumes don't count. This limiter
/// keeps the spacing within one process.
/// </summary>
public sealed class GatewayIdentifyLimiter : IGatewayIdentifyGate
{
    /// <summary>Discord's spacing between two identifies of one rate-limit key.</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time;
    private readonly Bucket[] _buckets;

    public GatewayIdentifyLimiter(int maxConcurrency, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        _time = time;
        _buckets = [.. Enumerable.Range(0, maxConcurrency).Select(_ => new Bucket())];
    }

    public async Task WaitAsync(int shardId, CancellationToken cancellationToken)
    {
        var bucket = _buckets[shardId % _buckets.Length];
        await bucket.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (bucket.LastIdentify is { } last)
            {
                var wait = Spacing - _time.GetElapsedTime(last);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }
            }

            bucket.LastIdentify = _time.GetTimestamp();
        }
        finally
        {
            bucket.Lock.Release();
        }
    }

    private sealed class Bucket
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public long? LastIdentify { get; set; }
    }
}
