using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiscordBot.Gateway;

/// <summary>Gateway opcodes this client sends or understands (Discord API v10).</summary>
internal static class GatewayOpcode
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;
}

/// <summary>Any payload received from the gateway; <c>d</c> stays a <see cref="JsonElement"/> until its opcode/event says what it is.</summary>
internal sealed record GatewayPayload(
    [property: JsonPropertyName("op")] int Op,
    [property: JsonPropertyName("d")] JsonElement D,
    [property: JsonPropertyName("s")] long? S,
    [property: JsonPropertyName("t")] string? T);

internal sealed record HelloData(int HeartbeatInterval);

internal sealed record ReadyData(string SessionId, string ResumeGatewayUrl);

internal sealed record IdentifyCommand(int Op, IdentifyData D);

internal sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties, int[] Shard)
{
    public override string ToString() => "IdentifyData { (token redacted) }";
}

internal sealed record IdentifyProperties(string Os, string Browser, string Device);

internal sealed record ResumeCommand(int Op, ResumeData D);

internal sealed record ResumeData(string Token, string SessionId, long? Seq)
{
    public override string ToString() => "ResumeData { (token redacted) }";
}

/// <summary>Heartbeat: <c>d</c> is the last sequence number received, or null before any dispatch.</summary>
internal sealed record HeartbeatCommand(int Op, long? D);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(ReadyData))]
[JsonSerializable(typeof(IdentifyCommand))]
[JsonSerializable(typeof(ResumeCommand))]
[JsonSerializable(typeof(HeartbeatCommand))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
