using StoryFacts;

namespace ChatCommands.Facts;

/// <summary><c>/summary</c>: the lead and the most central sentences of each story.</summary>
public sealed class SummaryCommand(IStoryFactsService facts) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("summary", "A short summary of the stories", []);

    public async ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var summary = await facts.GetSummaryAsync(cancellationToken);
        if (summary.Count == 0)
        {
            return FactReplies.NotFound("Summary", "There are no stories to summarise.");
        }

        var page = Paging.Slice(summary, request.Page, FactReplies.PageSize, out var info);
        return new Reply(
            ReplyKind.Answer,
            "Summary",
            null,
            [.. page.Select(s => FactReplies.Cite(s.Sentence, s.IsLead ? "lead" : null, s.Score))],
            [],
            info);
    }
}
