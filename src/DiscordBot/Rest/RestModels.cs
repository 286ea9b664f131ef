using System.Text.Json.Serialization;

namespace DiscordBot.Rest;

/// <summary>GET /gateway/bot: where to connect and how many shards Discord recommends.</summary>
public sealed record GatewayBotInfo(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("shards")] int Shards,
    [property: JsonPropertyName("session_start_limit")] SessionStartLimit SessionStartLimit);

/// <param name="ResetAfter">Milliseconds until <see cref="Remaining"/> refills.</param>
/// <param name="MaxConcurrency">Identify requests allowed per 5 seconds.</param>
public sealed record SessionStartLimit(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("remaining")] int Remaining,
    [property: JsonPropertyName("reset_after")] long ResetAfter,
    [property: JsonPropertyName("max_concurrency")] int MaxConcurrency);

/// <summary>An application command as sent to the bulk-overwrite endpoints (CHAT_INPUT only).</summary>
public sealed record ApplicationCommandDefinition(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("options")] IReadOnlyList<ApplicationCommandOptionDefinition> Options,
    [property: JsonPropertyName("type")] int Type = ApplicationCommandDefinition.ChatInput)
{
    public const int ChatInput = 1;
}

/// <param name="Type">3 STRING, 4 INTEGER.</param>
public sealed record ApplicationCommandOptionDefinition(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("required")] bool Required,
    [property: JsonPropertyName("autocomplete")] bool Autocomplete)
{
    public const int String = 3;
    public const int Integer = 4;
}

/// <summary>What Discord returns for each command after a bulk overwrite (only the fields we report).</summary>
public sealed record RegisteredCommand(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name);

/// <summary>Body of a 429.</summary>
internal sealed record RateLimitBody(
    [property: JsonPropertyName("retry_after")] double? RetryAfter,
    [property: JsonPropertyName("global")] bool? Global);

/// <summary>Discord's JSON error body (<c>code</c> is Discord's own error code, not the HTTP status).</summary>
internal sealed record DiscordErrorBody(
    [property: JsonPropertyName("code")] int? Code,
    [property: JsonPropertyName("message")] string? Message);

[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommandDefinition>))]
[JsonSerializable(typeof(List<RegisteredCommand>))]
[JsonSerializable(typeof(RateLimitBody))]
[JsonSerializable(typeof(DiscordErrorBody))]
internal sealed partial class RestJsonContext : JsonSerializerContext;
