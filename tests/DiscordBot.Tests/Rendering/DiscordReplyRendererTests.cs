using ChatCommands;
using DiscordBot.Interactions;
using DiscordBot.Rendering;
using DiscordBot.Wire;
using Microsoft.Extensions.Options;

namespace DiscordBot.Tests.Rendering;

public sealed class DiscordReplyRendererTests
{
    private static readonly DiscordReplyRenderer Renderer = new();

    [Fact]
    public void Matched_words_are_bold_and_story_paragraph_and_confidence_are_shown()
    {
        var reply = new Reply(ReplyKind.Answer, "Who won?", null,
            [new Citation("The home team won the final.", "sports_1.txt", 4, 0.87, [new Highlight(4, 4), new Highlight(14, 3)])], []);

        var embed = Assert.Single(Renderer.Render(reply, null).Embeds!);

        Assert.Equal("**1.** “The **home** team **won** the final.”\n— sports\\_1.txt, paragraph 4 · confidence 87%", embed.Description);
        Assert.Equal("Who won?", embed.Title);
    }

    [Fact]
    public void Source_line_names_the_story_by_its_title_with_the_paragraph()
    {
        var reply = new Reply(ReplyKind.Answer, "Who won?", null,
            [new Citation("The home team won the final.", "sports_1.txt", 4, null, [], StoryTitle: "Home side takes the cup")], []);

        var embed = Assert.Single(Renderer.Render(reply, null).Embeds!);

        Assert.EndsWith("\n— Home side takes the cup, paragraph 4", embed.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("sports", embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_answer_names_its_own_story_when_the_answers_come_from_several()
    {
        var reply = new Reply(ReplyKind.Answer, "Who won?", null,
        [
            new Citation("The home team won the final.", "sports_1.txt", 4, 0.6, [], StoryTitle: "Home side takes the cup"),
            new Citation("The council won the vote.", "council_2.txt", 2, 0.3, [], StoryTitle: "Council backs the budget"),
        ], []);

        var description = Assert.Single(Renderer.Render(reply, null).Embeds!).Description!;

        var second = description.IndexOf("**2.**", StringComparison.Ordinal);
        Assert.Contains("— Home side takes the cup, paragraph 4", description[..second], StringComparison.Ordinal);
        Assert.Contains("— Council backs the budget, paragraph 2", description[second..], StringComparison.Ordinal);
    }

    [Fact]
    public void Speakers_lead_their_sentences_and_fields_carry_who_said_what()
    {
        var reply = new Reply(ReplyKind.Answer, "Who said what", null,
            [new Citation("We will rebuild.", "a.txt", 2, null, [], Label: "The mayor")],
            [new ReplyField("The mayor", "“We will rebuild.”"), new ReplyField("", "")]);

        var embed = Assert.Single(Renderer.Render(reply, null).Embeds!);

        Assert.StartsWith("**1.** The mayor: “We will rebuild.”", embed.Description, StringComparison.Ordinal);
        Assert.Equal(2, embed.Fields!.Count);
        Assert.Equal("The mayor", embed.Fields[0].Name);
        Assert.Equal("\u200B", embed.Fields[1].Name);
        Assert.Equal("\u200B", embed.Fields[1].Value);
    }

    [Fact]
    public void Markdown_and_mentions_from_story_text_show_literally()
    {
        var escaped = DiscordMarkdown.Escape("@everyone look at *this* <@123> and __that__ ||spoiler|| `code` [x](y)\n> quote\n# head");

        Assert.Equal(
            "@\u200Beveryone look at \\*this\\* \\<@\u200B123> and \\_\\_that\\_\\_ \\|\\|spoiler\\|\\| \\`code\\` \\[x\\](y)\n\\> quote\n\\# head",
            escaped);
    }

    [Fact]
    public void Long_text_is_cut_on_a_word_boundary_with_an_ellipsis()
    {
        Assert.Equal("one two…", DiscordMarkdown.EscapeAndFit("one two three", 10));
        Assert.Equal("one two three", DiscordMarkdown.EscapeAndFit("one two three", 13));
        Assert.Equal("abcdefghi…", DiscordMarkdown.EscapeAndFit("abcdefghijklmnop", 10));
    }

    [Fact]
    public void A_cut_never_leaves_half_an_escape_or_an_open_bold()
    {
        var sentence = DiscordReplyRenderer.HighlightedSentence("alpha *beta* gamma delta epsilon", [new Highlight(6, 6), new Highlight(19, 5)], 24);

        Assert.True(sentence.Length <= 24, sentence);
        Assert.EndsWith("…", sentence, StringComparison.Ordinal);
        Assert.Equal(0, CountOf(sentence, "**") % 2);
        Assert.False(sentence[..^1].EndsWith('\\'));
    }

    [Fact]
    public void Errors_render_as_private_text()
    {
        var message = Renderer.Render(Reply.Error("No such story: @here"), null);

        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.Equal("No such story: @\u200Bhere", message.Content);
        Assert.Null(message.Embeds);
        Assert.Empty(message.AllowedMentions!.Parse);
    }

    private static readonly string Prose = string.Join(' ', Enumerable.Repeat("The council voted to extend the rail line.", 400));

    [Fact]
    public void An_error_longer_than_2000_characters_is_cut_to_2000()
    {
        var content = Renderer.Render(Reply.Error(Prose), null).Content!;
        Assert.InRange(content.Length, 1900, 2000);
        Assert.EndsWith("…", content, StringComparison.Ordinal);

        // Cut between words: the kept text is a prefix of the original followed there by a space.
        Assert.StartsWith(content[..^1], Prose, StringComparison.Ordinal);
        Assert.Equal(' ', Prose[content.Length - 1]);
    }

    [Fact]
    public void A_title_longer_than_256_characters_is_cut_to_256()
    {
        var title = Renderer.Render(Reply.Info(Prose, "x"), null).Embeds![0].Title!;
        Assert.InRange(title.Length, 200, 256);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_longer_than_4096_characters_is_cut_to_4096()
    {
        var description = Renderer.Render(Reply.Info("t", Prose), null).Embeds![0].Description!;
        Assert.InRange(description.Length, 4000, 4096);
        Assert.EndsWith("…", description, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_25_fields_and_oversized_names_and_values_are_cut_within_6000_in_total()
    {
        var reply = Reply.Info("t", "x", [.. Enumerable.Range(0, 30).Select(i => new ReplyField(Prose, Prose))]);
        var embed = Renderer.Render(reply, null).Embeds![0];

        Assert.InRange(embed.Fields!.Count, 1, 25);
        Assert.All(embed.Fields, f => Assert.InRange(f.Name.Length, 1, 256));
        Assert.All(embed.Fields, f => Assert.InRange(f.Value.Length, 1, 1024));
        Assert.InRange(embed.Fields[0].Value.Length, 1000, 1024);
        var total = embed.Title!.Length + embed.Description!.Length + embed.Fields.Sum(f => f.Name.Length + f.Value.Length) + (embed.Footer?.Text.Length ?? 0);
        Assert.InRange(total, 5000, 6000);
        Assert.Matches("^[0-9]+ more not shown$", embed.Footer!.Text);
    }

    [Fact]
    public void Many_long_citations_share_the_description_and_the_rest_are_counted()
    {
        var citations = Enumerable.Range(0, 12).Select(i => new Citation(Prose, $"s{i}.txt", i + 1, 0.5, [new Highlight(4, 7)])).ToArray();
        var description = Renderer.Render(new Reply(ReplyKind.Answer, "t", null, citations, []), null).Embeds![0].Description!;

        Assert.InRange(description.Length, 3000, 4096);
        Assert.Contains("**1.** “The **council**", description, StringComparison.Ordinal);
        Assert.Contains("— s0.txt, paragraph 1 · confidence 50%", description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_reply_still_renders_a_non_empty_embed()
    {
        var embed = Assert.Single(Renderer.Render(new Reply(ReplyKind.Answer, "", null, [], []), null).Embeds!);
        Assert.False(string.IsNullOrEmpty(embed.Description));
    }

    [Fact]
    public void Unpaged_replies_have_no_buttons_and_no_footer()
    {
        var message = Renderer.Render(Reply.Info("Help", "Commands: /ask"), PagingStore.InlineToken(CommandRequest.Create("help")));

        Assert.Empty(message.Components!);
        Assert.Null(message.Embeds![0].Footer);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
