using StoryEngine;
using StoryFacts;

namespace ChatCommands.Facts;

/// <summary><c>/quote PHRASE [story]</c>: who said it, and in which sentence.</summary>
public sealed class QuoteCommand(IStoryFactsService facts, IStoryLibrary library) : IChatCommand
{
    public CommandDefinition Definition { get; } = new(
        "quote",
        "Find who said a phrase",
        [new CommandOption("phrase", "Words from the quote", CommandOptionType.String, Required: true), StoryOption.Definition]);

    public async ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var phrase = request.Option("phrase")?.Trim() ?? string.Empty;
        if (phrase.Length == 0)
        {
            return Reply.Error("Give a few words of the quote, e.g. /quote finish the job.");
        }

        // Resolving the story option needs the stories loaded.
        await library.WaitUntilReadyOrFailedAsync(cancellationToken);
        var (story, error) = StoryOption.Resolve(library, request);
        if (error is not null)
        {
            return error;
        }

        var title = $"Who said “{ReplyText.Shorten(phrase, 150)}”";
        IReadOnlyList<Statement> found = await facts.FindQuoteAsync(phrase, cancellationToken);
        if (story is not null)
        {
            found = [.. found.Where(s => s.Sentence.Story == story)];
        }

        if (found.Count == 0)
        {
            return FactReplies.NotFound(title, "Nobody in the stories said that, as far as I can tell. Try fewer words.");
        }

        var page = Paging.Slice(found, request.Page, FactReplies.PageSize, out var info);
        return new Reply(ReplyKind.Answer, title, $"{found[0].Speaker} said it.", [.. page.Select(s => FactReplies.Cite(library, s))], [], info);
    }

    public ValueTask<IReadOnlyList<string>> CompleteAsync(string option, string partial, CancellationToken cancellationToken) =>
        ValueTask.FromResult(option == StoryOption.Name ? StoryOption.Complete(library, partial) : (IReadOnlyList<string>)[]);
}
