using ChatCommands;
using SlackBot.Rendering;
using SlackBot.Tests.Support;
using static SlackBot.Tests.Rendering.SlackReplyRendererPropertyTests;
using static SlackBot.Tests.Support.SlackJson;

namespace SlackBot.Tests.Rendering;

public sealed class SlackReplyRendererTests
{
    private static readonly SlackReplyRenderer Renderer = new();

    [Fact]
    public void Citation_is_a_section_with_bold_matches_and_a_source_line()
    {
        var reply = new Reply(
            ReplyKind.Answer,
            "Who leads the talks?",
            null,
            [new Citation("The envoy leads the talks in Cairo.", "story-1.txt", 3, 0.874, [new Highlight(4, 5), new Highlight(20, 5)], "Reuters")],
            []);

        var message = Serialize(Renderer.Render(reply, null, "ephemeral"));
        var blocks = Blocks(message).ToList();

        Assert.Equal("*Who leads the talks?*", BlockTexts(blocks[0]).Single());
        Assert.Equal("*Reuters*: The *envoy* leads the *talks* in Cairo.", BlockTexts(blocks[1]).Single());
        Assert.Equal("context", Type(blocks[2]));
        Assert.Equal("story-1.txt, paragraph 3 · confidence 87%", BlockTexts(blocks[2]).Single());
        Assert.Equal("ephemeral", message.GetProperty("response_type").GetString());
    }

