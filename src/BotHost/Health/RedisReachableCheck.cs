using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace BotHost.Health;

/// <summary>
/// With <c>Redis:Configuration</c> set, <c>/healthz/dependencies</c>: Redis answers a PING, within <see cref="Timeout"/>, on the connection
/// the paging cache uses (no connection of its own). A singleton. Neither the description nor the log names the configuration
/// string, which may hold a password: only the exception's type.
/// </summary>
internal sealed partial class RedisReachableCheck(SharedRedisConnection connection, ILogger<RedisReachableCheck> logger) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(1500);

    // 1 after a failed check, so that only the change is logged, not every probe (one instance: a singleton).
    private int _failing;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        string? failure;
        try
        {
            var multiplexer = await connection.GetAsync().WaitAsync(Timeout, cancellationToken).ConfigureAwait(false);
            failure = multiplexer.IsConnected
                ? await PingAsync(multiplexer, cancellationToken).ConfigureAwait(false)
                : "not connected";
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            failure = e.GetType().Name;
        }

        if (failure is null)
        {
            if (Interlocked.Exchange(ref _failing, 0) == 1)
            {
                LogReachable(logger);
            }

            return HealthCheckResult.Healthy();
        }

        if (Interlocked.Exchange(ref _failing, 1) == 0)
        {
            LogUnreachable(logger, failure);
        }

        return HealthCheckResult.Unhealthy("Redis does not answer (" + failure + ")");
    }

    /// <summary>Null when Redis answered in time, else why not.</summary>
    private static async Task<string?> PingAsync(IConnectionMultiplexer multiplexer, CancellationToken cancellationToken)
    {
        try
        {
            await multiplexer.GetDatabase().PingAsync().WaitAsync(Timeout, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (TimeoutException)
        {
            return string.Create(CultureInfo.InvariantCulture, $"no PONG within {Timeout.TotalSeconds} s");
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Redis does not answer ({Error}): page buttons expire and /healthz/dependencies answers 503 until it does")]
    private static partial void LogUnreachable(ILogger logger, string error);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Redis answers again")]
    private static partial void LogReachable(ILogger logger);
}
