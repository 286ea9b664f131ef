namespace ChatCommands;

/// <summary>What a command is called and which options it takes; adapters register and parse from this.</summary>
public sealed record CommandDefinition(string Name, string Description, IReadOnlyList<CommandOption> Options);

/// <param name="Autocomplete">True when the adapter should ask <see cref="IChatCommand.CompleteAsync"/> for choices.</param>
public sealed record CommandOption(string Name, string Description, CommandOptionType Type, bool Required, bool Autocomplete = false);

public enum CommandOptionType
{
    String,
    Integer,
}
