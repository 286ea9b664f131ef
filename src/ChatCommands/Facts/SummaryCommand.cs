using StoryEngine;
using StoryFacts;

namespace ChatCommands.Facts;

/// <summary><c>/summary</c>: the lead and the most central sentences of each story.</summary>
public sealed class SummaryCommand(IStoryFactsService facts, IStoryLibrary library) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("summary", "A short summary of the stories", [StoryOption.Definition]);

    public async ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        // Resolving the story option needs the stories loaded.
        await library.WaitUntilReadyOrFailedAsync(cancellationToken);
        var (story, error) = StoryOption.Resolve(library, request);
        if (error is not null)
        {
            return error;
        }

        IReadOnlyList<SummarySentence> summary = await facts.GetSummaryAsync(cancellationToken);
        if (story is not null)
        {
            summary = [.. summary.Where(s => s.Sentence.Story == story)];
        }

        if (summary.Count == 0)
        {
            return FactReplies.NotFound("Summary", "There are no stories to summarise.");
        }

        var page = Paging.Slice(summary, request.Page, FactReplies.PageSize, out var info);
        return new Reply(
            ReplyKind.Answer,
            "Summary",
            null,
            [.. page.Select(s => FactReplies.Cite(library, s.Sentence, s.IsLead ? "lead" : null, s.Score))],
            [],
            info);
    }

    public ValueTask<IReadOnlyList<string>> CompleteAsync(string option, string partial, CancellationToken cancellationToken) =>
        ValueTask.FromResult(option == StoryOption.Name ? StoryOption.Complete(library, partial) : (IReadOnlyList<string>)[]);
}
