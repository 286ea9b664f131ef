using StoryEngine;
using StoryFacts;

namespace ChatCommands.Facts;

/// <summary>Shapes facts into replies the same way for every facts command.</summary>
internal static class FactReplies
{
    public const int PageSize = 5;

    public static Citation Cite(IStoryLibrary library, Sentence sentence, string? label = null, double? confidence = null, params ReadOnlySpan<string?> highlight)
    {
        IReadOnlyList<Highlight> highlights = [];
        foreach (var candidate in highlight)
        {
            // The first candidate found in the sentence wins: callers pass the whole phrase before a shorter fallback.
            var at = string.IsNullOrEmpty(candidate) ? -1 : sentence.Text.IndexOf(candidate, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                highlights = [new Highlight(at, candidate!.Length)];
                break;
            }
        }

        return new Citation(sentence.Text, sentence.Story, sentence.Paragraph, confidence, highlights, label, StoryTitle: library.TitleOf(sentence.Story));
    }

    /// <summary>The statement's words in bold within its sentence: all of them when the sentence holds them all,
    /// else a quote's opening words (a quote can run on past the cited sentence).</summary>
    public static Citation Cite(IStoryLibrary library, Statement statement) =>
        Cite(library, statement.Sentence, statement.Speaker, null, statement.Text, statement.Kind == StatementKind.Direct ? FirstWords(statement.Text) : null);

    public static ReplyField Field(Statement s) =>
        new(s.Speaker, ReplyText.Shorten((s.Kind == StatementKind.Direct ? $"“{s.Text}”" : s.Text) + $" ({s.Verb}, ¶{s.Paragraph})", 300));

    public static Reply NotFound(string title, string text) => new(ReplyKind.NotFound, title, text, [], []);

    // Quotes can span sentences; highlight the opening words that sit in the cited sentence.
    private static string FirstWords(string text) => string.Join(' ', text.Split(' ').Take(6));
}
