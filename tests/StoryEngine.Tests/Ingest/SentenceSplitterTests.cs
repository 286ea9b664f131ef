using StoryEngine.Ingest;

namespace StoryEngine.Tests.Ingest;

public sealed class SentenceSplitterTests
{
    /// <summary>Cases from Fixtures/ingest/sentences.txt: each block is the expected sentences, one per line.</summary>
    public static TheoryData<string, string[]> FixtureCases()
    {
        var data = new TheoryData<string, string[]>();
        var block = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ingest", "sentences.txt")).Append(""))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.Length == 0)
            {
                if (block.Count > 0)
                {
                    data.Add(string.Join(' ', block), [.. block]);
                    block.Clear();
                }

                continue;
            }

            block.Add(line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureCases))]
    public void Splits_news_text_as_the_fixture_says(string paragraph, string[] expected) =>
        Assert.Equal(expected, SentenceSplitter.Split(paragraph));

    [Fact]
    public void Fixture_file_has_many_cases() => Assert.True(FixtureCases().Count >= 30);

    [Theory]
    [InlineData("U.S.")]
    [InlineData("Mr.")]
    [InlineData("Dr.")]
    [InlineData("Gen.")]
    [InlineData("St.")]
    [InlineData("p.m.")]
    [InlineData("a.m.")]
    [InlineData("J.D.")]
    [InlineData("W.")]
    [InlineData("Jan.")]
    public void Abbreviation_before_a_name_does_not_end_the_sentence(string abbreviation)
    {
        var paragraph = $"They met {abbreviation} Vance near the border on Monday. Talks went on.";
        Assert.Equal(
            [$"They met {abbreviation} Vance near the border on Monday.", "Talks went on."],
            SentenceSplitter.Split(paragraph));
    }

    [Theory]
    [InlineData("U.S.")]
    [InlineData("U.K.")]
    [InlineData("p.m.")]
    [InlineData("Inc.")]
    [InlineData("Jr.")]
    [InlineData("etc.")]
    public void Ambiguous_abbreviation_ends_the_sentence_before_a_typical_opener(string abbreviation)
    {
        var paragraph = $"It all began with {abbreviation} The rest followed. But not here.";
        Assert.Equal(
            [$"It all began with {abbreviation}", "The rest followed.", "But not here."],
            SentenceSplitter.Split(paragraph));
    }

    [Theory]
    [InlineData("Mr.")]
    [InlineData("Mrs.")]
    [InlineData("Dr.")]
    [InlineData("Sen.")]
    [InlineData("e.g.")]
    [InlineData("vs.")]
    public void Title_or_latin_abbreviation_never_ends_a_sentence(string abbreviation) =>
        Assert.Single(SentenceSplitter.Split($"It was {abbreviation} The Best, said the critic."));

    [Theory]
    [InlineData("Who won?", "Nobody.")]
    [InlineData("Really!", "She said so.")]
    [InlineData("Why?!", "Because.")]
    [InlineData("It ended…", "Then it began.")]
    [InlineData("He left.", "“We are done,” she said.")]
    [InlineData("He left.", "(Officials declined to comment.)")]
    [InlineData("Talks failed.", "2024 will be different.")]
    [InlineData("Talks failed.", "$5bn was lost.")]
    [InlineData("It is done.”", "She left.")]
    [InlineData("It is done.)", "She left.")]
    [InlineData("Apple sold 10m iPhones.", "iPhone sales rose.")]
    public void Terminal_punctuation_before_a_new_sentence_splits(string first, string second) =>
        Assert.Equal([first, second], SentenceSplitter.Split($"{first} {second}"));

    [Theory]
    [InlineData("“Why?” he asked.")]
    [InlineData("“Stop!” she shouted.")]
    [InlineData("The rate is 3.5 percent.")]
    [InlineData("It cost $7.4bn, or about 5.65bn euros.")]
    [InlineData("He paused... then went on.")]
    [InlineData("The U.S.-backed plan, the U.S.'s offer, failed.")]
    [InlineData("Sales rose 5.5%. in the quarter.")]
    public void Stays_one_sentence(string sentence) => Assert.Equal([sentence], SentenceSplitter.Split(sentence));

    [Fact]
    public void Whitespace_between_sentences_is_dropped_and_sentences_are_trimmed() =>
        Assert.Equal(
            ["First one.", "Second one!", "Third?"],
            SentenceSplitter.Split("  First one.   Second one!\n\tThird?  "));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t ")]
    public void Empty_or_whitespace_paragraph_has_no_sentences(string paragraph) =>
        Assert.Empty(SentenceSplitter.Split(paragraph));

    [Fact]
    public void Text_without_terminal_punctuation_is_one_sentence() =>
        Assert.Equal(["Trump and Netanyahu Engage in Talks"], SentenceSplitter.Split("Trump and Netanyahu Engage in Talks"));

    [Fact]
    public void Ranges_point_at_the_sentences_in_the_paragraph()
    {
        const string paragraph = " He left.  She stayed. ";
        var ranges = SentenceSplitter.SplitRanges(paragraph);
        Assert.Equal([(1, 8), (11, 11)], ranges);
        Assert.Equal(SentenceSplitter.Split(paragraph), ranges.Select(r => paragraph.Substring(r.Start, r.Length)));
    }

    [Fact]
    public void Null_paragraph_is_rejected() => Assert.Throws<ArgumentNullException>(() => SentenceSplitter.Split(null!));
}
