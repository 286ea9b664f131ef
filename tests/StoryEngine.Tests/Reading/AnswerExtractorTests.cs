using StoryEngine.Reading;

namespace StoryEngine.Tests.Reading;

/// <summary>The short answer inside a sentence (invented sentences and questions).</summary>
public sealed class AnswerExtractorTests
{
    [Theory]
    [InlineData("How much did the town pay for the statue?", "The town paid £80,000 for the statue in 2012, the clerk said.", "£80,000")]
    [InlineData("When was the statue unveiled?", "The statue, which cost £80,000, was unveiled in May 2013.", "May 2013")]
    [InlineData("How old was the sculptor?", "Its sculptor, Rhona Pike, was 71.", "71")]
    [InlineData("Who carved the statue?", "The statue was carved by Rhona Pike over two winters.", "Rhona Pike")]
    [InlineData("What percentage of residents liked it?", "A poll found 64 percent of residents liked the statue.", "64 percent")]
    [InlineData("How long did the carving take?", "The carving took 14 months in a barn near Ely.", "14 months")]
    public void The_answer_is_the_mention_of_the_wanted_kind(string question, string sentence, string expected)
    {
        var answer = AnswerExtractor.Extract(sentence, QuestionAnalysis.Of(question));

        Assert.NotNull(answer.Span);
        Assert.Equal(expected, answer.Span.Value.TextOf(sentence));
    }

    [Fact]
    public void A_number_the_question_already_gives_is_not_the_answer()
    {
        const string sentence = "Of the 300 runners who started in 2019, 212 finished.";

        var answer = AnswerExtractor.Extract(sentence, QuestionAnalysis.Of("How many of the 300 runners finished?"));

        Assert.Equal("212", answer.Span?.TextOf(sentence));
    }

    [Fact]
    public void Of_two_mentions_of_the_wanted_kind_the_one_beside_the_question_words_wins()
    {
        const string sentence = "The club, founded in 1887, moved to its new ground in 1994.";

        var answer = AnswerExtractor.Extract(sentence, QuestionAnalysis.Of("When did the club move to the new ground?"));

        Assert.Equal("1994", answer.Span?.TextOf(sentence));
        Assert.True(answer.Near);
    }

    [Fact]
    public void An_open_question_gets_no_short_answer()
    {
        var answer = AnswerExtractor.Extract("The club moved in 1994.", QuestionAnalysis.Of("What happened to the club?"));

        Assert.Null(answer.Span);
    }

    [Fact]
    public void A_sentence_without_the_wanted_kind_gives_no_answer()
    {
        var answer = AnswerExtractor.Extract("The club moved to a bigger ground.", QuestionAnalysis.Of("How much did the move cost?"));

        Assert.Null(answer.Span);
    }

    [Fact]
    public void A_who_question_takes_the_name_after_the_role_not_the_possessive_before_it()
    {
        const string sentence = "The talks follow advice from Canada's Arctic Council envoy, Marie Dubois, who said one issue remains.";

        var answer = AnswerExtractor.Extract(sentence, QuestionAnalysis.Of("Who is the envoy?"));

        Assert.Equal("Marie Dubois", answer.Span?.TextOf(sentence));
    }

    [Theory]
    [InlineData("Tomas Reyes, hired from a rival bank as Harbor Mutual's chief executive, starts in June.")]
    [InlineData("Tomas Reyes, hired by the Portuguese board as its chief executive, starts in June.")]
    public void A_who_question_skips_the_owner_of_the_role_and_a_name_that_only_qualifies_a_noun(string sentence)
    {
        // "Harbor Mutual's chief executive" is whose; "the Portuguese board" is which board.
        var answer = AnswerExtractor.Extract(sentence, QuestionAnalysis.Of("Who is the chief executive?"));

        Assert.Equal("Tomas Reyes", answer.Span?.TextOf(sentence));
    }
}
