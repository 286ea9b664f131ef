using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DiscordBot.Interactions;
using DiscordBot.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordBot.Rest;

/// <summary>
/// Discord's REST API over one shared <see cref="HttpClient"/> (named client <see cref="HttpClientName"/>),
/// with the rate limits respected: known-exhausted buckets are waited out (<see cref="DiscordRateLimitHandler"/>), and
/// 429s and Discord's transient server errors are resent a bounded number of times by the client's resilience handler
/// (<see cref="DiscordRestResilience"/>), the only retry layer. Logs show route templates only; the bot token and
/// interaction tokens never reach a log.
/// </summary>
public sealed partial class DiscordRestClient : IDiscordInteractionCallbacks
{
    public const string HttpClientName = "DiscordRest";

    /// <summary>Requests per call in all, the first included; a 429 or 5xx beyond that surfaces as <see cref="DiscordRestException"/>.</summary>
    internal const int MaxAttempts = 4;

    /// <summary>First wait after a transient server error; it doubles with each further attempt (0.5 s, 1 s, 2 s).</summary>
    internal static readonly TimeSpan ServerErrorBackoff = TimeSpan.FromMilliseconds(500);

    /// <summary>A 429 asking for longer than this is not waited out inside a call (it would outlive any interaction).</summary>
    internal static readonly TimeSpan MaxRetryWait = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly AuthenticationHeaderValue? _botAuthorization;

    public DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options, ILogger<DiscordRestClient> logger)
    {
        _http = http;
        _logger = logger;
        var token = options.Value.Token;
        _botAuthorization = string.IsNullOrWhiteSpace(token) ? null : new AuthenticationHeaderValue("Bot", token);
        _http.BaseAddress ??= WithTrailingSlash(options.Value.ApiBaseUrl);
    }

    /// <summary>GET /gateway/bot.</summary>
    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        var body = await SendAsync(DiscordRoute.GetGatewayBot(), null, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(body, RestJsonContext.Default.GatewayBotInfo)
            ?? throw new JsonException("GET /gateway/bot returned null.");
    }

    /// <summary>POST /interactions/{id}/{token}/callback: the first answer to an interaction received over the gateway.</summary>
    public Task CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken) =>
        SendJsonAsync(DiscordRoute.CreateInteractionResponse(interactionId, interactionToken), response, DiscordJsonContext.Default.InteractionResponse, cancellationToken);

    /// <summary>PATCH /webhooks/{application_id}/{token}/messages/@original: finishes a deferred reply.</summary>
    public Task EditOriginalResponseAsync(string applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken) =>
        SendJsonAsync(DiscordRoute.EditOriginalResponse(applicationId, interactionToken), message, DiscordJsonContext.Default.InteractionCallbackData, cancellationToken);

    /// <summary>DELETE /webhooks/{application_id}/{token}/messages/@original: removes a deferred command's "thinking" message.</summary>
    public async Task DeleteOriginalResponseAsync(string applicationId, string interactionToken, CancellationToken cancellationToken) =>
        await SendAsync(DiscordRoute.DeleteOriginalResponse(applicationId, interactionToken), null, cancellationToken).ConfigureAwait(false);

    /// <summary>POST /webhooks/{application_id}/{token}: a further message after the first answer.</summary>
    public Task CreateFollowupMessageAsync(string applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken) =>
        SendJsonAsync(DiscordRoute.CreateFollowupMessage(applicationId, interactionToken), message, DiscordJsonContext.Default.InteractionCallbackData, cancellationToken);

    /// <summary>
    /// PUT /applications/{id}/commands, or /applications/{id}/guilds/{guild}/commands when <paramref name="guildId"/> is set:
    /// replaces the whole command set.
    /// </summary>
    public async Task<IReadOnlyList<RegisteredCommand>> BulkOverwriteCommandsAsync(
        string applicationId,
        string? guildId,
        IReadOnlyList<ApplicationCommandDefinition> commands,
        CancellationToken cancellationToken)
    {
        var route = guildId is null
            ? DiscordRoute.BulkOverwriteGlobalCommands(applicationId)
            : DiscordRoute.BulkOverwriteGuildCommands(applicationId, guildId);
        var json = JsonSerializer.SerializeToUtf8Bytes(commands, RestJsonContext.Default.IReadOnlyListApplicationCommandDefinition);
        var body = await SendAsync(route, json, cancellationToken).ConfigureAwait(false);
        return body.Length == 0 ? [] : JsonSerializer.Deserialize(body, RestJsonContext.Default.ListRegisteredCommand) ?? [];
    }

    private async Task SendJsonAsync<T>(DiscordRoute route, T payload, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        await SendAsync(route, JsonSerializer.SerializeToUtf8Bytes(payload, typeInfo), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Sends one call; the named client's resilience handler resends 429s (after the rate limiter's wait) and transient
    /// failures, so nothing here loops. Returns the response body, or throws <see cref="DiscordRestException"/>.
    /// </summary>
    internal async Task<byte[]> SendAsync(DiscordRoute route, byte[]? json, CancellationToken cancellationToken)
    {
        if (route.BotAuthorized && _botAuthorization is null)
        {
            throw new InvalidOperationException($"Discord:Token is required for {route}.");
        }

        var call = new DiscordRestCall(route);
        using var request = new HttpRequestMessage(route.Method, route.Path);
        request.Options.Set(DiscordRestCall.Key, call);
        if (route.BotAuthorized)
        {
            request.Headers.Authorization = _botAuthorization;
        }

        if (json is not null)
        {
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = TryReadError(body);
            Log.Failed(_logger, route.ToString(), (int)response.StatusCode, error?.Code, error?.Message, call.Attempts);
            throw new DiscordRestException(route, response.StatusCode, error?.Code, error?.Message);
        }

        Log.Sent(_logger, route.ToString(), (int)response.StatusCode, call.Attempts);
        return body;
    }

    private static DiscordErrorBody? TryReadError(byte[] body)
    {
        try
        {
            return body.Length > 0 ? JsonSerializer.Deserialize(body, RestJsonContext.Default.DiscordErrorBody) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Discord REST {Route} answered {Status} (attempt {Attempt})")]
        public static partial void Sent(ILogger logger, string route, int status, int attempt);

        [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Discord REST {Route} failed with HTTP {Status} (Discord code {Code}: {DiscordMessage}) after {Attempts} attempts")]
        public static partial void Failed(ILogger logger, string route, int status, int? code, string? discordMessage, int attempts);
    }
}
