using StoryEngine.Ingest;
using StoryEngine.Search;

namespace StoryEngine.Tests.Search;

/// <summary>Behaviour the re-ranking features exist for, on small made-up stories rather than the fixtures.</summary>
public sealed class RankingFeatureTests
{
    private const string BridgeStory =
        "River crossing reopens\n\n" +
        "The new bridge over the river has been the town council's biggest project for a decade.\n" +
        "Council members said the bridge project ran over budget and the bridge design was changed twice.\n\n" +
        "After years of delay, the crossing finally opened to traffic on 12 March 2024.\n" +
        "Local shops along the river said trade had picked up since the bridge opened.";

    [Fact]
    public void A_when_question_prefers_the_sentence_that_holds_a_date_over_one_that_only_repeats_its_words()
    {
        using var index = StoryIndex.Build([StoryParser.Parse("bridge.txt", BridgeStory)]);
        var answerer = new QuestionAnswerer(index);

        var result = answerer.Ask("When did the bridge open to traffic?");

        Assert.False(result.Abstained);
        Assert.Contains("12 March 2024", result.Answers[0].Sentence.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_derived_word_in_the_question_counts_towards_a_sentence_with_its_stem_family()
    {
        const string text =
            "Budget day\n\n" +
            "The finance minister presented the budget to parliament on Tuesday.\n" +
            "Officials said the economy grew faster than forecast in the spring.\n" +
            "Opposition leaders said the budget favoured wealthy households.";
        using var index = StoryIndex.Build([StoryParser.Parse("budget.txt", text)]);
        var answerer = new QuestionAnswerer(index);

        var result = answerer.Ask("What did officials say about economic growth?");

        Assert.False(result.Abstained);
        Assert.Contains("economy grew", result.Answers[0].Sentence.Text, StringComparison.Ordinal);
    }
}
