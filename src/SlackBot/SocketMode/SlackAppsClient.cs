using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SlackBot.Wire;

namespace SlackBot.SocketMode;

/// <summary>Why <c>apps.connections.open</c> gave no URL. <see cref="Fatal"/>: the token itself was refused, so retrying cannot help.</summary>
public sealed class SlackConnectException(string message, bool fatal, TimeSpan? retryAfter = null) : Exception(message)
{
    public bool Fatal { get; } = fatal;

    /// <summary>Slack's Retry-After on a 429, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>
/// Calls <c>POST {Slack:ApiBaseUrl}apps.connections.open</c> with the app-level token for a fresh Socket Mode URL.
/// The token goes only into the Authorization header; neither it nor the URL's ticket is logged or put in an exception.
/// </summary>
public sealed class SlackAppsClient
{
    // Errors that mean the token is wrong, revoked or of the wrong kind (Slack's documented codes for this method).
    private static readonly HashSet<string> TokenErrors = new(StringComparer.Ordinal)
    {
        "not_authed", "invalid_auth", "account_inactive", "token_revoked", "token_expired", "no_permission",
        "not_allowed_token_type", "missing_scope", "invalid_token", "org_login_required", "ekm_access_denied",
    };

    private readonly HttpClient _http;
    private readonly SlackOptions _options;

    public SlackAppsClient(HttpClient http, IOptions<SlackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
    }

    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var token = _options.AppToken ?? throw new SlackConnectException("Slack:AppToken is not set.", fatal: true);
        var baseUrl = _options.ApiBaseUrl.AbsoluteUri.EndsWith('/') ? _options.ApiBaseUrl : new Uri(_options.ApiBaseUrl.AbsoluteUri + "/");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "apps.connections.open"))
        {
            Content = new ByteArrayContent([]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new SlackConnectException("apps.connections.open is rate limited.", fatal: false, response.Headers.RetryAfter?.Delta);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SlackConnectException($"apps.connections.open answered HTTP {(int)response.StatusCode}.", fatal: false);
        }

        ConnectionsOpenResponse? answer;
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            answer = JsonSerializer.Deserialize(body, SlackJsonContext.Default.ConnectionsOpenResponse);
        }
        catch (JsonException)
        {
            throw new SlackConnectException("apps.connections.open answered something that is not JSON.", fatal: false);
        }

        if (answer is not { Ok: true })
        {
            // Slack's error codes are short fixed words; anything else is not repeated.
            var error = answer?.Error is { Length: > 0 and <= 40 } code && code.All(c => char.IsAsciiLetterLower(c) || c == '_') ? code : "unknown_error";
            throw TokenErrors.Contains(error)
                ? new SlackConnectException($"Slack refused Slack:AppToken ({error}); create an app-level token with the connections:write scope.", fatal: true)
                : new SlackConnectException($"apps.connections.open failed ({error}).", fatal: false);
        }

        return AcceptSocketUrl(answer.Url)
            ?? throw new SlackConnectException("apps.connections.open answered without a usable wss:// URL.", fatal: false);
    }

    /// <summary>A <c>wss://</c> URL, or a <c>ws://</c> one on loopback (tests): the ticket is never sent in the clear over a network.</summary>
    internal static Uri? AcceptSocketUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == "wss" || (uri.Scheme == "ws" && uri.IsLoopback)) ? uri : null;
}
