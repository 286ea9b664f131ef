using System.Text.Json.Serialization;

namespace DiscordBot.Wire;

public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
}

public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
}

/// <summary>
/// One message component. Discord distinguishes kinds by <c>type</c>; a single flat record keeps the
/// source-generated serializer simple (unused fields are omitted because nulls are not written).
/// </summary>
public sealed record MessageComponent(
    [property: JsonPropertyName("type")] ComponentType Type,
    [property: JsonPropertyName("components")] IReadOnlyList<MessageComponent>? Components = null,
    [property: JsonPropertyName("style")] ButtonStyle? Style = null,
    [property: JsonPropertyName("label")] string? Label = null,
    [property: JsonPropertyName("custom_id")] string? CustomId = null,
    [property: JsonPropertyName("disabled")] bool? Disabled = null,
    [property: JsonPropertyName("url")] string? Url = null)
{
    public static MessageComponent ActionRow(params IReadOnlyList<MessageComponent> components) =>
        new(ComponentType.ActionRow, Components: components);

    public static MessageComponent Button(string customId, string label, ButtonStyle style = ButtonStyle.Secondary, bool disabled = false) =>
        new(ComponentType.Button, Style: style, Label: label, CustomId: customId, Disabled: disabled ? true : null);
}
