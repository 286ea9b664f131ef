using System.Text.Json;

namespace SlackBot.Wire;

/// <summary>The answer of <c>apps.connections.open</c>: the WebSocket URL (it carries a one-time ticket: never logged) or an error code.</summary>
public sealed record ConnectionsOpenResponse(bool Ok, string? Url, string? Error);

/// <summary>
/// One Socket Mode message from Slack. <c>hello</c> and <c>disconnect</c> carry no envelope id; <c>slash_commands</c>,
/// <c>interactive</c> and <c>events_api</c> carry an <see cref="EnvelopeId"/> to acknowledge and a <see cref="Payload"/>.
/// </summary>
public sealed record SocketEnvelope(string? Type, string? EnvelopeId, JsonElement? Payload, bool? AcceptsResponsePayload, string? Reason);

/// <summary>The acknowledgement of an envelope; for a slash command it may carry the answer itself.</summary>
public sealed record SocketAcknowledgement(string EnvelopeId, SlackMessage? Payload = null);

/// <summary>The fields of a slash command the bot reads: the same as the HTTP form's, as a JSON object.</summary>
public sealed record SlashCommandPayload(string? Command, string? Text, string? ResponseUrl);
