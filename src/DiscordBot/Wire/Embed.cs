using System.Text.Json.Serialization;

namespace DiscordBot.Wire;

public sealed record Embed(
    [property: JsonPropertyName("title")] string? Title = null,
    [property: JsonPropertyName("description")] string? Description = null,
    [property: JsonPropertyName("fields")] IReadOnlyList<EmbedField>? Fields = null,
    [property: JsonPropertyName("footer")] EmbedFooter? Footer = null,
    [property: JsonPropertyName("color")] int? Color = null,
    [property: JsonPropertyName("url")] string? Url = null);

public sealed record EmbedField(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("inline")] bool? Inline = null);

public sealed record EmbedFooter(
    [property: JsonPropertyName("text")] string Text);
