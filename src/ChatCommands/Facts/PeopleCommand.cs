using StoryFacts;

namespace ChatCommands.Facts;

/// <summary><c>/people</c>: the people the stories name, with their roles.</summary>
public sealed class PeopleCommand(IStoryFactsService facts) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("people", "People in the stories and their roles", []);

    public async ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var people = await facts.GetPeopleAsync(cancellationToken);
        if (people.Count == 0)
        {
            return FactReplies.NotFound("People", "I found no people named in the stories.");
        }

        var page = Paging.Slice(people, request.Page, FactReplies.PageSize, out var info);
        return new Reply(
            ReplyKind.Answer,
            "People",
            null,
            [.. page.Select(p => FactReplies.Cite(p.Sentence, p.Name, null, p.Name))],
            [.. page.Select(p => new ReplyField(p.Name, p.Roles.Count > 0 ? string.Join("; ", p.Roles) : "no role given"))],
            info);
    }
}
