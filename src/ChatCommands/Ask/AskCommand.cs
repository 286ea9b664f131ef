using StoryEngine;

namespace ChatCommands.Ask;

/// <summary><c>/ask QUESTION</c>: the best-matching sentences of the stories, a page at a time.</summary>
public sealed class AskCommand(IStoryLibrary library, IQuestionAnswerer answerer) : IChatCommand
{
    public const int PageSize = 3;

    // Enough for a few "more answers" pages; beyond that the matches are rarely useful.
    public const int MaxAnswers = 12;

    public CommandDefinition Definition { get; } = new(
        "ask",
        "Ask a question about the news stories",
        [new CommandOption("question", "Your question, in plain words", CommandOptionType.String, Required: true)]);

    public async ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        // Asked and echoed as plain text: no control characters in the title, full-width letters match.
        var question = QuestionText.Normalize(request.Option("question") ?? string.Empty);
        await library.WaitUntilReadyOrFailedAsync(cancellationToken);

        var result = answerer.Ask(question, MaxAnswers);
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
                "I couldn't find anything in the stories that answers that. Try other words, or /help.",
                [],
                []);
        }

        var page = Paging.Slice(result.Answers, request.Page, PageSize, out var pageInfo);
        var citations = page.Select(a => ToCitation(a, library.TitleOf(a.Sentence.Story))).ToArray();
        return new Reply(ReplyKind.Answer, title, null, citations, [], pageInfo);
    }

    private static Citation ToCitation(Answer answer, string? storyTitle) => new(
        answer.Sentence.Text,
        answer.Sentence.Story,
        answer.Sentence.Paragraph,
        answer.Score,
        [.. answer.Highlights.Select(h => new Highlight(h.Start, h.Length))],
        Answer: answer.ShortAnswerText,
        StoryTitle: storyTitle);
}
