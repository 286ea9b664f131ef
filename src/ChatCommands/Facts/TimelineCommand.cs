using StoryFacts;

namespace ChatCommands.Facts;

/// <summary><c>/timeline</c>: dated events in the order of their dates.</summary>
public sealed class TimelineCommand(IStoryFactsService facts) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("timeline", "Events of the stories in date order", []);

    public async ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var timeline = await facts.GetTimelineAsync(cancellationToken);
        if (timeline.Count == 0)
        {
            return FactReplies.NotFound("Timeline", "The stories give no dates to order events by.");
        }

        var page = Paging.Slice(timeline, request.Page, FactReplies.PageSize, out var info);
        return new Reply(
            ReplyKind.Answer,
            "Timeline",
            null,
            [.. page.Select(t => FactReplies.Cite(t.Sentence, t.When))],
            [.. page.Select(t => new ReplyField(t.When, ReplyText.Shorten(t.Sentence.Text, 200)))],
            info);
    }
}
