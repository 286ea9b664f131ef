using StoryEngine;
using StoryFacts;

namespace ChatCommands.Facts;

/// <summary>Shapes facts into replies the same way for every facts command.</summary>
internal static class FactReplies
{
    public const int PageSize = 5;

    // A quote can run over several sentences; this much of it says what was said.
    private const int MaxQuote = 300;

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

    /// <summary>
    /// A statement shown once, led by its speaker, what was said in bold. A direct quote that is most of its sentence,
    /// or runs on past it, is shown as the quote alone: the sentence around it would only repeat it (and a sentence
    /// holding two statements would be shown whole twice). Otherwise the sentence, with the statement's words in bold
    /// where it holds them: reported speech is the sentence's own wording, never put in quotation marks.
    /// </summary>
    public static Citation Cite(IStoryLibrary library, Statement statement)
    {
        var citation = Cite(library, statement.Sentence, statement.Speaker, null, statement.Text);
        // "Most" leaves room for the attribution around a quote ("…, he insisted, saying") and for a second statement
        // in the same sentence; a short quoted phrase keeps its sentence, which it means little without.
        var mostOfSentence = citation.Highlights.Count == 0 || statement.Text.Length * 5 >= statement.Sentence.Text.Length * 2;
        if (statement.Kind != StatementKind.Direct || !mostOfSentence)
        {
            return citation;
        }

        var quote = ReplyText.Shorten(statement.Text, MaxQuote);
        return citation with { Text = quote, Highlights = [new Highlight(0, quote.TrimEnd('…').Length)] };
    }

    public static Reply NotFound(string title, string text) => new(ReplyKind.NotFound, title, text, [], []);
}
