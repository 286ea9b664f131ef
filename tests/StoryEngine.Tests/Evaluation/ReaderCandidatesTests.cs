using StoryEngine.Evaluation;
using StoryEngine.Tests.Search;

namespace StoryEngine.Tests.Evaluation;

/// <summary>What <c>BotHost reader-data</c> writes for training a sentence reader: each question with its ranked candidates.</summary>
public sealed class ReaderCandidatesTests
{
    private static readonly string SquadSample = Path.Combine(StoriesFixture.FixturesFolder, "questions", "squad-sample.json");

    [Fact]
    public void Every_question_comes_with_at_most_the_asked_number_of_candidates_in_ranking_order()
    {
        var questions = ReaderCandidates.Collect(SquadSample, news: null, encoder: null, top: 3).ToList();

        Assert.Equal(5, questions.Count);
        Assert.All(questions, q =>
        {
            Assert.InRange(q.Candidates.Count, 1, 3);
            Assert.Equal(q.Candidates.OrderByDescending(c => c.Score).Select(c => c.Sentence), q.Candidates.Select(c => c.Sentence));
        });
    }

    [Fact]
    public void A_candidate_is_gold_only_when_it_holds_an_answer_of_an_answerable_question()
    {
        var questions = ReaderCandidates.Collect(SquadSample, news: null, encoder: null, top: 5).ToList();

        var impossible = Assert.Single(questions, q => !q.Answerable);
        Assert.DoesNotContain(impossible.Candidates, c => c.Gold);
        var opened = Assert.Single(questions, q => q.Question.Contains("what year", StringComparison.Ordinal));
        Assert.All(opened.Candidates, c => Assert.Equal(c.Sentence.Contains("1932", StringComparison.Ordinal), c.Gold));
        Assert.Contains(opened.Candidates, c => c.Gold);
    }
}
