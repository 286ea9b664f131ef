using StoryEngine.Search;

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
        var library = _everything.Ask(question, top: QuestionAnswerer.MaxTop);
        Assert.Contains(library.Answers, a => a.Sentence.Story == Gaza);
        Assert.Contains(library.Answers, a => a.Sentence.Story == Northwind);

        var scoped = _everything.Ask(question, top: QuestionAnswerer.MaxTop, story: story);

        Assert.False(scoped.Abstained);
        Assert.NotEmpty(scoped.Answers);
        Assert.All(scoped.Answers, a => Assert.Equal(story, a.Sentence.Story));
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
