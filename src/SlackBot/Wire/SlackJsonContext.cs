using System.Text.Json.Serialization;

namespace SlackBot.Wire;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(InteractionPayload))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
