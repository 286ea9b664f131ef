using StoryEngine;
using StoryFacts;

namespace ChatCommands.Facts;

/// <summary><c>/whosaid [speaker] [story]</c>: every statement, or one speaker's, a page at a time.</summary>
public sealed class WhoSaidCommand(IStoryFactsService facts, IStoryLibrary library) : IChatCommand
{
    private const string SpeakerOption = "speaker";

    public CommandDefinition Definition { get; } = new(
        "whosaid",
        "Who said what in the stories (optionally one speaker)",
        [
            new CommandOption(SpeakerOption, "A speaker's name (a surname is enough)", CommandOptionType.String, Required: false, Autocomplete: true),
            StoryOption.Definition,
        ]);

    public async ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        // Resolving the story option needs the stories loaded.
        await library.WaitUntilReadyOrFailedAsync(cancellationToken);
        var (story, error) = StoryOption.Resolve(library, request);
        if (error is not null)
        {
            return error;
        }

        var speaker = request.Option(SpeakerOption)?.Trim();
        IReadOnlyList<Statement> statements = await facts.GetStatementsAsync(speaker, cancellationToken);
        if (story is not null)
        {
            statements = [.. statements.Where(s => s.Sentence.Story == story)];
        }

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

    public ValueTask<IReadOnlyList<string>> CompleteAsync(string option, string partial, CancellationToken cancellationToken) =>
        CompleteAsync(new CommandRequest(Definition.Name, new Dictionary<string, string>()), option, partial, cancellationToken);

    public async ValueTask<IReadOnlyList<string>> CompleteAsync(CommandRequest request, string option, string partial, CancellationToken cancellationToken)
    {
        if (string.Equals(option, StoryOption.Name, StringComparison.OrdinalIgnoreCase))
        {
            return StoryOption.Complete(library, partial);
        }

        if (!string.Equals(option, SpeakerOption, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var names = await facts.CompleteSpeakersAsync(partial, cancellationToken);
        // With a story already chosen, only its speakers: a name from another story would list nothing there.
        if (StoryOption.ResolveQuietly(library, request) is not { } story)
        {
            return names;
        }

        var inStory = (await facts.GetStatementsAsync(null, cancellationToken))
            .Where(s => s.Sentence.Story == story)
            .Select(s => s.Speaker)
            .ToHashSet(StringComparer.Ordinal);
        return [.. names.Where(inStory.Contains)];
    }
}
