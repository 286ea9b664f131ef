using StoryEngine;
using static ChatCommands.Tests.LibraryBot;

namespace ChatCommands.Tests;

/// <summary>The <c>story</c> option over a library of two stories that share words (<see cref="LibraryBot"/>).</summary>
public sealed class StoryScopedCommandsTests(LibraryBot bot) : IClassFixture<LibraryBot>
{
    // Words both stories use ("people", "state"), so the library-wide answers draw on either story.
    private const string SharedQuestion = "How many people will the state help?";

    [Theory]
    [InlineData(Gaza)]
    [InlineData(Northwind)]
    public async Task Ask_with_a_story_never_answers_from_another_story(string story)
    {
        var pages = await AllPagesAsync("ask", ("question", SharedQuestion), ("story", story));

        Assert.NotEmpty(pages);
        Assert.All(pages, c => Assert.Equal(story, c.Story));
    }

    [Fact]
    public async Task Ask_with_a_story_finds_its_answers_even_where_another_story_matches_better()
    {
        // Over the library the ceasefire question is the seed story's; within Northwind's story it still finds a sentence.
        const string Question = "What agreement did the leaders reach on the ceasefire?";
        var library = await bot.RunAsync("ask", ("question", Question));
        Assert.All(library.Citations, c => Assert.Equal(Gaza, c.Story));

        var scoped = await bot.RunAsync("ask", ("question", Question), ("story", "northwind"));

        Assert.Equal(ReplyKind.Answer, scoped.Kind);
        Assert.All(scoped.Citations, c => Assert.Equal(Northwind, c.Story));
    }

    [Fact]
    public async Task Ask_over_the_library_names_each_answers_own_story()
    {
        var citations = await AllPagesAsync("ask", ("question", SharedQuestion));

        Assert.Equal([Gaza, Northwind], citations.Select(c => c.Story).Distinct().Order(StringComparer.Ordinal));
        var library = (IStoryLibrary)bot.Services.GetService(typeof(IStoryLibrary))!;
        Assert.All(citations, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.StoryTitle));
            Assert.Equal(library.Stories.Single(s => s.Id == c.Story).Title, c.StoryTitle);
        });
    }

    [Fact]
    public async Task Ask_with_a_story_that_matches_nothing_is_an_error_naming_it()
    {
        var reply = await bot.RunAsync("ask", ("question", SharedQuestion), ("story", "no-such-story"));

        Assert.True(reply.IsError);
        Assert.Contains("no-such-story", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_with_words_that_match_both_stories_asks_for_more_of_the_name()
    {
        // Both file names start with digits and an underscore.
        var reply = await bot.RunAsync("ask", ("question", SharedQuestion), ("story", "_"));

        Assert.True(reply.IsError);
        Assert.Contains("More than one story", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_story_option_completes_from_words_of_the_title()
    {
        var choices = await bot.Dispatcher.CompleteAsync("ask", "story", "battery", CancellationToken.None);

        Assert.Equal([Northwind], choices);
        Assert.Equal(2, (await bot.Dispatcher.CompleteAsync("ask", "story", string.Empty, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Speaker_choices_are_narrowed_to_the_story_already_chosen()
    {
        var everyone = await bot.Dispatcher.CompleteAsync("whosaid", "speaker", string.Empty, CancellationToken.None);
        var request = CommandRequest.Create("whosaid", ("story", Northwind));

        var narrowed = await bot.Dispatcher.CompleteAsync(request, "speaker", string.Empty, CancellationToken.None);

        var northwindSpeakers = (await AllPagesAsync("whosaid", ("story", Northwind))).Select(c => c.Label).ToHashSet();
        Assert.NotEmpty(narrowed);
        Assert.True(narrowed.Count < everyone.Count);
        Assert.All(narrowed, name => Assert.Contains(name, northwindSpeakers));
        Assert.Contains("Steve Witkoff", everyone);
        Assert.DoesNotContain("Steve Witkoff", narrowed);
    }

    [Fact]
    public async Task Speaker_choices_ignore_a_story_still_being_typed()
    {
        var everyone = await bot.Dispatcher.CompleteAsync("whosaid", "speaker", string.Empty, CancellationToken.None);

        var choices = await bot.Dispatcher.CompleteAsync(CommandRequest.Create("whosaid", ("story", "no-such")), "speaker", string.Empty, CancellationToken.None);

        Assert.Equal(everyone, choices);
    }

    [Theory]
    [InlineData("whosaid")]
    [InlineData("facts")]
    [InlineData("people")]
    [InlineData("timeline")]
    [InlineData("summary")]
    public async Task Story_commands_list_only_the_chosen_storys_sentences_on_every_page(string command)
    {
        var library = await AllPagesAsync(command);
        Assert.Contains(library, c => c.Story == Gaza);
        Assert.Contains(library, c => c.Story == Northwind);

        var scoped = await AllPagesAsync(command, ("story", "battery"));

        // Everything the library lists from the story, and nothing else (/facts lists a fact both stories state once,
        // under the story that comes first, so the story alone may list a little more).
        var listed = scoped.Select(c => (c.Text, c.Paragraph, c.Label)).ToHashSet();
        Assert.All(library.Where(c => c.Story == Northwind), c => Assert.Contains((c.Text, c.Paragraph, c.Label), listed));
        Assert.All(scoped, c => Assert.Equal(Northwind, c.Story));
    }

    [Fact]
    public async Task Quote_with_another_story_finds_nobody()
    {
        var everywhere = await bot.RunAsync("quote", ("phrase", "finish the job in Gaza"));
        Assert.Equal(ReplyKind.Answer, everywhere.Kind);

        var elsewhere = await bot.RunAsync("quote", ("phrase", "finish the job in Gaza"), ("story", Northwind));

        Assert.Equal(ReplyKind.NotFound, elsewhere.Kind);
    }

    /// <summary>The citations of every page of a command's reply.</summary>
    private async Task<List<Citation>> AllPagesAsync(string command, params (string Name, string Value)[] options)
    {
        var citations = new List<Citation>();
        for (var page = 0; ; page++)
        {
            var reply = await bot.RunAsync(command, page, options);
            citations.AddRange(reply.Citations);
            if (reply.Page is not { HasNext: true })
            {
                return citations;
            }
        }
    }
}
