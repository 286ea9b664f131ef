using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace DiscordBot.Rest;

/// <summary>
/// The one retry layer of Discord REST: a Polly retry strategy in the named client's resilience handler. Nothing
/// above it (the client, the interaction processor) resends, so a call costs at most <see cref="DiscordRestClient.MaxAttempts"/>
/// requests. The wait before resending a 429 is the rate limiter's (it knows the bucket and the global limit), so the
/// strategy adds no delay of its own there; other failures wait a doubling backoff.
/// </summary>
internal static partial class DiscordRestResilience
{
    public const string PipelineName = "discord";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        // The app's clock (a fake one in tests) times the backoff, as it does the limiter's waits.
        pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
        var logger = context.ServiceProvider.GetRequiredService<ILogger<DiscordRestClient>>();
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = DiscordRestClient.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            Delay = DiscordRestClient.ServerErrorBackoff,
            // Exact waits (0.5 s, 1 s, 2 s): jitter could go below what Discord's edge needs, and tests check the floors.
            UseJitter = false,
            // The limiter reads Retry-After (and the body's retry_after) and holds the route until then.
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests ? TimeSpan.Zero : null),
            OnRetry = args =>
            {
                if (args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests && Call(args.Outcome, args.Context) is { } call)
                {
                    var failure = args.Outcome.Result is { } response ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name ?? "?";
                    Log.Retrying(logger, call.Route.ToString(), failure, args.RetryDelay.TotalSeconds, call.Attempts, DiscordRestClient.MaxAttempts);
                }

                return default;
            },
        });
    }

    /// <summary>Whether an attempt's outcome is worth another attempt; never for anything Discord may already have done once.</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (Call(outcome, context) is not { } call)
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            // A request lost on the way may still have reached Discord: resend only what is safe to repeat.
            return exception is HttpRequestException or TimeoutException && call.Route.Method != HttpMethod.Post;
        }

        var status = outcome.Result!.StatusCode;
        return status == HttpStatusCode.TooManyRequests
            // Discord did not process a 429, so even a POST is resent, unless the wait would outlive the interaction.
            ? call.RetryAfter is { } wait && wait <= DiscordRestClient.MaxRetryWait
            : IsTransient(status, call.Route);
    }

    /// <summary>
    /// 5xx from Discord's edge are brief outages, but the call may have been half done, so only calls that are safe to
    /// repeat are resent: a second interaction callback or follow-up POST would answer twice. A 404 on an interaction
    /// webhook is the race where the edit overtakes the deferred response it builds on; Discord did nothing, so it is resent.
    /// </summary>
    internal static bool IsTransient(HttpStatusCode status, DiscordRoute route) => status switch
    {
        HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
            => route.Method != HttpMethod.Post,
        HttpStatusCode.NotFound => route.Template.StartsWith("webhooks/", StringComparison.Ordinal),
        _ => false,
    };

    private static DiscordRestCall? Call(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        (outcome.Result?.RequestMessage ?? context.GetRequestMessage()) is { } request
        && request.Options.TryGetValue(DiscordRestCall.Key, out var call) ? call : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Discord REST {Route} failed ({Failure}): retry in {BackoffSeconds} s (attempt {Attempt} of {MaxAttempts})")]
        public static partial void Retrying(ILogger logger, string route, string failure, double backoffSeconds, int attempt, int maxAttempts);
    }
}
