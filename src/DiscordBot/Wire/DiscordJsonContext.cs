using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiscordBot.Wire;

/// <summary>
/// The one source-generated serializer context for Discord's wire models (shared by the interactions
/// endpoint, the gateway and REST). Nulls are not written: Discord treats absent and null differently
/// for some fields (e.g. <c>flags</c>), and absent is always what we mean.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = false)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(InteractionCallbackData))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;
