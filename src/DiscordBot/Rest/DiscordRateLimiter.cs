using System.Globalization;
using System.Net.Http.Headers;

namespace DiscordBot.Rest;

/// <summary>
/// Client-side view of Discord's rate limits, shared by every request: per-route buckets learnt from
/// <c>X-RateLimit-Bucket</c> / <c>-Remaining</c> / <c>-Reset-After</c> (counted per top-level resource) and the global limit
/// learnt from 429s. Requests wait here instead of being sent into a limit they already know about.
/// </summary>
public sealed class DiscordRateLimiter
{
    // Interaction tokens make every interaction its own resource; forget buckets once they have reset.
    private const int PruneThreshold = 1024;

    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _bucketByRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private DateTimeOffset _globalResetAt = DateTimeOffset.MinValue;
    private int _pruneAt = PruneThreshold;

    public DiscordRateLimiter(TimeProvider time) => _time = time;

    internal int BucketCount
    {
        get
        {
            lock (_lock)
            {
                return _buckets.Count;
            }
        }
    }

    /// <summary>Waits until <paramref name="route"/> may be sent, then reserves one request of its bucket.</summary>
    public async ValueTask WaitAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                wait = route.BotAuthorized ? _globalResetAt - now : TimeSpan.Zero;
                if (wait <= TimeSpan.Zero)
                {
                    if (!_buckets.TryGetValue(BucketKey(route), out var bucket) || bucket.ResetAt <= now)
                    {
                        // Unknown or reset: send, and learn the bucket from the response.
                        return;
                    }

                    if (bucket.Remaining > 0)
                    {
                        bucket.Remaining--;
                        return;
                    }

                    wait = bucket.ResetAt - now;
                }
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Learns the route's bucket from a response's headers.</summary>
    public void Update(DiscordRoute route, HttpResponseHeaders headers)
    {
        var bucketHash = Header(headers, "X-RateLimit-Bucket");
        var remaining = Header(headers, "X-RateLimit-Remaining");
        var resetAfter = Header(headers, "X-RateLimit-Reset-After");
        if (bucketHash is null || remaining is null || resetAfter is null
            || !int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left)
            || !double.TryParse(resetAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return;
        }

        lock (_lock)
        {
            var now = _time.GetUtcNow();
            _bucketByRoute[route.RouteKey] = bucketHash;
            if (_buckets.Count >= _pruneAt)
            {
                Prune(now);

                // If most buckets are still live, wait for the map to double before scanning again (no O(n) per request).
                _pruneAt = Math.Max(PruneThreshold, _buckets.Count * 2);
            }

            _buckets[bucketHash + ":" + route.MajorParameter] = new BucketState(Math.Max(0, left), now + Seconds(seconds));
        }
    }

    /// <summary>Records a 429: nothing more goes to the route's bucket (or anywhere, if global) for <paramref name="retryAfter"/>.</summary>
    public void RateLimited(DiscordRoute route, TimeSpan retryAfter, bool global)
    {
        lock (_lock)
        {
            var resetAt = _time.GetUtcNow() + retryAfter;
            if (global)
            {
                if (resetAt > _globalResetAt)
                {
                    _globalResetAt = resetAt;
                }

                return;
            }

            _buckets[BucketKey(route)] = new BucketState(0, resetAt);
        }
    }

    internal static TimeSpan Seconds(double seconds) =>
        TimeSpan.FromMilliseconds(Math.Clamp(seconds, 0, TimeSpan.FromHours(1).TotalSeconds) * 1000);

    // Before the first response the route has no hash yet; its own key stands in so a 429 still blocks it.
    private string BucketKey(DiscordRoute route) =>
        (_bucketByRoute.TryGetValue(route.RouteKey, out var hash) ? hash : route.RouteKey) + ":" + route.MajorParameter;

    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _buckets.Where(b => b.Value.ResetAt <= now).Select(b => b.Key).ToList())
        {
            _buckets.Remove(key);
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed class BucketState(int remaining, DateTimeOffset resetAt)
    {
        public int Remaining { get; set; } = remaining;

        public DateTimeOffset ResetAt { get; } = resetAt;
    }
}
