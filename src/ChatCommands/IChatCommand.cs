namespace ChatCommands;

/// <summary>One slash command. Handlers stay thin: parse options, call a service, shape a <see cref="Reply"/>.</summary>
public interface IChatCommand
{
    CommandDefinition Definition { get; }

    ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken);

    /// <summary>Choices for an autocomplete option, best first; adapters cap the count to their platform's limit.</summary>
    ValueTask<IReadOnlyList<string>> CompleteAsync(string option, string partial, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<string>>([]);

    /// <summary>
    /// Choices for an autocomplete option, knowing the values already given for the command's other options
    /// (<paramref name="request"/>; Discord sends them with every keystroke), so one option can narrow another's
    /// choices. Commands whose choices depend on nothing else need only the overload above.
    /// </summary>
    ValueTask<IReadOnlyList<string>> CompleteAsync(CommandRequest request, string option, string partial, CancellationToken cancellationToken) =>
        CompleteAsync(option, partial, cancellationToken);
}
