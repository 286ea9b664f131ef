using System.Text.Json.Serialization;

namespace SlackBot.Wire;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(ConnectionsOpenResponse))]
[JsonSerializable(typeof(SocketEnvelope))]
[JsonSerializable(typeof(SocketAcknowledgement))]
[JsonSerializable(typeof(SlashCommandPayload))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
