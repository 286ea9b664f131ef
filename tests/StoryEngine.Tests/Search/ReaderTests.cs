using StoryEngine.Ingest;
using StoryEngine.Search;

namespace StoryEngine.Tests.Search;

/// <summary>What the reader adds to the ranking, on invented stories: the title rule and the short answer.</summary>
public sealed class ReaderTests
{
    private const string FerryStory =
        "Island ferry fare rises to £12\n\n" +
        "The island ferry company said on Monday that it would raise the adult fare.\n" +
        "From April the adult fare for the crossing will be £12, up from £9.50, the company said.\n\n" +
        "Islanders said the ferry was their only link to the mainland hospital.";

    [Fact]
    public void The_title_is_never_given_as_an_answer_even_when_it_repeats_the_question()
    {
        using var index = StoryIndex.Build([StoryParser.Parse("ferry.txt", FerryStory)]);
        var answerer = new QuestionAnswerer(index);

        var result = answerer.Ask("How much is the island ferry fare?", top: 5);

        Assert.False(result.Abstained);
        Assert.DoesNotContain(result.Answers, a => a.Sentence.Paragraph == 1);
    }

    [Fact]
    public void An_answer_carries_the_amount_that_answers_a_how_much_question()
    {
        using var index = StoryIndex.Build([StoryParser.Parse("ferry.txt", FerryStory)]);
        var answerer = new QuestionAnswerer(index);

        var result = answerer.Ask("How much will the adult fare for the crossing be?");

        Assert.Contains("£12", result.Answers[0].Sentence.Text, StringComparison.Ordinal);
        Assert.Equal("£12", result.Answers[0].ShortAnswerText);
    }

    [Fact]
    public void An_open_question_has_no_short_answer()
    {
        using var index = StoryIndex.Build([StoryParser.Parse("ferry.txt", FerryStory)]);
        var answerer = new QuestionAnswerer(index);

        var result = answerer.Ask("What do islanders think of the ferry?");

        Assert.All(result.Answers, a => Assert.Null(a.ShortAnswer));
    }

    [Fact]
    public void A_story_of_one_line_still_answers_from_that_line()
    {
        using var index = StoryIndex.Build([StoryParser.Parse("note.txt", "The ferry fare will rise to £12 in April.")]);
        var answerer = new QuestionAnswerer(index);

        var result = answerer.Ask("How much will the ferry fare rise to?");

        Assert.False(result.Abstained);
        Assert.Equal("£12", result.Answers[0].ShortAnswerText);
    }

    [Fact]
    public void A_first_line_of_several_sentences_is_a_lead_without_a_headline_and_can_answer()
    {
        const string text =
            "The island ferry company will raise the adult fare to £12 from April. Islanders called the rise unfair.\n\n" +
            "The company said fuel costs had doubled since last winter.";
        using var index = StoryIndex.Build([StoryParser.Parse("ferry-lead.txt", text)]);
        var answerer = new QuestionAnswerer(index);

        var result = answerer.Ask("How much will the adult ferry fare be from April?");

        Assert.False(result.Abstained);
        Assert.Equal(1, result.Answers[0].Sentence.Paragraph);
    }
}
