using StoryEngine.Ingest;

namespace StoryEngine.Tests.Ingest;

public sealed class StoryParserTests
{
    private const string News = """


        Talks Resume in Cairo as Mediators Push for Truce

        TALKS RESUME IN CAIRO AS MEDIATORS PUSH FOR TRUCE.
        Negotiators met in Cairo on Sunday. Mr. Hale said the U.S. would help.
        A second round is planned for Jan. 5 in Doha.

        Talks resume in Cairo as mediators push for truce
        Officials declined to comment.
        """;

    [Fact]
    public void Title_is_the_first_non_empty_line_and_paragraph_one()
    {
        var story = StoryParser.Parse("cairo.txt", News);
        Assert.Equal("Talks Resume in Cairo as Mediators Push for Truce", story.Title);
        Assert.Equal(story.Title, story.Paragraphs[0].Text);
        Assert.Equal(1, story.Paragraphs[0].Number);
    }

    [Fact]
    public void Headline_repeated_in_the_body_is_counted_once_whatever_its_case_and_punctuation()
    {
        var story = StoryParser.Parse("cairo.txt", News);
        Assert.Single(story.Paragraphs, p => p.Text.Contains("Mediators", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(
            [
                "Talks Resume in Cairo as Mediators Push for Truce",
                "Negotiators met in Cairo on Sunday. Mr. Hale said the U.S. would help.",
                "A second round is planned for Jan. 5 in Doha.",
                "Officials declined to comment.",
            ],
            story.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Paragraphs_are_numbered_consecutively_after_dropping_duplicates()
    {
        var story = StoryParser.Parse("cairo.txt", News);
        Assert.Equal([1, 2, 3, 4], story.Paragraphs.Select(p => p.Number));
        Assert.All(story.Paragraphs, p => Assert.All(p.Sentences, s => Assert.Equal(p.Number, s.Paragraph)));
    }

    [Fact]
    public void Sentences_carry_story_id_and_positions_across_the_whole_story()
    {
        var story = StoryParser.Parse("cairo.txt", News);
        Assert.Equal(
            [
                "Talks Resume in Cairo as Mediators Push for Truce",
                "Negotiators met in Cairo on Sunday.",
                "Mr. Hale said the U.S. would help.",
                "A second round is planned for Jan. 5 in Doha.",
                "Officials declined to comment.",
            ],
            story.Sentences.Select(s => s.Text));
        Assert.Equal(Enumerable.Range(0, story.Sentences.Count), story.Sentences.Select(s => s.Position));
        Assert.All(story.Sentences, s => Assert.Equal("cairo.txt", s.Story));
        Assert.Equal([1, 2, 2, 3, 4], story.Sentences.Select(s => s.Paragraph));
    }

    [Fact]
    public void Single_line_breaks_and_blank_lines_both_separate_paragraphs()
    {
        var story = StoryParser.Parse("s.txt", "Title\nOne.\n\n\nTwo.\nThree.");
        Assert.Equal(["Title", "One.", "Two.", "Three."], story.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Windows_line_endings_bom_non_breaking_spaces_and_control_characters_are_normalised()
    {
        var story = StoryParser.Parse("s.txt", "\uFEFFTitle\u00A0here\r\n\r\nFirst\u0007 line\u00A0\u00A0with  spaces.\rSecond\u200B line.\r\n");
        Assert.Equal("Title here", story.Title);
        Assert.Equal(["Title here", "First line with spaces.", "Second line."], story.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Lines_without_letters_or_digits_are_not_paragraphs()
    {
        var story = StoryParser.Parse("s.txt", "Title\n* * *\n---\nBody.");
        Assert.Equal(["Title", "Body."], story.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Text_without_any_letter_gives_an_empty_story()
    {
        var story = StoryParser.Parse("s.txt", " \n--- \n\n");
        Assert.Equal(string.Empty, story.Title);
        Assert.Empty(story.Paragraphs);
        Assert.Empty(story.Sentences);
    }

    [Fact]
    public void Markdown_markup_is_stripped_from_md_stories()
    {
        const string markdown = """
            ---
            author: desk
            ---
            # Talks *Resume* in Cairo #

            **Negotiators** met in [Cairo](https://example.com/cairo "map") on _Sunday_.
            > "We are close," said __one__ mediator.
            - A ~~first~~ second round is planned.
            * The file_name and snake_case stay, as does 5 * 3.
            ![photo of the table](img.png)

            Setext heading
            ==============
            """;
        var story = StoryParser.Parse("cairo.md", markdown);
        Assert.Equal("Talks Resume in Cairo", story.Title);
        Assert.Equal(
            [
                "Talks Resume in Cairo",
                "Negotiators met in Cairo on Sunday.",
                "\"We are close,\" said one mediator.",
                "A first second round is planned.",
                "The file_name and snake_case stay, as does 5 * 3.",
                "photo of the table",
                "Setext heading",
            ],
            story.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Markdown_markup_is_kept_in_txt_stories()
    {
        var story = StoryParser.Parse("cairo.txt", "# Not a heading\nA *star* line.");
        Assert.Equal("# Not a heading", story.Title);
    }

    [Fact]
    public void Markdown_fixture_story_parses_to_plain_text()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ingest", "stories", "010_port_strike.md");
        var story = StoryParser.Parse(Path.GetFileName(path), File.ReadAllText(path));
        Assert.DoesNotContain(story.Sentences, s => s.Text.IndexOfAny(['#', '*', '[', ']']) >= 0 || s.Text.Contains("](", StringComparison.Ordinal));
        Assert.Equal(1, story.Paragraphs.Count(p => p.Text == story.Title));
        Assert.True(story.Sentences.Count >= 8);
    }

    [Fact]
    public void Hard_wrapped_story_keeps_sentences_whole_by_joining_lines_within_a_paragraph()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ingest", "stories", "012_wrapped_flood.txt");
        var story = StoryParser.Parse(Path.GetFileName(path), File.ReadAllText(path));

        Assert.Equal("Flood Defences Hold as River Peaks Overnight in Northern Towns", story.Title);
        Assert.Equal(6, story.Paragraphs.Count); // title + five blank-line-separated blocks
        Assert.Contains(story.Sentences, s => s.Text.StartsWith("\"We were within a few centimetres of the top.", StringComparison.Ordinal)
            && s.Text.EndsWith("said Dr. Helen Marsh, the agency's area manager, in a statement released on Sunday morning.", StringComparison.Ordinal));
        Assert.All(story.Sentences.Skip(1), s => Assert.True(s.Text[^1] is '.' or '?' or '!' or '"', s.Text));
    }

    [Fact]
    public void One_paragraph_per_line_story_is_not_treated_as_wrapped()
    {
        var lines = Enumerable.Range(1, 8).Select(i => $"Paragraph {i} reports what the officials said on day {i} of the talks in the capital.");
        var story = StoryParser.Parse("s.txt", "Title\n" + string.Join('\n', lines));
        Assert.Equal(9, story.Paragraphs.Count);
    }

    [Fact]
    public void Short_fact_lines_are_not_treated_as_wrapped()
    {
        var story = StoryParser.Parse("s.txt", "Key Facts\nDeaths: 57,500\nHostages held: 50\nTalks: Doha and Cairo\nMediators: Qatar, Egypt\nTruce length: 60 days\nNext round: Monday\n");
        Assert.Equal(7, story.Paragraphs.Count);
    }

    [Fact]
    public void Hard_wrapped_markdown_joins_lines_but_keeps_list_items_apart()
    {
        const string markdown = """
            # Council Approves Budget

            The council approved the budget late on Tuesday after a long debate
            that ran well past midnight, with members arguing over housing money
            and the police budget until the very last vote was finally counted.
            The mayor said she would sign it into law by the end of the week and
            that the city would publish a full breakdown of the spending soon.

            - housing receives an extra forty million dollars next year in total
            - the police budget is trimmed slightly compared with last year's plan
            """;
        var story = StoryParser.Parse("budget.md", markdown);
        Assert.Equal(
            [
                "Council Approves Budget",
                "The council approved the budget late on Tuesday after a long debate that ran well past midnight, with members arguing over housing money and the police budget until the very last vote was finally counted. The mayor said she would sign it into law by the end of the week and that the city would publish a full breakdown of the spending soon.",
                "housing receives an extra forty million dollars next year in total",
                "the police budget is trimmed slightly compared with last year's plan",
            ],
            story.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Pathological_markup_and_punctuation_in_a_huge_line_still_parse()
    {
        // Unclosed brackets, stars, quotes and stops by the hundred thousand: every pattern must stay linear.
        var line = string.Concat(Enumerable.Repeat("[a *b _c `d \"E. “F. ‘G. (H. ", 5_000)) + new string(' ', 100_000) + "x";
        var story = StoryParser.Parse("huge.md", "Title\n" + line);

        Assert.Equal(2, story.Paragraphs.Count);
        Assert.True(SentenceSplitterPropertyTests.IsOrderedPartition(story.Paragraphs[1].Text, [.. story.Paragraphs[1].Sentences.Select(s => s.Text)]));
    }
}
