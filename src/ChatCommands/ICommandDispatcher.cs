namespace ChatCommands;

/// <summary>
/// The one seam every chat adapter (terminal, Discord, Slack) talks to. It knows the commands,
/// runs them, turns failures into error replies, and never throws for user input.
/// </summary>
public interface ICommandDispatcher
{
    IReadOnlyList<CommandDefinition> Commands { get; }

    ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<string>> CompleteAsync(string command, string option, string partial, CancellationToken cancellationToken);
}
