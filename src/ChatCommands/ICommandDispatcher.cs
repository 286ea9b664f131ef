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

    /// <summary>Choices for <paramref name="option"/> of <paramref name="request"/>'s command, which carries the other options' values given so far.</summary>
    ValueTask<IReadOnlyList<string>> CompleteAsync(CommandRequest request, string option, string partial, CancellationToken cancellationToken) =>
        CompleteAsync(request.Name, option, partial, cancellationToken);

    /// <summary>
    /// Completes when the commands can answer (the stories are indexed); faults when they never will, e.g. the
    /// stories folder is missing. Adapters that take input interactively wait for it before their first prompt.
    /// </summary>
    Task WaitUntilReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
