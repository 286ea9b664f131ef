using StoryEngine;
using StoryFacts;

namespace ChatCommands.Facts;

/// <summary><c>/facts [topic] [story]</c>: people, numbers, dates, places and organisations, optionally about one topic or of one story.</summary>
public sealed class FactsCommand(IStoryFactsService facts, IStoryLibrary library) : IChatCommand
{
    public CommandDefinition Definition { get; } = new(
        "facts",
        "Key facts of the stories (optionally about a topic)",
        [new CommandOption("topic", "A word to filter the facts by", CommandOptionType.String, Required: false), StoryOption.Definition]);

    public async ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        // Resolving the story option needs the stories loaded.
        await library.WaitUntilReadyOrFailedAsync(cancellationToken);
        var (story, error) = StoryOption.Resolve(library, request);
        if (error is not null)
        {
            return error;
        }

        var topic = request.Option("topic")?.Trim();
        // A fact the stories repeat (the same date in two paragraphs) is listed once, where it first appears.
        IReadOnlyList<Fact> list = [.. (await facts.GetFactsAsync(topic, cancellationToken))
            .Where(f => story is null || f.Sentence.Story == story)
            .DistinctBy(f => (f.Kind, f.Text.ToUpperInvariant()))];
        var title = string.IsNullOrEmpty(topic) ? "Key facts" : $"Key facts about {ReplyText.Shorten(topic, 80)}";
        if (list.Count == 0)
        {
            return FactReplies.NotFound(title, "I found no facts about that. Try another word, or /facts alone.");
        }

        var page = Paging.Slice(list, request.Page, FactReplies.PageSize, out var info);
        return new Reply(
            ReplyKind.Answer,
            title,
            null,
            [.. page.Select(f => FactReplies.Cite(library, f.Sentence, Label(f), null, f.Text))],
            [],
            info);
    }

    public ValueTask<IReadOnlyList<string>> CompleteAsync(string option, string partial, CancellationToken cancellationToken) =>
        ValueTask.FromResult(option == StoryOption.Name ? StoryOption.Complete(library, partial) : (IReadOnlyList<string>)[]);

    // Each fact once: its sentence with the fact in bold, led by its kind and what it counts or names.
    private static string Label(Fact fact) => fact.Detail.Length > 0 ? $"{fact.Kind} ({ReplyText.Shorten(fact.Detail, 80)})" : fact.Kind;
}
