using StoryEngine.Evaluation;
using StoryEngine.Search;

namespace StoryEngine.MiniLM.Tests;

/// <summary>
/// With sentence vectors and <see cref="RankingSettings.WordsSureAt"/> at or under 1, a question is ranked by words
/// first and encoded only when that ranking is unsure: the encoding is what makes an ask cost milliseconds. (The
/// shipped setting encodes every question; 0.7 is the setting measured for the faster path.)
/// </summary>
public sealed class WordsFirstRankingTests(MiniLmEncoderFixture fixture) : IClassFixture<MiniLmEncoderFixture>
{
    private static string[] OwnQuestions() =>
        [.. FixtureFiles.OwnQuestionFiles().SelectMany(f => EvalRunner.ReadQuestionFile(f).Questions.Select(q => q.Question))];

    private static readonly RankingSettings WordsFirst = new() { WordsSureAt = 0.7 };

    [Fact]
    public void A_question_the_words_answer_surely_is_never_encoded_and_keeps_the_word_answer()
    {
        var stories = FixtureFiles.AllStories();
        var encoder = new CountingEncoder(fixture.Encoder);
        using var byMeaning = StoryIndex.Build(stories, encoder);
        using var byWords = StoryIndex.Build(stories);
        var meaning = new QuestionAnswerer(byMeaning, settings: WordsFirst);
        var words = new QuestionAnswerer(byWords, settings: WordsFirst);

        int skipped = 0, encoded = 0;
        foreach (var question in OwnQuestions())
        {
            var before = encoder.Questions;
            var answer = meaning.Ask(question);
            if (encoder.Questions == before)
            {
                skipped++;
                Assert.Equal(Texts(words.Ask(question)), Texts(answer));
            }
            else
            {
                encoded++;
                Assert.Equal(before + 1, encoder.Questions);
            }
        }

        // Both paths must be taken for the test to say anything: most questions skip the model, some need it.
        Assert.True(skipped > encoded && encoded > 0, $"skipped {skipped}, encoded {encoded}");
    }

    [Theory]
    [InlineData("What is the capital of France?")]
    [InlineData("How do I bake sourdough bread?")]
    public void A_question_the_words_cannot_place_is_encoded_and_still_abstains(string question)
    {
        var encoder = new CountingEncoder(fixture.Encoder);
        using var index = StoryIndex.Build(FixtureFiles.AllStories(), encoder);

        var result = new QuestionAnswerer(index, settings: WordsFirst).Ask(question);

        Assert.Equal(1, encoder.Questions);
        Assert.True(result.Abstained);
    }

    [Fact]
    public void Above_one_every_question_is_encoded()
    {
        var encoder = new CountingEncoder(fixture.Encoder);
        using var index = StoryIndex.Build(FixtureFiles.AllStories(), encoder);
        var answerer = new QuestionAnswerer(index, settings: new RankingSettings { WordsSureAt = 1.01 });
        Assert.True(new RankingSettings().WordsSureAt > 1, "the shipped setting encodes every question");
        var questions = OwnQuestions();

        foreach (var question in questions)
        {
            answerer.Ask(question);
        }

        Assert.Equal(questions.Length, encoder.Questions);
    }

    private static string[] Texts(AskResult result) => [.. result.Answers.Select(a => a.Sentence.Text)];
}
