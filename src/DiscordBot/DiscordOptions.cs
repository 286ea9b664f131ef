using System.Globalization;
using DiscordBot.Gateway;
using Microsoft.Extensions.Options;

namespace DiscordBot;

/// <summary>Settings under the <c>Discord</c> configuration section.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The application's Ed25519 public key, 64 hex characters; enables the interactions endpoint.</summary>
    public string? PublicKey { get; set; }

    /// <summary>The application (client) id, a numeric snowflake.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The bot token; used by the gateway and REST. A secret: never logged.</summary>
    public string? Token { get; set; }

    /// <summary>Discord's REST base address (tests point it at a loopback server).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>Gateway shards (a connection each); 0 uses Discord's recommendation from GET /gateway/bot.</summary>
    public int Shards { get; set; } = 1;

    /// <summary>
    /// Which of the <see cref="Shards"/> this process runs, when several processes share them: <c>0-3</c>,
    /// <c>4,5,6,7</c>, <c>0-1,6</c>. Unset: all of them. Needs <see cref="Shards"/> set to the fleet's total, since
    /// every process must agree on it.
    /// </summary>
    public string? ShardIds { get; set; }

    /// <summary>
    /// How many gateway processes share the <see cref="Shards"/>, each running the shards whose id modulo this count is
    /// its <see cref="ProcessIndex"/>: the form for a Kubernetes StatefulSet, whose pods learn their index from their
    /// ordinal. 1 (the default): this process runs them all. Use this or <see cref="ShardIds"/>, not both.
    /// </summary>
    public int ProcessCount { get; set; } = 1;

    /// <summary>This process's index among <see cref="ProcessCount"/>, from 0.</summary>
    public int ProcessIndex { get; set; }

    /// <summary>The shard ids this process runs, ascending: <see cref="ShardIds"/>, or its share of <see cref="ProcessCount"/>; null for all shards (or when unusable).</summary>
    public IReadOnlyList<int>? ShardIdList()
    {
        if (!string.IsNullOrWhiteSpace(ShardIds))
        {
            return ShardRange.TryParse(ShardIds, out var ids) ? ids : null;
        }

        return ProcessCount > 1 && Shards > 0
            ? [.. Enumerable.Range(0, Shards).Where(id => id % ProcessCount == ProcessIndex)]
            : null;
    }

    /// <summary>Gateway address; when unset it comes from GET /gateway/bot (tests point it at a loopback server).</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>Gateway intents; slash commands need none. Privileged intents (members, presences, message content) are refused.</summary>
    public int GatewayIntents { get; set; }

    /// <summary>How long a command may run before the endpoint answers "deferred" (type 5) and finishes through the webhook.
    /// Discord wants an answer within 3 seconds.</summary>
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Largest request body accepted; Discord's interactions are a few KiB.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>How far <c>X-Signature-Timestamp</c> may be from now, either way, before a request counts as replayed.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many paged results this process keeps in the paging cache (the oldest it wrote forgotten first); with Redis
    /// (<c>Redis:Configuration</c>) each replica bounds what it wrote.
    /// </summary>
    public int PagingCacheSize { get; set; } = 10_000;

    /// <summary>How long "next" / "previous" buttons keep working when their request had to be cached server-side.</summary>
    public TimeSpan PagingCacheLifetime { get; set; } = TimeSpan.FromHours(1);

    public bool InteractionsEndpointEnabled => !string.IsNullOrWhiteSpace(PublicKey);
}

