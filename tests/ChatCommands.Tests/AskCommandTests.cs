namespace ChatCommands.Tests;

public sealed class AskCommandTests(SeedBot bot) : IClassFixture<SeedBot>
{
    [Fact]
    public async Task Ask_returns_cited_sentences_from_the_story_with_highlights_inside_the_text()
    {
        var reply = await bot.RunAsync("ask", ("question", "Who is the Middle East envoy?"));

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.InRange(reply.Citations.Count, 1, Ask.AskCommand.PageSize);
        var library = bot.Services.GetService(typeof(StoryEngine.IStoryLibrary)) as StoryEngine.IStoryLibrary;
        var sentences = library!.Stories.SelectMany(s => s.Sentences).ToList();
        foreach (var citation in reply.Citations)
        {
            // Every citation is a real sentence of the story it names, at the paragraph it names.
            Assert.Contains(sentences, s => s.Text == citation.Text && s.Story == citation.Story && s.Paragraph == citation.Paragraph);
            Assert.InRange(citation.Confidence!.Value, 0, 1);
            Assert.All(citation.Highlights, h => Assert.InRange(h.Start + h.Length, 1, citation.Text.Length));
        }

        Assert.Contains("envoy", reply.Citations[0].Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ask_citations_carry_the_story_title_beside_the_file_name()
    {
        var reply = await bot.RunAsync("ask", ("question", "Who is the Middle East envoy?"));

        Assert.All(reply.Citations, c =>
        {
            Assert.EndsWith(".txt", c.Story, StringComparison.Ordinal);
            Assert.StartsWith("In a significant diplomatic effort", c.StoryTitle, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Ask_with_an_empty_question_is_an_error_reply(string question)
    {
        var reply = await bot.RunAsync("ask", ("question", question));

        Assert.True(reply.IsError);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
    }

    [Fact]
    public async Task Ask_with_a_huge_question_is_an_error_reply_not_a_search()
    {
        var reply = await bot.RunAsync("ask", ("question", string.Concat(Enumerable.Repeat("ceasefire ", 2000))));

        Assert.True(reply.IsError);
        Assert.Empty(reply.Citations);
    }

    [Theory]
    [InlineData("*:*")]
    [InlineData("AND (")]
    [InlineData("\"unclosed")]
    [InlineData("title:x")]
    [InlineData("🕊️🕊️")]
    [InlineData("\u0001\u0002\u0007")]
    public async Task Ask_with_query_syntax_emoji_or_control_characters_never_fails(string question)
    {
        var reply = await bot.RunAsync("ask", ("question", question));

        Assert.NotEqual("Something went wrong while answering. Please try again.", reply.Text);
        Assert.Contains(reply.Kind, new[] { ReplyKind.Answer, ReplyKind.NotFound, ReplyKind.Error });
    }

    [Fact]
    public async Task Ask_about_something_the_stories_do_not_cover_says_so()
    {
        var reply = await bot.RunAsync("ask", ("question", "What is the capital of France?"));

        Assert.Equal(ReplyKind.NotFound, reply.Kind);
        Assert.Empty(reply.Citations);
    }

    [Fact]
    public async Task Ask_pages_through_answers_without_repeating_a_sentence()
    {
        var first = await bot.RunAsync("ask", ("question", "Netanyahu Trump ceasefire Gaza talks"));
        Assert.NotNull(first.Page);

        var seen = new List<string>();
        for (var page = 0; page < first.Page!.Count; page++)
        {
            var request = CommandRequest.Create("ask", ("question", "Netanyahu Trump ceasefire Gaza talks")) with { Page = page };
            var reply = await bot.Dispatcher.ExecuteAsync(request, CancellationToken.None);
            Assert.Equal(page, reply.Page!.Index);
            Assert.Equal(reply.Page.LastItem - reply.Page.FirstItem + 1, reply.Citations.Count);
            seen.AddRange(reply.Citations.Select(c => c.Text));
        }

        Assert.Equal(first.Page.TotalItems, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }
}
