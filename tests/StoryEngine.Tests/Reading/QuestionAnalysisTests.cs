using StoryEngine.Reading;

namespace StoryEngine.Tests.Reading;

/// <summary>The kind of answer a question wants, per kind of wording (invented questions).</summary>
public sealed class QuestionAnalysisTests
{
    [Theory]
    [InlineData("How old was the lighthouse keeper when she retired?", AnswerType.Age)]
    [InlineData("how many ferries run on sundays", AnswerType.Count)]
    [InlineData("How much did the council spend on the new library?", AnswerType.Money)]
    [InlineData("How much snow fell overnight?", AnswerType.Count)]
    [InlineData("How much will the new stand hold?", AnswerType.Amount)]
    [InlineData("How much is the entry fee?", AnswerType.Money)]
    [InlineData("What percentage of members backed the strike?", AnswerType.Percentage)]
    [InlineData("What share of the vote did the mayor win?", AnswerType.Percentage)]
    [InlineData("How long did the siege last?", AnswerType.Duration)]
    [InlineData("How far did the kite drift out to sea?", AnswerType.Measure)]
    [InlineData("how fast was the lorry going", AnswerType.Measure)]
    [InlineData("How far back do the parish records go?", AnswerType.Duration)]
    [InlineData("When will the museum reopen?", AnswerType.Date)]
    [InlineData("Which years did the drought hit hardest?", AnswerType.Date)]
    [InlineData("Who replaced the head coach?", AnswerType.Person)]
    [InlineData("Which newspaper first reported the leak?", AnswerType.Organisation)]
    [InlineData("Where did the yacht run aground?", AnswerType.Place)]
    [InlineData("What did the harbour master say about the storm?", AnswerType.Speech)]
    [InlineData("How did the union react to the offer?", AnswerType.Speech)]
    [InlineData("Who said the plan was reckless?", AnswerType.Speech)]
    [InlineData("Why did the bakery close early?", AnswerType.Reason)]
    [InlineData("Did the referee check the replay?", AnswerType.YesNo)]
    [InlineData("Is the bridge safe to cross?", AnswerType.YesNo)]
    [InlineData("What happened to the missing painting?", AnswerType.Other)]
    public void The_wording_of_a_question_names_the_kind_of_answer_it_wants(string question, AnswerType expected) =>
        Assert.Equal(expected, QuestionAnalysis.Of(question).Type);

    [Fact]
    public void A_question_word_later_in_the_question_does_not_outrank_the_first_one() =>
        // "when" inside the question is part of what it asks about; "how old" opens it.
        Assert.Equal(AnswerType.Age, QuestionAnalysis.Of("How old was the skipper when the boat sank?").Type);

    [Fact]
    public void A_mention_that_repeats_a_word_of_the_question_is_not_new()
    {
        const string sentence = "The festival drew 40,000 visitors to Harlow in 2019.";
        var analysis = QuestionAnalysis.Of("How many visitors came to Harlow in 2019?");
        var mentions = MentionFinder.Find(sentence);

        Assert.False(analysis.IsNew(sentence, mentions.Single(m => m.TextOf(sentence) == "Harlow")));
        Assert.True(analysis.IsNew(sentence, mentions.Single(m => m.TextOf(sentence) == "40,000")));
    }
}
