using Microsoft.Extensions.Logging.Abstractions;
using StoryEngine.Ingest;

namespace StoryEngine.Tests.Ingest;

/// <summary>
/// Generic sanity properties of segmentation on real news files (the seed and the ingest fixtures):
/// nothing here is tuned to one story's sentences.
/// </summary>
public sealed class SeedStoryTests
{
    private static readonly string[] NonFinalAbbreviations = ["Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "St.", "No.", "e.g.", "i.e.", "vs."];

    public static TheoryData<string> Folders() =>
        new(Path.Combine("Fixtures", "seeds"), Path.Combine("Fixtures", "ingest", "stories"));

    private static IReadOnlyList<Story> Load(string folder) =>
        StoryLoader.Load(Path.Combine(AppContext.BaseDirectory, folder), NullLogger.Instance).Stories;

    [Theory]
    [MemberData(nameof(Folders))]
    public void No_sentence_ends_with_a_title_or_an_abbreviation_inside_a_sentence(string folder)
    {
        var sentences = Load(folder).SelectMany(s => s.Sentences).ToArray();
        Assert.NotEmpty(sentences);
        Assert.DoesNotContain(sentences, s => NonFinalAbbreviations.Any(a => s.Text.EndsWith(" " + a, StringComparison.Ordinal)));

        // "U.S." or "p.m." may end a sentence within a paragraph, but then the next one starts with a typical opener, not a name.
        var pairs = sentences.Zip(sentences.Skip(1)).Where(p => p.First.Paragraph == p.Second.Paragraph && p.First.Story == p.Second.Story);
        var ambiguous = pairs.Where(p => p.First.Text.EndsWith("U.S.", StringComparison.Ordinal) || p.First.Text.EndsWith(".m.", StringComparison.OrdinalIgnoreCase));
        Assert.All(ambiguous, p => Assert.Matches("^(The|A|An|He|She|It|They|We|In|On|But|This)\\b", p.Second.Text));
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Every_sentence_starts_like_a_sentence_and_lies_in_its_paragraph(string folder)
    {
        foreach (var story in Load(folder))
        {
            foreach (var paragraph in story.Paragraphs)
            {
                Assert.All(paragraph.Sentences, s => Assert.False(char.IsLower(s.Text[0]), s.Text));
                Assert.True(SentenceSplitterPropertyTests.IsOrderedPartition(paragraph.Text, [.. paragraph.Sentences.Select(s => s.Text)]));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Headline_appears_once_and_positions_run_through_the_story(string folder)
    {
        foreach (var story in Load(folder))
        {
            var key = StoryKey(story.Title);
            Assert.Single(story.Paragraphs, p => StoryKey(p.Text) == key);
            Assert.Equal(Enumerable.Range(0, story.Sentences.Count), story.Sentences.Select(s => s.Position));
            Assert.Equal(Enumerable.Range(1, story.Paragraphs.Count), story.Paragraphs.Select(p => p.Number));
            Assert.Equal(story.Paragraphs.Count, story.Paragraphs.Select(p => StoryKey(p.Text)).Distinct().Count());
        }
    }

    [Fact]
    public void Seed_headline_line_repeated_in_the_body_is_kept_once()
    {
        var story = Assert.Single(Load(Path.Combine("Fixtures", "seeds")));
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds", story.Id))
            .Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
        var repeated = lines.GroupBy(StoryKey).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();

        Assert.NotEmpty(repeated); // the seed repeats its headline; this test is about that generic situation
        Assert.All(repeated, key => Assert.Single(story.Paragraphs, p => StoryKey(p.Text) == key));
        Assert.Equal(lines.Select(StoryKey).Distinct().Count(), story.Paragraphs.Count);
    }

    private static string StoryKey(string text) =>
        string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
