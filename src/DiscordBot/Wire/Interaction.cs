using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiscordBot.Wire;

// Discord's interaction object as received over HTTP (the interactions endpoint) or in the gateway's
// INTERACTION_CREATE dispatch. Only the fields the bot reads are modelled; unknown fields are ignored.
// Snowflakes stay strings: they exceed JavaScript's safe integer range and Discord sends them quoted.

public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

public enum ApplicationCommandType
{
    ChatInput = 1,
    User = 2,
    Message = 3,
}

public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}

public sealed record Interaction(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("application_id")] string ApplicationId,
    [property: JsonPropertyName("type")] InteractionType Type,
    [property: JsonPropertyName("data")] InteractionData? Data = null,
    [property: JsonPropertyName("guild_id")] string? GuildId = null,
    [property: JsonPropertyName("channel_id")] string? ChannelId = null,
    [property: JsonPropertyName("member")] GuildMember? Member = null,
    [property: JsonPropertyName("user")] DiscordUser? User = null,
    [property: JsonPropertyName("token")] string Token = "",
    [property: JsonPropertyName("version")] int Version = 1,
    [property: JsonPropertyName("locale")] string? Locale = null,
    [property: JsonPropertyName("guild_locale")] string? GuildLocale = null)
{
    /// <summary>The invoking user: <c>member.user</c> in guilds, <c>user</c> in DMs.</summary>
    [JsonIgnore]
    public DiscordUser? Invoker => Member?.User ?? User;
}

/// <summary>
/// The <c>data</c> of an interaction. Application commands fill id/name/type/options; message components
/// fill custom_id/component_type (and values for select menus).
/// </summary>
public sealed record InteractionData(
    [property: JsonPropertyName("id")] string? Id = null,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("type")] ApplicationCommandType? Type = null,
    [property: JsonPropertyName("options")] IReadOnlyList<InteractionDataOption>? Options = null,
    [property: JsonPropertyName("guild_id")] string? GuildId = null,
    [property: JsonPropertyName("target_id")] string? TargetId = null,
    [property: JsonPropertyName("custom_id")] string? CustomId = null,
    [property: JsonPropertyName("component_type")] ComponentType? ComponentType = null,
    [property: JsonPropertyName("values")] IReadOnlyList<string>? Values = null);

/// <param name="Value">String, integer, number or boolean depending on <paramref name="Type"/>; absent for sub-commands.</param>
/// <param name="Focused">True on the option the user is typing in (autocomplete only).</param>
/// <param name="Options">Nested options of a sub-command or sub-command group.</param>
public sealed record InteractionDataOption(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] ApplicationCommandOptionType Type,
    [property: JsonPropertyName("value")] JsonElement? Value = null,
    [property: JsonPropertyName("focused")] bool? Focused = null,
    [property: JsonPropertyName("options")] IReadOnlyList<InteractionDataOption>? Options = null);

public sealed record DiscordUser(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("username")] string? Username = null,
    [property: JsonPropertyName("global_name")] string? GlobalName = null,
    [property: JsonPropertyName("bot")] bool? Bot = null);

public sealed record GuildMember(
    [property: JsonPropertyName("user")] DiscordUser? User = null,
    [property: JsonPropertyName("nick")] string? Nick = null);
