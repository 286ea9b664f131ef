using StoryEngine;
using StoryFacts;

namespace ChatCommands.Facts;

/// <summary><c>/whosaid [speaker]</c>: every statement, or one speaker's, a page at a time.</summary>
public sealed class WhoSaidCommand(IStoryFactsService facts, IStoryLibrary library) : IChatCommand
{
    public CommandDefinition Definition { get; } = new(
        "whosaid",
        "Who said what in the stories (optionally one speaker)",
        [new CommandOption("speaker", "A speaker's name (a surname is enough)", CommandOptionType.String, Required: false, Autocomplete: true)]);

    public async ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var speaker = request.Option("speaker")?.Trim();
        var statements = await facts.GetStatementsAsync(speaker, cancellationToken);
        var title = string.IsNullOrEmpty(speaker) ? "Who said what" : $"What {ReplyText.Shorten(speaker, 80)} said";
        if (statements.Count == 0)
        {
            return FactReplies.NotFound(title, string.IsNullOrEmpty(speaker)
                ? "I found no statements in the stories."
                : "I found no statements by that speaker. Try a surname, or /whosaid with no name to list everyone.");
        }

        var page = Paging.Slice(statements, request.Page, FactReplies.PageSize, out var info);
        return new Reply(ReplyKind.Answer, title, null, [.. page.Select(s => FactReplies.Cite(library, s))], [], info);
    }

    public async ValueTask<IReadOnlyList<string>> CompleteAsync(string option, string partial, CancellationToken cancellationToken) =>
        string.Equals(option, "speaker", StringComparison.OrdinalIgnoreCase)
            ? await facts.CompleteSpeakersAsync(partial, cancellationToken)
            : [];
}
