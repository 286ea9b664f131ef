using StoryEngine;
using StoryFacts;

namespace ChatCommands.Facts;

/// <summary><c>/timeline</c>: dated events in the order of their dates.</summary>
public sealed class TimelineCommand(IStoryFactsService facts, IStoryLibrary library) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("timeline", "Events of the stories in date order", [StoryOption.Definition]);

    public async ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        // Resolving the story option needs the stories loaded.
        await library.WaitUntilReadyOrFailedAsync(cancellationToken);
        var (story, error) = StoryOption.Resolve(library, request);
        if (error is not null)
        {
            return error;
        }

        IReadOnlyList<TimelineEntry> timeline = await facts.GetTimelineAsync(cancellationToken);
        if (story is not null)
        {
            timeline = [.. timeline.Where(t => t.Sentence.Story == story)];
        }

        if (timeline.Count == 0)
        {
            return FactReplies.NotFound("Timeline", "The stories give no dates to order events by.");
        }

        // Each event once: its sentence, led by its date (a field repeating the sentence showed it twice).
        var page = Paging.Slice(timeline, request.Page, FactReplies.PageSize, out var info);
        return new Reply(
            ReplyKind.Answer,
            "Timeline",
            null,
            [.. page.Select(t => FactReplies.Cite(library, t.Sentence, t.When, null, t.When))],
            [],
            info);
    }

    public ValueTask<IReadOnlyList<string>> CompleteAsync(string option, string partial, CancellationToken cancellationToken) =>
        ValueTask.FromResult(option == StoryOption.Name ? StoryOption.Complete(library, partial) : (IReadOnlyList<string>)[]);
}
