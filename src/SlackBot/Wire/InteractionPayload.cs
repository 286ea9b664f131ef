namespace SlackBot.Wire;

/// <summary>The parts of an interaction payload (the JSON in the <c>payload</c> form field) the bot reads.</summary>
public sealed record InteractionPayload(string? Type, IReadOnlyList<InteractionAction>? Actions, string? ResponseUrl);

public sealed record InteractionAction(string? ActionId, string? Value, string? Type);
