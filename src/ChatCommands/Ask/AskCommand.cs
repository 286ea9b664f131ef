using ChatCommands.Facts;
using StoryEngine;

namespace ChatCommands.Ask;

/// <summary><c>/ask QUESTION [story]</c>: the best-matching sentences of the stories (or of one story), a page at a time.</summary>
public sealed class AskCommand(IStoryLibrary library, IQuestionAnswerer answerer) : IChatCommand
{
    public const int PageSize = 3;

    // Enough for a few "more answers" pages; beyond that the matches are rarely useful.
    public const int MaxAnswers = 12;

    public CommandDefinition Definition { get; } = new(
        "ask",
        "Ask a question about the news stories",
        [new CommandOption("question", "Your question, in plain words", CommandOptionType.String, Required: true), StoryOption.Definition]);

    public async ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        // Asked and echoed as plain text: no control characters in the title, full-width letters match.
        var question = QuestionText.Normalize(request.Option("question") ?? string.Empty);
        await library.WaitUntilReadyOrFailedAsync(cancellationToken);
        var (story, error) = StoryOption.Resolve(library, request);
        if (error is not null)
        {
            return error;
        }

        // The engine ranks only the chosen story's sentences: filtering the library's best afterwards would lose
        // the story's own answers whenever another story matches the question better.
        var result = answerer.Ask(question, MaxAnswers, story);
        if (result.Rejection is { } rejection)
        {
            return Reply.Error(rejection);
        }

        var title = ReplyText.Shorten(question, 200);
        if (result.Abstained || result.Answers.Count == 0)
        {
            return new Reply(
                ReplyKind.NotFound,
                title,
                story is null
                    ? "I couldn't find anything in the stories that answers that. Try other words, or /help."
                    : $"I couldn't find anything in {StoryName(story)} that answers that. Try other words, or ask without a story.",
                [],
                []);
        }

        var page = Paging.Slice(result.Answers, request.Page, PageSize, out var pageInfo);
        var citations = page.Select(a => ToCitation(a, library.TitleOf(a.Sentence.Story))).ToArray();
        return new Reply(ReplyKind.Answer, title, null, citations, [], pageInfo);
    }

    public ValueTask<IReadOnlyList<string>> CompleteAsync(string option, string partial, CancellationToken cancellationToken) =>
        ValueTask.FromResult(option == StoryOption.Name ? StoryOption.Complete(library, partial) : (IReadOnlyList<string>)[]);

    private string StoryName(string story) => $"“{ReplyText.Shorten(library.TitleOf(story) ?? story, 80)}”";

    private static Citation ToCitation(Answer answer, string? storyTitle) => new(
        answer.Sentence.Text,
        answer.Sentence.Story,
        answer.Sentence.Paragraph,
        answer.Score,
        [.. answer.Highlights.Select(h => new Highlight(h.Start, h.Length))],
        Answer: answer.ShortAnswerText,
        StoryTitle: storyTitle);
}
