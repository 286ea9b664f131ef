using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DiscordBot.Rest;

/// <summary>What one <see cref="DiscordRestClient"/> call carries through the resilience pipeline to every attempt.</summary>
internal sealed class DiscordRestCall(DiscordRoute route)
{
    /// <summary>
    /// The resilience handler may clone the request for each attempt; the clone copies the options by reference,
    /// so every attempt and the retry predicate share this one object.
    /// </summary>
    public static readonly HttpRequestOptionsKey<DiscordRestCall> Key = new("DiscordBot.RestCall");

    public DiscordRoute Route { get; } = route;

    /// <summary>Attempts sent so far, the first included.</summary>
    public int Attempts { get; set; }

    /// <summary>The wait the last attempt's 429 asked for; null when the last attempt was not rate limited.</summary>
    public TimeSpan? RetryAfter { get; set; }
}

/// <summary>
/// Innermost handler of the Discord REST client: every attempt (the retries of the resilience pipeline included) waits
/// here for its per-route bucket or the global limit, and every response teaches the limiter. A 429's own wait is
/// done here, by the limiter, so the retry strategy resends a 429 without a delay of its own.
/// </summary>
internal sealed partial class DiscordRateLimitHandler(DiscordRateLimiter limiter, ILogger<DiscordRestClient> logger) : DelegatingHandler
{
    /// <summary>Each attempt's limit; the HttpClient's own timeout would span every retry and every 429 wait.</summary>
    internal static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(DiscordRestCall.Key, out var call))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        call.Attempts++;
        call.RetryAfter = null;
        await limiter.WaitAsync(call.Route, cancellationToken).ConfigureAwait(false);

        HttpResponseMessage response;
        using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            attempt.CancelAfter(AttemptTimeout);
            try
            {
                response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
                limiter.Update(call.Route, response.Headers);
                if (response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    return response;
                }

                // The body says how long; buffered so the client can still read it if this 429 is the final answer.
                await response.Content.LoadIntoBufferAsync(attempt.Token).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(attempt.Token).ConfigureAwait(false);
                var (retryAfter, global) = ReadRateLimit(response, body);
                limiter.RateLimited(call.Route, retryAfter, global);
                call.RetryAfter = retryAfter;
                Log.RateLimited(logger, call.Route.ToString(), retryAfter.TotalSeconds, global, call.Attempts, DiscordRestClient.MaxAttempts);
                return response;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // A timeout, not the caller giving up: transient for the retry strategy, and the message names no path.
                throw new TimeoutException($"Discord REST {call.Route} took longer than {AttemptTimeout.TotalSeconds} s.", ex);
            }
        }
    }

    /// <summary>
    /// How long a 429 asks us to wait: <c>retry_after</c> from the JSON body (seconds, fractional), else the
    /// <c>Retry-After</c> header, else <c>X-RateLimit-Reset-After</c>; global from the body, <c>X-RateLimit-Global</c> or the scope.
    /// </summary>
    private static (TimeSpan RetryAfter, bool Global) ReadRateLimit(HttpResponseMessage response, byte[] body)
    {
        RateLimitBody? parsed = null;
        try
        {
            parsed = body.Length > 0 ? JsonSerializer.Deserialize(body, RestJsonContext.Default.RateLimitBody) : null;
        }
        catch (JsonException)
        {
            // Cloudflare's 429s are HTML; fall back to the headers.
        }

        var global = parsed?.Global == true
            || string.Equals(Header(response, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(Header(response, "X-RateLimit-Scope"), "global", StringComparison.OrdinalIgnoreCase);

        var seconds = parsed?.RetryAfter
            ?? ParseSeconds(Header(response, "Retry-After"))
            ?? ParseSeconds(Header(response, "X-RateLimit-Reset-After"))
            ?? 1;
        return (DiscordRateLimiter.Seconds(seconds), global);
    }

    private static double? ParseSeconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Discord REST {Route} rate limited: retry after {RetryAfterSeconds} s, global {Global} (attempt {Attempt} of {MaxAttempts})")]
        public static partial void RateLimited(ILogger logger, string route, double retryAfterSeconds, bool global, int attempt, int maxAttempts);
    }
}
