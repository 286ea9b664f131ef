using Microsoft.Extensions.Options;

namespace SlackBot;

/// <summary>Settings under the <c>Slack</c> configuration section.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>The prefix of an app-level token, the only kind <c>apps.connections.open</c> takes.</summary>
    public const string AppTokenPrefix = "xapp-";

    /// <summary>
    /// Optional, kept for older settings: Slack turns on when <see cref="SigningSecret"/> or <see cref="AppToken"/> is
    /// set, as Discord does with its key. <c>false</c> keeps Slack off even then; <c>true</c> demands one of the two.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>The app's signing secret (Basic Information → App Credentials). Setting it serves
    /// <c>/slack/commands</c> and <c>/slack/interactions</c>. A secret: never logged.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>An app-level token (<c>xapp-…</c>, scope <c>connections:write</c>). Setting it runs Socket Mode: the
    /// bot connects out to Slack over a WebSocket and needs no public URL. A secret: never logged.</summary>
    public string? AppToken { get; set; }

    /// <summary>Slack's Web API, where Socket Mode calls <c>apps.connections.open</c>; an override for tests and proxies.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>The first wait before reconnecting Socket Mode after a failure; it doubles with each failure in a row
    /// (with jitter) up to a minute.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The HTTP endpoints are served: a signing secret is set and Slack is not switched off.</summary>
    public bool ServesHttp => Enabled != false && !string.IsNullOrWhiteSpace(SigningSecret);

    /// <summary>Socket Mode runs: an app token is set and Slack is not switched off.</summary>
    public bool UsesSocketMode => Enabled != false && !string.IsNullOrWhiteSpace(AppToken);

    /// <summary>Slack is on in either mode (or asked to be, by <c>Enabled=true</c>, which validation then checks).</summary>
    public bool IsOn => Enabled == true || ServesHttp || UsesSocketMode;

    /// <summary>A prefix the workspace's slash commands carry, e.g. <c>news-</c> when the app registers <c>/news-ask</c>
    /// because another app already owns <c>/ask</c>. Removed before the command is looked up; empty by default.</summary>
    public string CommandPrefix { get; set; } = string.Empty;

    /// <summary>Largest request body read. Block action payloads carry the whole message they came from, so this is
    /// well above a slash command's few hundred bytes.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How far <c>X-Slack-Request-Timestamp</c> may be from now, either way, before a request counts as replayed.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Answers are posted for the whole channel; when false (the default) only the asker sees them.
    /// Errors and help are always private.</summary>
    public bool AnswersInChannel { get; set; }

    /// <summary>How long a command may run before the request is acknowledged and the answer goes to <c>response_url</c>.
    /// Slack gives up on a slash command after 3 seconds.</summary>
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How many paged results this process keeps in the paging cache (the oldest it wrote forgotten first); with Redis
    /// (<c>Redis:Configuration</c>) each replica bounds what it wrote.
    /// </summary>
    public int PagingCacheSize { get; set; } = 10_000;

    /// <summary>How long paging buttons keep working; Slack's response_url itself expires after 30 minutes.</summary>
    public TimeSpan PagingCacheLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Accept <c>response_url</c>s on loopback hosts (http or https) besides Slack's own https hooks host.
    /// For tests and local tunnels only.</summary>
    public bool AllowLoopbackResponseUrls { get; set; }
}

/// <summary>
/// Start-up validation. Messages name the setting and the expected shape but never echo the value:
/// a mistyped secret in a log is still a leaked secret.
/// </summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Enabled == true && string.IsNullOrWhiteSpace(options.SigningSecret) && string.IsNullOrWhiteSpace(options.AppToken))
        {
            failures.Add("Slack:SigningSecret (HTTP, from Basic Information → App Credentials) or Slack:AppToken (Socket Mode, an xapp- app-level token) is required when Slack:Enabled is true.");
        }
        else if (!string.IsNullOrEmpty(options.SigningSecret) &&
            (options.SigningSecret.Length < 16 || options.SigningSecret.Any(char.IsWhiteSpace)))
        {
            failures.Add("Slack:SigningSecret must be at least 16 characters without whitespace (copy it whole from the app's settings).");
        }

        if (!string.IsNullOrEmpty(options.AppToken) &&
            (!options.AppToken.StartsWith(SlackOptions.AppTokenPrefix, StringComparison.Ordinal) || options.AppToken.Length < 16 || options.AppToken.Any(char.IsWhiteSpace)))
        {
            failures.Add("Slack:AppToken must be an app-level token: xapp- followed by the rest, without whitespace (Basic Information → App-Level Tokens, scope connections:write; not the xoxb- bot token).");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http"))
        {
            failures.Add("Slack:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (options.ReconnectDelay <= TimeSpan.Zero || options.ReconnectDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add("Slack:ReconnectDelay must be above 0 and at most 1 minute.");
        }

        if (options.CommandPrefix.Length > 20 || !options.CommandPrefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
        {
            failures.Add("Slack:CommandPrefix may hold at most 20 lowercase letters, digits, '-' or '_' (Slack's rules for command names).");
        }

        if (options.MaxBodyBytes is < 1024 or > 8 * 1024 * 1024)
        {
            failures.Add("Slack:MaxBodyBytes must be between 1024 and 8388608.");
        }

        if (options.SignatureTolerance <= TimeSpan.Zero || options.SignatureTolerance > TimeSpan.FromHours(1))
        {
            failures.Add("Slack:SignatureTolerance must be above 0 and at most 1 hour (Slack recommends 5 minutes).");
        }

        if (options.DeferAfter <= TimeSpan.Zero || options.DeferAfter >= TimeSpan.FromSeconds(3))
        {
            failures.Add("Slack:DeferAfter must be above 0 and below 3 seconds (Slack's deadline for a slash command's answer).");
        }

        if (options.PagingCacheSize < 1)
        {
            failures.Add("Slack:PagingCacheSize must be at least 1.");
        }

        if (options.PagingCacheLifetime <= TimeSpan.Zero)
        {
            failures.Add("Slack:PagingCacheLifetime must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