/// <summary>
/// Start-up validation. Messages name the setting and the expected shape but never echo the value:
/// a mistyped token in a log is still a leaked token.
/// </summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.PublicKey) && !IsHex(options.PublicKey, 64))
        {
            failures.Add("Discord:PublicKey must be exactly 64 hexadecimal characters (the application's public key from the Developer Portal).");
        }

        if (options.InteractionsEndpointEnabled && string.IsNullOrEmpty(options.ApplicationId))
        {
            failures.Add("Discord:ApplicationId is required when Discord:PublicKey is set.");
        }

        if (!string.IsNullOrEmpty(options.ApplicationId) && !IsSnowflake(options.ApplicationId))
        {
            failures.Add("Discord:ApplicationId must be the numeric application id (digits only).");
        }

        if (!string.IsNullOrEmpty(options.Token) && !IsTokenShaped(options.Token))
        {
            failures.Add("Discord:Token does not look like a bot token (three dot-separated base64url parts, without a 'Bot ' prefix).");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http"))
        {
            failures.Add("Discord:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (options.Shards is < 0 or > 4096)
        {
            failures.Add("Discord:Shards must be between 0 (Discord's recommendation) and 4096.");
        }

        if (!string.IsNullOrWhiteSpace(options.ShardIds))
        {
            if (!ShardRange.TryParse(options.ShardIds, out var ids))
            {
                failures.Add("Discord:ShardIds takes shard numbers and ranges separated by commas, such as 0-3 or 4,5,6,7.");
            }
            else if (options.Shards < 1)
            {
                failures.Add("Discord:ShardIds needs Discord:Shards set to the total number of shards across all processes (not 0).");
            }
            else if (ids[^1] >= options.Shards)
            {
                failures.Add("Discord:ShardIds must name shards below Discord:Shards (shards count from 0).");
            }
        }

        if (options.ProcessCount is < 1 or > 4096 || options.ProcessIndex < 0 || options.ProcessIndex >= options.ProcessCount)
        {
            failures.Add("Discord:ProcessIndex must be from 0 to Discord:ProcessCount - 1, and Discord:ProcessCount from 1 to 4096.");
        }
        else if (options.ProcessCount > 1 && !string.IsNullOrWhiteSpace(options.ShardIds))
        {
            failures.Add("Discord:ShardIds and Discord:ProcessCount both choose this process's shards: set one of them.");
        }
        else if (options.ProcessCount > 1 && options.Shards < options.ProcessCount)
        {
            failures.Add("Discord:ProcessCount needs Discord:Shards set to the fleet's total, at least one shard per process.");
        }

        if (options.GatewayUrl is { } gateway && (!gateway.IsAbsoluteUri || gateway.Scheme is not ("wss" or "ws")))
        {
            failures.Add("Discord:GatewayUrl must be an absolute ws(s) URL, or unset to ask Discord.");
        }

        // GUILD_MEMBERS (1 << 1), GUILD_PRESENCES (1 << 8), MESSAGE_CONTENT (1 << 15) need approval and the bot has no use for them.
        if (options.GatewayIntents < 0 || (options.GatewayIntents & ((1 << 1) | (1 << 8) | (1 << 15))) != 0)
        {
            failures.Add("Discord:GatewayIntents must not include privileged intents (GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT); 0 or 1 (GUILDS) is enough.");
        }

        if (options.DeferAfter <= TimeSpan.Zero || options.DeferAfter >= TimeSpan.FromSeconds(3))
        {
            failures.Add("Discord:DeferAfter must be above 0 and below 3 seconds (Discord's deadline for the first answer).");
        }

        if (options.MaxRequestBytes is < 1024 or > 8 * 1024 * 1024)
        {
            failures.Add("Discord:MaxRequestBytes must be between 1024 and 8388608.");
        }

        if (options.SignatureTolerance <= TimeSpan.Zero)
        {
            failures.Add("Discord:SignatureTolerance must be positive.");
        }

        if (options.PagingCacheSize < 1)
        {
            failures.Add("Discord:PagingCacheSize must be at least 1.");
        }

        if (options.PagingCacheLifetime <= TimeSpan.Zero)
        {
            failures.Add("Discord:PagingCacheLifetime must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHex(string value, int length) =>
        value.Length == length && value.All(char.IsAsciiHexDigit);

    // Snowflakes are unsigned 64-bit integers.
    private static bool IsSnowflake(string value) =>
        value.Length is > 0 and <= 20 && value.All(char.IsAsciiDigit) &&
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static bool IsTokenShaped(string token)
    {
        var parts = token.Split('.');
        return parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }
}
