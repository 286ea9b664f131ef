using StoryEngine;
using StoryFacts;

namespace ChatCommands.Facts;

/// <summary><c>/quote PHRASE</c>: who said it, and in which sentence.</summary>
public sealed class QuoteCommand(IStoryFactsService facts, IStoryLibrary library) : IChatCommand
{
    public CommandDefinition Definition { get; } = new(
        "quote",
        "Find who said a phrase",
        [new CommandOption("phrase", "Words from the quote", CommandOptionType.String, Required: true)]);

    public async ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var phrase = request.Option("phrase")?.Trim() ?? string.Empty;
        if (phrase.Length == 0)
        {
            return Reply.Error("Give a few words of the quote, e.g. /quote finish the job.");
        }

        var title = $"Who said “{ReplyText.Shorten(phrase, 150)}”";
        var found = await facts.FindQuoteAsync(phrase, cancellationToken);
        if (found.Count == 0)
        {
            return FactReplies.NotFound(title, "Nobody in the stories said that, as far as I can tell. Try fewer words.");
        }

        var page = Paging.Slice(found, request.Page, FactReplies.PageSize, out var info);
        return new Reply(ReplyKind.Answer, title, $"{found[0].Speaker} said it.", [.. page.Select(s => FactReplies.Cite(library, s))], [], info);
    }
}
