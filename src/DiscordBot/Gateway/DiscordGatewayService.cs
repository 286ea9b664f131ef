using DiscordBot.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordBot.Gateway;

/// <summary>
/// Runs the gateway shards (<c>Discord:Shards</c>, one connection each; with <c>Discord:ShardIds</c> only those of the
/// total) for the life of the host. Asks GET /gateway/bot for the address, the recommended shard count and the
/// identify concurrency unless configured.
/// </summary>
internal sealed partial class DiscordGatewayService(
    IOptions<DiscordOptions> options,
    DiscordRestClient rest,
    IGatewayConnectionFactory connections,
    IGatewayInteractionHandler interactions,
    DiscordGatewayStatus status,
    IGatewayIdentifyGateFactory identifyGates,
    TimeProvider time,
    ILoggerFactory loggers,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    private static readonly TimeSpan LookupRetryCap = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Token))
        {
            throw status.Fail(new InvalidOperationException("Discord:Token is required for the gateway."));
        }

        var (url, shardCount, maxConcurrency) = await ResolveAsync(settings, stoppingToken).ConfigureAwait(false);
        var identifyGate = identifyGates.Create(maxConcurrency);
        var shardLogger = loggers.CreateLogger<GatewayShard>();
        IReadOnlyList<int> shardIds = settings.ShardIdList() is { } chosen ? chosen : [.. Enumerable.Range(0, shardCount)];
        Log.Starting(logger, shardIds.Count, shardCount, ShardRange.Format(shardIds), maxConcurrency);

        var shards = shardIds.Select(shardId => new GatewayShard(
            new GatewayShardSettings(url, settings.Token, settings.GatewayIntents, shardId, shardCount),
            connections,
            interactions,
            identifyGate,
            time,
            new Random(),
            shardLogger,
            status)).ToList();
        status.Starting(shardIds.Count);

        var exits = await Task.WhenAll(shards.Select(s => s.RunAsync(stoppingToken))).ConfigureAwait(false);
        if (exits.Contains(GatewayShardExit.Fatal))
        {
            // Failing the service stops the host instead of idling without a bot; the message is for the operator.
            var code = shards.Select(s => s.FatalCloseCode).FirstOrDefault(c => c is not null);
            throw status.Fail(new InvalidOperationException(
                $"The Discord gateway closed the connection with {code} ({GatewayCloseCodes.Describe(code)}); not reconnecting."));
        }
    }

    private async Task<(Uri Url, int Shards, int MaxConcurrency)> ResolveAsync(DiscordOptions settings, CancellationToken cancellationToken)
    {
        if (settings.GatewayUrl is { } configured && settings.Shards > 0)
        {
            return (configured, settings.Shards, 1);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var info = await rest.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
                if (info.SessionStartLimit.Remaining <= 0)
                {
                    // Out of session starts (1000 a day): identifying now would only get the token reset.
                    var wait = TimeSpan.FromMilliseconds(Math.Max(0, info.SessionStartLimit.ResetAfter));
                    Log.NoSessionStarts(logger, wait.TotalMinutes);
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var shards = settings.Shards > 0 ? settings.Shards : Math.Max(1, info.Shards);
                return (settings.GatewayUrl ?? new Uri(info.Url), shards, Math.Max(1, info.SessionStartLimit.MaxConcurrency));
            }
            catch (DiscordRestException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
            {
                throw status.Fail(new InvalidOperationException("Discord rejected the bot token (Discord:Token) when asked for the gateway address.", ex));
            }
            catch (Exception ex) when (ex is HttpRequestException or DiscordRestException or System.Text.Json.JsonException
                                       || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var delay = TimeSpan.FromSeconds(Math.Min(LookupRetryCap.TotalSeconds, Math.Pow(2, Math.Min(attempt, 10))));
                Log.LookupFailed(logger, ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4220, Level = LogLevel.Information, Message = "Starting {Running} gateway shard(s) of {ShardCount} ({ShardIds}), identify concurrency {MaxConcurrency}")]
        public static partial void Starting(ILogger logger, int running, int shardCount, string shardIds, int maxConcurrency);

        [LoggerMessage(EventId = 4221, Level = LogLevel.Warning, Message = "No gateway session starts left today; waiting {Minutes} minutes")]
        public static partial void NoSessionStarts(ILogger logger, double minutes);

        [LoggerMessage(EventId = 4222, Level = LogLevel.Warning, Message = "Could not get the gateway address ({Error}); retrying in {Seconds} s")]
        public static partial void LookupFailed(ILogger logger, string error, double seconds);
    }
}