    [Fact]
    public void Each_answer_names_its_own_story_when_the_answers_come_from_several()
    {
        var reply = new Reply(ReplyKind.Answer, "Who won?", null,
        [
            new Citation("The home team won the final.", "sports_1.txt", 4, 0.6, [], StoryTitle: "Home side takes the cup"),
            new Citation("The council won the vote.", "council_2.txt", 2, 0.3, [], StoryTitle: "Council backs the budget"),
        ], []);

        var texts = Blocks(Serialize(Renderer.Render(reply, null, "ephemeral"))).SelectMany(BlockTexts).ToList();

        var first = texts.FindIndex(t => t.Contains("home team", StringComparison.Ordinal));
        var second = texts.FindIndex(t => t.Contains("council won", StringComparison.Ordinal));
        Assert.StartsWith("Home side takes the cup, paragraph 4", texts[first + 1], StringComparison.Ordinal);
        Assert.StartsWith("Council backs the budget, paragraph 2", texts[second + 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Source_line_names_the_story_by_its_title_cut_to_a_sensible_length()
    {
        var title = "Talks resume in Cairo " + string.Concat(Enumerable.Repeat("as envoys meet again ", 20));
        var citation = new Citation("The envoy leads the talks.", "story-1.txt", 3, null, [], StoryTitle: title);

        var source = SlackReplyRenderer.Source(citation);

        Assert.StartsWith("Talks resume in Cairo as envoys", source, StringComparison.Ordinal);
        Assert.EndsWith("…, paragraph 3", source, StringComparison.Ordinal);
        Assert.True(source.Length <= Citation.StoryNameMax + ", paragraph 3".Length);
        Assert.DoesNotContain("story-1", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Story_text_is_escaped_and_mentions_are_neutralised()
    {
        var reply = new Reply(ReplyKind.Answer, "<!channel> & co", "Tell <@U123> and @here about <https://evil|this>.", [], []);

        var texts = AllText(Serialize(Renderer.Render(reply, null, "in_channel"))).ToList();

        Assert.Contains("*&lt;!channel&gt; &amp; co*", texts);
        Assert.Contains("Tell &lt;@\u200BU123&gt; and @\u200Bhere about &lt;https://evil|this&gt;.", texts);
    }

    [Fact]
    public void Formatting_characters_in_story_text_show_literally_and_read_the_same()
    {
        const string story = "a *bold* claim, an _aside_, ~struck~ and `code`";

        var escaped = SlackMrkdwn.Escape(story);

        // A zero-width space after each marker: it can no longer open bold, italics, strikethrough or code.
        Assert.Equal("a *\u200Bbold*\u200B claim, an _\u200Baside_\u200B, ~\u200Bstruck~\u200B and `\u200Bcode`\u200B", escaped);
        Assert.Equal(story, escaped.Replace("\u200B", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Bold_matches_still_render_around_escaped_formatting_characters()
    {
        var rendered = SlackMrkdwn.Highlight("snake_case wins", [new Highlight(0, 10)], 100);

        Assert.Equal("*snake_\u200Bcase* wins", rendered);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("_")]
    [InlineData("~")]
    [InlineData("`")]
    public void Escaped_formatting_characters_count_against_the_limit(string marker)
    {
        var text = string.Concat(Enumerable.Repeat(marker + "ab ", 100));

        var fitted = SlackMrkdwn.EscapeAndFit(text, 50);

        Assert.InRange(fitted.Length, 1, 50);
        Assert.EndsWith(SlackMrkdwn.Ellipsis, fitted, StringComparison.Ordinal);
        Assert.Equal(fitted.Count(c => c == marker[0]), fitted.Split(marker + "\u200B").Length - 1);
    }

    [Fact]
    public void Fields_are_grouped_ten_to_a_section_with_bold_names()
    {
        var fields = Enumerable.Range(1, 23).Select(i => new ReplyField($"Name {i}", $"Value {i}")).ToArray();
        var message = Serialize(Renderer.Render(new Reply(ReplyKind.Answer, "Facts", null, [], fields), null, "ephemeral"));

        var sections = Blocks(message).Where(b => b.TryGetProperty("fields", out _)).ToList();
        Assert.Equal([10, 10, 3], sections.Select(s => s.GetProperty("fields").GetArrayLength()));
        Assert.Equal("*Name 1*\nValue 1", BlockTexts(sections[0]).First());
    }

    [Fact]
    public void Page_position_and_both_buttons_carry_the_token_and_target_page()
    {
        var reply = new Reply(ReplyKind.Answer, "Q", null, [new Citation("A.", "s", 1, null, [])], [], new PageInfo(1, 3, 4, 6, 9));

        var message = Serialize(Renderer.Render(reply, "abc", "ephemeral"));

        Assert.Contains("4–6 of 9", AllText(message));
        Assert.Equal(["0:abc", "2:abc"], Buttons(message).Select(b => b.GetProperty("value").GetString()));
        Assert.Equal("s, paragraph 1", AllText(message).Single(t => t.StartsWith("s, ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Too_many_citations_are_cut_to_fifty_blocks_with_a_note_of_how_many_are_missing()
    {
        var citations = Enumerable.Range(1, 40).Select(i => new Citation($"Sentence {i}.", "s", i, 0.5, [])).ToArray();
        var reply = new Reply(ReplyKind.Answer, "Q", "Intro", citations, [new ReplyField("a", "b")], new PageInfo(0, 2, 1, 40, 80));

        var message = Serialize(Renderer.Render(reply, "t", "ephemeral"));
        var blocks = Blocks(message).ToList();

        Assert.InRange(blocks.Count, SlackLimits.BlocksPerMessage - 1, SlackLimits.BlocksPerMessage);
        Assert.Empty(LimitProblems(message));
        var shown = blocks.Count(b => Type(b) == "section") - 2;
        Assert.Contains($"{41 - shown} more not shown.", AllText(message));
        Assert.Equal("actions", Type(blocks[^1]));
    }

    [Fact]
    public void Long_citation_is_cut_on_a_word_with_an_ellipsis_and_still_bold()
    {
        var text = string.Concat(Enumerable.Repeat("ceasefire talks resume ", 400));
        var reply = new Reply(ReplyKind.Answer, "Q", null, [new Citation(text, "s", 1, 0.5, [new Highlight(0, 9), new Highlight(text.Length - 7, 6)])], []);

        var section = BlockTexts(Blocks(Serialize(Renderer.Render(reply, null, "ephemeral"))).ElementAt(1)).Single();

        Assert.True(section.Length <= SlackLimits.SectionText);
        Assert.StartsWith("*ceasefire* talks", section, StringComparison.Ordinal);
        Assert.EndsWith("resume…", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_start_with_a_warning_and_fallback_text_is_present()
    {
        var message = Serialize(Renderer.Render(Reply.Error("Type a question."), null, "ephemeral"));

        Assert.StartsWith(":warning: *Sorry*", BlockTexts(Blocks(message).First()).Single(), StringComparison.Ordinal);
        Assert.Equal("Sorry: Type a question.", message.GetProperty("text").GetString());
    }

    [Fact]
    public void Overlapping_and_out_of_range_highlights_are_ignored()
    {
        var rendered = SlackMrkdwn.Highlight("alpha beta gamma", [new Highlight(0, 5), new Highlight(3, 4), new Highlight(50, 2), new Highlight(-1, 3), new Highlight(5, 1)], 100);

        Assert.Equal("*alpha* beta gamma", rendered);
    }
}
