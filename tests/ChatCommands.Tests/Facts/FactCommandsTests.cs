namespace ChatCommands.Tests.Facts;

public sealed class FactCommandsTests(SeedBot bot) : IClassFixture<SeedBot>
{
    [Fact]
    public async Task Whosaid_without_a_speaker_lists_every_statement_in_pages_of_five()
    {
        var first = await bot.RunAsync("whosaid");

        Assert.Equal(ReplyKind.Answer, first.Kind);
        Assert.NotNull(first.Page);
        Assert.Equal(5, first.Citations.Count);
        Assert.True(first.Page!.TotalItems >= 9);
        Assert.All(first.Citations, c => Assert.False(string.IsNullOrEmpty(c.Label)));

        var second = await bot.RunAsync("whosaid", page: 1);
        Assert.Equal(1, second.Page!.Index);
        Assert.DoesNotContain(second.Citations, c => first.Citations.Contains(c));
    }

    [Fact]
    public async Task Whosaid_with_a_surname_in_lower_case_returns_only_that_speaker()
    {
        var reply = await bot.RunAsync("whosaid", 0, ("speaker", "netanyahu"));

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.NotEmpty(reply.Citations);
        Assert.All(reply.Citations, c => Assert.Equal("Benjamin Netanyahu", c.Label));
        Assert.Contains(reply.Citations, c => c.Text.Contains("finish the job", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("whosaid", "speaker", "netanyahu")]
    [InlineData("quote", "phrase", "finish the job in Gaza")]
    public async Task Statements_are_shown_once_each_with_speaker_and_source_not_again_as_fields(string command, string option, string value)
    {
        var reply = await bot.RunAsync(command, 0, (option, value));

        Assert.Empty(reply.Fields);
        Assert.All(reply.Citations, c =>
        {
            Assert.Equal("Benjamin Netanyahu", c.Label);
            Assert.StartsWith("In a significant diplomatic effort", c.StoryName, StringComparison.Ordinal);
            Assert.True(c.Paragraph > 1);
        });
        // Two statements of one sentence: the reported speech in its sentence, the quote on its own.
        Assert.Equal(reply.Citations.Count, reply.Citations.Select(c => c.Text).Distinct().Count());
        Assert.Contains(reply.Citations, c => c.Text == "We still have to finish the job in Gaza, release all our hostages, eliminate and destroy Hamas' military and government capabilities.");
    }

    [Fact]
    public async Task Whosaid_bolds_the_whole_statement_when_its_sentence_holds_all_of_it()
    {
        var reply = await bot.RunAsync("whosaid", 0, ("speaker", "netanyahu"));

        var bolded = reply.Citations.SelectMany(c => c.Highlights.Select(h => c.Text.Substring(h.Start, h.Length))).ToList();
        Assert.Contains(bolded, b => b.StartsWith("We still have to finish the job", StringComparison.Ordinal) && b.EndsWith("capabilities.", StringComparison.Ordinal));
        Assert.Contains(bolded, b => b.StartsWith("his belief that", StringComparison.Ordinal) || b.StartsWith("Israel's military efforts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Whosaid_for_an_unknown_speaker_says_nothing_was_found()
    {
        var reply = await bot.RunAsync("whosaid", 0, ("speaker", "Nobody Atall"));

        Assert.Equal(ReplyKind.NotFound, reply.Kind);
    }

    [Fact]
    public async Task Speaker_option_completes_to_speaker_names()
    {
        Assert.True(bot.Dispatcher.Commands.Single(c => c.Name == "whosaid").Options.Single(o => o.Name == "speaker").Autocomplete);

        var choices = await bot.Dispatcher.CompleteAsync("whosaid", "speaker", "wit", CancellationToken.None);

        Assert.Equal("Steve Witkoff", choices[0]);
        var all = await bot.Dispatcher.CompleteAsync("whosaid", "speaker", string.Empty, CancellationToken.None);
        Assert.Contains("Qatari officials", all);
    }

    [Fact]
    public async Task Quote_names_the_speaker_and_cites_the_sentence()
    {
        var reply = await bot.RunAsync("quote", 0, ("phrase", "finish the job in Gaza"));

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        var citation = Assert.Single(reply.Citations);
        Assert.Equal("Benjamin Netanyahu", citation.Label);
        Assert.Contains("finish the job", citation.Text, StringComparison.Ordinal);
        Assert.Equal("000_7788cec921cb3b17.txt", citation.Story);
    }

    [Fact]
    public async Task Quote_names_the_story_by_its_title_cut_short_and_keeps_the_file_name()
    {
        var reply = await bot.RunAsync("quote", 0, ("phrase", "finish the job in Gaza"));

        var citation = Assert.Single(reply.Citations);
        Assert.StartsWith("In a significant diplomatic effort", citation.StoryName, StringComparison.Ordinal);
        Assert.InRange(citation.StoryName.Length, 1, Citation.StoryNameMax);
        Assert.Equal("000_7788cec921cb3b17.txt", citation.Story);
    }

    [Fact]
    public async Task Quote_of_words_nobody_said_is_not_found()
    {
        var reply = await bot.RunAsync("quote", 0, ("phrase", "bananas are purple"));

        Assert.Equal(ReplyKind.NotFound, reply.Kind);
    }

    [Fact]
    public async Task Facts_about_a_topic_only_list_facts_about_it()
    {
        var reply = await bot.RunAsync("facts", 0, ("topic", "hostages"));

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Contains(reply.Citations, c => c.Label!.Contains("living hostages", StringComparison.Ordinal));
        Assert.All(reply.Citations, c => Assert.Contains("hostage", c.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Facts_list_countries_the_story_names_without_a_preposition()
    {
        var reply = await bot.RunAsync("facts", 0, ("topic", "Israel"));

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Contains(reply.Citations, c => c.Label == "place" && c.Highlights.Any(h => c.Text.Substring(h.Start, h.Length) == "Israel"));
    }

    [Fact]
    public async Task People_lists_names_with_their_roles()
    {
        var reply = await bot.RunAsync("people");

        Assert.Contains(reply.Fields, f => f.Name == "Steve Witkoff" && f.Value.Contains("envoy", StringComparison.Ordinal));
        Assert.Contains(reply.Fields, f => f.Name == "JD Vance" && f.Value.Contains("Vice President", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Timeline_puts_the_dated_past_before_the_story_week()
    {
        var reply = await bot.RunAsync("timeline");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("October 7, 2023", reply.Citations[0].Label);
        Assert.Equal("Monday", reply.Citations[1].Label);
    }

    [Fact]
    public async Task Summary_starts_with_the_lead_and_cites_real_sentences()
    {
        var reply = await bot.RunAsync("summary");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Contains(reply.Citations, c => c.Label == "lead");
        Assert.InRange(reply.Citations.Count, 2, 5);
        Assert.All(reply.Citations, c => Assert.True(c.Paragraph > 1));
    }
}

public sealed class StoryOptionTests(SeedBot bot) : IClassFixture<SeedBot>
{
    private string SeedStory => Directory.GetFiles(SeedBot.SeedsFolder).Select(Path.GetFileName).First()!;

    [Theory]
    [InlineData("summary")]
    [InlineData("timeline")]
    [InlineData("people")]
    [InlineData("ask")]
    [InlineData("whosaid")]
    [InlineData("quote")]
    [InlineData("facts")]
    public async Task Story_option_completes_story_names_from_a_few_letters(string command)
    {
        var choices = await bot.Dispatcher.CompleteAsync(command, "story", SeedStory[..3], CancellationToken.None);

        Assert.Contains(SeedStory, choices);
        Assert.True(choices.Count <= 25);
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("timeline")]
    [InlineData("people")]
    [InlineData("whosaid")]
    [InlineData("facts")]
    public async Task Story_option_keeps_only_that_storys_sentences(string command)
    {
        var all = await bot.RunAsync(command);
        var one = await bot.RunAsync(command, ("story", SeedStory.ToUpperInvariant()));

        Assert.Equal(all.Citations.Count, one.Citations.Count);
        Assert.All(one.Citations, c => Assert.Equal(SeedStory, c.Story));
    }

    [Fact]
    public async Task A_story_that_does_not_exist_is_an_error_naming_it()
    {
        var reply = await bot.RunAsync("timeline", ("story", "no-such-story"));

        Assert.True(reply.IsError);
        Assert.Contains("no-such-story", reply.Text);
    }
}
