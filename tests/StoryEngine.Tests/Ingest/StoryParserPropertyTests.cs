using FsCheck.Xunit;
using StoryEngine.Ingest;

namespace StoryEngine.Tests.Ingest;

/// <summary>Structural laws of a parsed story, whatever the text.</summary>
[Properties(Arbitrary = [typeof(NewsTextArbitraries)], MaxTest = 300)]
public sealed class StoryParserPropertyTests
{
    [Property]
    public bool Positions_and_paragraph_numbers_are_consecutive(AnyText text) => IsWellFormed(StoryParser.Parse("x.txt", text.Text));

    [Property]
    public bool Positions_and_paragraph_numbers_are_consecutive_in_news_like_text(NewsParagraph a, NewsParagraph b, NewsParagraph c) =>
        IsWellFormed(StoryParser.Parse("x.md", $"{a.Text}\n\n{b.Text}\n{c.Text}\n{a.Text}"));

    private static bool IsWellFormed(Story story) =>
        story.Sentences.Select(s => s.Position).SequenceEqual(Enumerable.Range(0, story.Sentences.Count))
        && story.Paragraphs.Select(p => p.Number).SequenceEqual(Enumerable.Range(1, story.Paragraphs.Count))
        && story.Paragraphs.All(p => p.Sentences.Count > 0 && p.Sentences.All(s => s.Paragraph == p.Number && s.Story == story.Id))
        && story.Paragraphs.All(p => SentenceSplitterPropertyTests.IsOrderedPartition(p.Text, [.. p.Sentences.Select(s => s.Text)]))
        && story.Paragraphs.Select(p => StoryParser.DedupeKey(p.Text)).Distinct().Count() == story.Paragraphs.Count
        && story.Sentences.All(s => !s.Text.Any(c => char.IsControl(c)))
        && (story.Paragraphs.Count == 0 ? story.Title.Length == 0 : story.Title == story.Paragraphs[0].Text);
}
