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

    private const string ObservatoryStory =
        "Hilltop observatory turns 100\n\n" +
        "Visitors to the observatory on the ridge above the village can look through the old brass telescope on clear nights.\n\n" +
        "The observatory on the ridge above the village is the oldest in the region. " +
        "Its telescope was donated by a retired sea captain in 1924.\n\n" +
        "Guides said the village observatory had never closed for a full winter.";

    [Fact]
    public void A_sentence_that_continues_its_neighbour_counts_the_question_words_said_just_before_it()
    {
        using var index = StoryIndex.Build([StoryParser.Parse("observatory.txt", ObservatoryStory)]);
        var answerer = new QuestionAnswerer(index);

        var candidates = answerer.DescribeCandidates("Who donated the telescope of the observatory on the ridge above the village?");
        var donated = candidates.Single(c => index.Sentences[c.Ordinal].Sentence.Text.Contains("sea captain", StringComparison.Ordinal));

        Assert.True(donated.Features[(int)RankingFeature.PairCoverage] > donated.Features[(int)RankingFeature.SentenceCoverage]);
        Assert.Equal(1f, donated.Features[(int)RankingFeature.PairCoverage], 3);
    }

    [Fact]
    public void A_sentence_that_opens_with_the_question_subject_scores_its_lead_and_one_that_mentions_it_late_does_not()
    {
        const string text =
            "Ferry news\n\n" +
            "The Larkspur was a passenger ferry built in Norway that carried commuters across the sound for thirty years. " +
            "Most commuters on the route never knew the Larkspur had once been a cargo boat.";
        using var index = StoryIndex.Build([StoryParser.Parse("ferry.txt", text)]);
        var answerer = new QuestionAnswerer(index);

        var candidates = answerer.DescribeCandidates("What was the Larkspur?");
        float Lead(string words) => candidates
            .Single(c => index.Sentences[c.Ordinal].Sentence.Text.Contains(words, StringComparison.Ordinal))
            .Features[(int)RankingFeature.LeadCoverage];

        Assert.Equal(1f, Lead("passenger ferry"), 3);
        Assert.Equal(0f, Lead("cargo boat"), 3);
        Assert.Contains("passenger ferry", answerer.Ask("What was the Larkspur?").Answers[0].Sentence.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What is the population of the valley towns?", "Number")]
    [InlineData("What was the total cost of the new stadium?", "Number")]
    [InlineData("How tall is the lighthouse on the cape?", "Number")]
    [InlineData("Which famous painter lived in the mill house?", "Name")]
    [InlineData("What company makes the trains?", "Name")]
    [InlineData("In what season do the herds move north?", "Time")]
    [InlineData("What did the king order his soldiers to do?", "None")]
    [InlineData("What reason did the council give?", "None")]
    public void The_noun_a_what_or_which_question_asks_about_names_the_kind_of_answer(string question, string expected)
    {
        Assert.Equal(expected, QuestionKind.Of(question).ToString());
    }

    [Theory]
    [InlineData("The divers waited four hours for the tide to turn.", "hours")]
    [InlineData("The vote was delayed by ten days.", "days")]
    [InlineData("Paramedics arrived within minutes of the call.", "minutes")]
    public void Units_of_duration_count_as_time_so_how_long_questions_find_them(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);

        Assert.True((TokenKinds.Classify(text, at, word.Length) & TokenKind.Time) != 0);
    }
}
