using StoryEngine;
using StoryFacts;

namespace ChatCommands.Facts;

/// <summary><c>/people</c>: the people the stories name, with their roles.</summary>
public sealed class PeopleCommand(IStoryFactsService facts, IStoryLibrary library) : IChatCommand
{
    public CommandDefinition Definition { get; } = new("people", "People in the stories and their roles", [StoryOption.Definition]);

    public async ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        // Resolving the story option needs the stories loaded.
        await library.WaitUntilReadyOrFailedAsync(cancellationToken);
        var (story, error) = StoryOption.Resolve(library, request);
        if (error is not null)
        {
            return error;
        }

        IReadOnlyList<PersonFact> people = await facts.GetPeopleAsync(cancellationToken);
        if (story is not null)
        {
            people = [.. people.Where(p => p.Sentence.Story == story)];
        }

        if (people.Count == 0)
        {
            return FactReplies.NotFound("People", "I found no people named in the stories.");
        }

        var page = Paging.Slice(people, request.Page, FactReplies.PageSize, out var info);
        return new Reply(
            ReplyKind.Answer,
            "People",
            null,
            [.. page.Select(p => FactReplies.Cite(library, p.Sentence, p.Name, null, p.Name))],
            [.. page.Select(p => new ReplyField(p.Name, p.Roles.Count > 0 ? string.Join("; ", p.Roles) : "no role given"))],
            info);
    }

    public ValueTask<IReadOnlyList<string>> CompleteAsync(string option, string partial, CancellationToken cancellationToken) =>
        ValueTask.FromResult(option == StoryOption.Name ? StoryOption.Complete(library, partial) : (IReadOnlyList<string>)[]);
}
