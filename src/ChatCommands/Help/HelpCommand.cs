using Microsoft.Extensions.DependencyInjection;

namespace ChatCommands.Help;

/// <summary><c>/help</c>: lists every command with its options.</summary>
/// <remarks>Takes the service provider because the dispatcher it lists also contains this command.</remarks>
public sealed class HelpCommand(IServiceProvider services) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("help", "List the commands and what they do", []);

    public ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var commands = services.GetRequiredService<ICommandDispatcher>().Commands;
        var fields = commands
            .Select(c => new ReplyField(Usage(c), c.Description))
            .ToArray();
        return ValueTask.FromResult(Reply.Info(
            "Commands",
            "Ask about the news stories. Every answer points at the sentence it came from.",
            fields));
    }

    /// <summary>
    /// "/ask QUESTION [story:…]": the first text option is the rest of a typed line, the others are typed by name
    /// (<see cref="TextCommandParser"/>), which is also how Discord shows a filled option.
    /// </summary>
    public static string Usage(CommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = command.Options.FirstOrDefault(o => o.Type == CommandOptionType.String);
        return string.Join(' ', [$"/{command.Name}", .. command.Options.Select(o => Usage(o, byName: o != text))]);
    }

    private static string Usage(CommandOption option, bool byName) => (option.Required, byName) switch
    {
        (true, false) => option.Name.ToUpperInvariant(),
        (true, true) => $"{option.Name}:…",
        (false, false) => $"[{option.Name}]",
        (false, true) => $"[{option.Name}:…]",
    };
}
