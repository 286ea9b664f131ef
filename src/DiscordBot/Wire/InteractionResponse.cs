using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiscordBot.Wire;

public enum InteractionResponseType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
    Modal = 9,
}

/// <summary>Message flags the bot uses.</summary>
public static class MessageFlags
{
    /// <summary>Only the invoking user sees the message.</summary>
    public const int Ephemeral = 1 << 6;
}

/// <summary>The body of an interaction response (HTTP reply to Discord, or POST /interactions/{id}/{token}/callback).</summary>
public sealed record InteractionResponse(
    [property: JsonPropertyName("type")] InteractionResponseType Type,
    [property: JsonPropertyName("data")] InteractionCallbackData? Data = null)
{
    public static InteractionResponse Pong { get; } = new(InteractionResponseType.Pong);
}

/// <summary>
/// Message content of a response, and also the body of "edit original interaction response"
/// (PATCH /webhooks/{application_id}/{token}/messages/@original), which takes the same fields.
/// <see cref="Choices"/> is only for autocomplete results.
/// </summary>
public sealed record InteractionCallbackData(
    [property: JsonPropertyName("content")] string? Content = null,
    [property: JsonPropertyName("embeds")] IReadOnlyList<Embed>? Embeds = null,
    [property: JsonPropertyName("allowed_mentions")] AllowedMentions? AllowedMentions = null,
    [property: JsonPropertyName("flags")] int? Flags = null,
    [property: JsonPropertyName("components")] IReadOnlyList<MessageComponent>? Components = null,
    [property: JsonPropertyName("choices")] IReadOnlyList<ApplicationCommandOptionChoice>? Choices = null);

/// <summary>Which mentions may ping. The bot always sends <c>{"parse": []}</c>: nothing pings.</summary>
public sealed record AllowedMentions(
    [property: JsonPropertyName("parse")] IReadOnlyList<string> Parse,
    [property: JsonPropertyName("users")] IReadOnlyList<string>? Users = null,
    [property: JsonPropertyName("roles")] IReadOnlyList<string>? Roles = null,
    [property: JsonPropertyName("replied_user")] bool? RepliedUser = null)
{
    public static AllowedMentions None { get; } = new([]);
}

/// <param name="Value">A string, integer or number matching the option's type.</param>
public sealed record ApplicationCommandOptionChoice(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] JsonElement Value);
