using StoryEngine.Search;
using StoryEngine.Tests.Hosting;

namespace StoryEngine.Tests.Search;

/// <summary>Asking within one story: the seed story (Gaza ceasefire talks) and the Northwind battery plant story share words ("agreement", "leaders", "people", "state").</summary>
public sealed class StoryScopeTests(StoriesFixture fixture) : IClassFixture<StoriesFixture>
{
    private const string Gaza = "000_7788cec921cb3b17.txt";
    private const string Northwind = "001_northwind_battery_plant.txt";

    // Keeps every candidate, so the library-wide ranking shows both stories when the question's words are in both.
    private readonly QuestionAnswerer _everything = new(fixture.Index, settings: new RankingSettings { MinRelativeLikelihood = 0 });

    [Theory]
    [InlineData("What did the leaders say about the agreement?", Gaza)]
    [InlineData("What did the leaders say about the agreement?", Northwind)]
    [InlineData("How many people will the state help?", Gaza)]
    [InlineData("How many people will the state help?", Northwind)]
    public void Asking_within_a_story_never_answers_from_another_story(string question, string story)
    {
        // The question's words are in both stories, so either could answer it.
        Assert.All(fixture.Stories, s => Assert.Contains("people", string.Join(' ', s.Paragraphs.Select(p => p.Text)), StringComparison.OrdinalIgnoreCase));

        var scoped = _everything.Ask(question, top: QuestionAnswerer.MaxTop, story: story);

        Assert.False(scoped.Abstained);
        Assert.NotEmpty(scoped.Answers);
        Assert.All(scoped.Answers, a => Assert.Equal(story, a.Sentence.Story));
    }

    [Theory]
    [InlineData("What did the leaders say about the agreement?")]
    [InlineData("How many people will the state help?")]
    [InlineData("Who is the Middle East envoy?")]
    [InlineData("Where will Northwind build its plant?")]
    [InlineData("How much will the plant cost?")]
    public void A_library_answers_from_one_story_exactly_as_that_story_served_alone(string question)
    {
        var library = _everything.Ask(question, top: QuestionAnswerer.MaxTop);
        Assert.False(library.Abstained);
        var story = library.Answers[0].Sentence.Story;

        using var alone = StoryIndex.Build([fixture.Stories.Single(s => s.Id == story)]);
        var expected = new QuestionAnswerer(alone, settings: _everything.Settings).Ask(question, top: QuestionAnswerer.MaxTop);

        Assert.Equal(
            expected.Answers.Select(a => (a.Sentence, a.Score, a.ShortAnswer)),
            library.Answers.Take(expected.Answers.Count).Select(a => (a.Sentence, a.Score, a.ShortAnswer)));

        // What room is left goes to the other stories, so a question that fits both still shows both.
        Assert.All(library.Answers.Skip(expected.Answers.Count), a => Assert.NotEqual(story, a.Sentence.Story));
    }

    [Fact]
    public void By_meaning_a_library_answers_as_the_story_alone_without_encoding_anything_again()
    {
        const string Question = "What did the leaders say about the agreement?";
        var encoder = new CountingTextEncoder();
        using var library = StoryIndex.Build(fixture.Stories, encoder);
        var encodedByBuild = encoder.Passages.Count;
        var settings = new RankingSettings { MinRelativeLikelihood = 0, WordsSureAt = 2 }; // always ranked by meaning

        var answer = new QuestionAnswerer(library, settings: settings).Ask(Question, top: 5);

        // The story alone reads the library's sentence and paragraph vectors, and the question's, encoded once.
        Assert.Equal(encodedByBuild, encoder.Passages.Count);
        Assert.Equal(1, encoder.Questions);
        using var alone = StoryIndex.Build([fixture.Stories.Single(s => s.Id == answer.Answers[0].Sentence.Story)], new CountingTextEncoder());
        var expected = new QuestionAnswerer(alone, settings: settings).Ask(Question, top: 5);
        Assert.Equal(expected.Answers.Select(a => (a.Sentence, a.Score)), answer.Answers.Take(expected.Answers.Count).Select(a => (a.Sentence, a.Score)));
    }

    [Theory]
    [InlineData(Gaza)]
    [InlineData(Northwind)]
    public void A_named_story_answers_exactly_as_if_it_were_served_alone(string story)
    {
        const string Question = "What did the leaders say about the agreement?";
        using var alone = StoryIndex.Build([fixture.Stories.Single(s => s.Id == story)]);
        var expected = new QuestionAnswerer(alone, settings: _everything.Settings).Ask(Question, top: 5);

        var scoped = _everything.Ask(Question, top: 5, story: story);

        Assert.Equal(expected.Answers.Select(a => (a.Sentence, a.Score)), scoped.Answers.Select(a => (a.Sentence, a.Score)));
    }

    [Fact]
    public void A_story_is_searched_for_its_own_best_sentences_not_what_is_left_of_the_librarys_best()
    {
        // The library's best few for a question about the ceasefire are all the seed story's; filtering them to
        // the Northwind story would leave nothing, while ranking within it finds its sentence about an agreement.
        const string Question = "What agreement did the leaders reach on the ceasefire?";
        var library = fixture.Answerer.Ask(Question, top: 3);
        Assert.All(library.Answers, a => Assert.Equal(Gaza, a.Sentence.Story));

        var scoped = fixture.Answerer.Ask(Question, top: 3, story: Northwind);

        Assert.NotEmpty(scoped.Answers);
        Assert.All(scoped.Answers, a => Assert.Equal(Northwind, a.Sentence.Story));
    }

    [Fact]
    public void Without_a_story_the_answers_are_the_same_as_before_the_option_existed()
    {
        foreach (var question in new[] { "Who is the Middle East envoy?", "Where will Northwind build its plant?", "What agreement did the leaders reach?" })
        {
            var plain = fixture.Answerer.Ask(question, 5);
            var unscoped = fixture.Answerer.Ask(question, 5, story: null);

            Assert.Equal(plain.Answers.Select(a => (a.Sentence, a.Score)), unscoped.Answers.Select(a => (a.Sentence, a.Score)));
        }
    }

    [Theory]
    [InlineData("no-such-story.txt")]
    [InlineData("000_7788CEC921CB3B17.TXT")]
    public void A_story_the_index_does_not_hold_answers_nothing(string story)
    {
        var result = fixture.Answerer.Ask("Who is the Middle East envoy?", story: story);

        Assert.True(result.Abstained);
        Assert.False(result.IsRejected);
        Assert.Empty(result.Answers);
    }

    [Fact]
    public void An_empty_question_is_still_rejected_whatever_the_story()
    {
        Assert.True(fixture.Answerer.Ask("  ", story: "no-such-story.txt").IsRejected);
    }
}
