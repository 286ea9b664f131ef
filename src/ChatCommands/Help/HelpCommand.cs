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

    public static string Usage(CommandDefinition command) =>
        string.Join(' ', [$"/{command.Name}", .. command.Options.Select(o => o.Required ? o.Name.ToUpperInvariant() : $"[{o.Name}]")]);
}
