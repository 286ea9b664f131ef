using ChatCommands;

namespace DiscordBot.Tests.Support;

// The commands every adapter test uses live in tests/Shared (ChatAdapters.Testing); these two exercise Discord-only
// features (autocomplete caps, typed options).

/// <summary>Suggests more, longer and repeated choices than Discord allows, so the adapter's caps show.</summary>
public sealed class StoryPickerCommand : IChatCommand
{
    public CommandDefinition Definition { get; } = new(
        "story",
        "Picks a story",
        [
            new CommandOption("name", "Story name", CommandOptionType.String, Required: true, Autocomplete: true),
            new CommandOption("paragraph", "Paragraph", CommandOptionType.Integer, Required: false, Autocomplete: true),
        ]);

    public ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Reply.Info("Story", request.Option("name") ?? "(none)"));

    public ValueTask<IReadOnlyList<string>> CompleteAsync(string option, string partial, CancellationToken cancellationToken) =>
        CompleteAsync(new CommandRequest(Definition.Name, new Dictionary<string, string>()), option, partial, cancellationToken);

    /// <remarks>Names the paragraph already given in its first choice, to show the other options reach completion.</remarks>
    public ValueTask<IReadOnlyList<string>> CompleteAsync(CommandRequest request, string option, string partial, CancellationToken cancellationToken)
    {
        if (option == "paragraph")
        {
            return ValueTask.FromResult<IReadOnlyList<string>>(["1", "two", "3"]);
        }

        var first = request.Option("paragraph") is { } paragraph ? $"{partial} first in paragraph {paragraph}" : partial + " first";
        var names = new List<string> { first, first };
        names.AddRange(Enumerable.Range(0, 40).Select(i => $"{partial} story {i} " + new string('x', i * 5)));
        return ValueTask.FromResult<IReadOnlyList<string>>(names);
    }
}

/// <summary>Shows the options it received, to check how Discord's typed options reach the command layer.</summary>
public sealed class EchoOptionsCommand : IChatCommand
{
    public CommandDefinition Definition { get; } = new("echo", "Echoes options", []);

    public ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Reply.Info(
            "Options",
            $"page {request.Page}",
            [.. request.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => new ReplyField(o.Key, o.Value))]));
}
