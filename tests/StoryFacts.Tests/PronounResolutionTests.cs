using static StoryFacts.Tests.ArticleText;

namespace StoryFacts.Tests;

/// <summary>
/// A speaking "he" or "she" picks its person by weighed features (issue 11; weights fitted on PolNeAR dev by
/// tools/speakers/fit_pronouns.py). Written fresh here, with invented names.
/// </summary>
public sealed class PronounResolutionTests
{
    [Fact]
    public void A_pronoun_never_refers_to_a_name_that_comes_after_it_in_its_sentence()
    {
        // The cue ("arguing") comes after "Mr. Ortiz", but "He" comes before him and cannot be him.
        var statements = Extract(
            "Mark Ortiz unveiled his plan in March.\n"
            + "Campaign chairman Paul Lamb met reporters on Monday.\n"
            + "He tried to distance Mr. Ortiz from the plan, arguing that the governor was now focused on the budget.");

        var statement = Assert.Single(statements);
        Assert.Equal(("Paul Lamb", "the governor was now focused on the budget"), (statement.Speaker, statement.Text));
    }

    [Fact]
    public void He_refers_to_the_subject_not_to_the_man_met_with()
    {
        var statements = Extract(
            "Councillor Brian Feeney met with Mayor Tom Aldridge on Monday to discuss the harbour budget.\n"
            + "\"The numbers simply do not add up,\" he said afterwards.");

        Assert.Equal("Brian Feeney", Assert.Single(statements).Speaker);
    }

    [Fact]
    public void A_given_name_the_curated_lists_lack_still_tells_whom_she_and_he_can_be()
    {
        // Neither name is in firstnames.txt; the derived list of usual sexes (given-name-sex.tsv) knows both.
        var she = Extract(
            "Imogen Keane presented the harbour budget on Monday.\n"
            + "Thaddeus Brill asked how the repairs would be paid for.\n"
            + "\"We cannot keep borrowing,\" she said.");
        Assert.Equal("Imogen Keane", Assert.Single(she).Speaker);

        var he = Extract(
            "Thaddeus Brill presented the harbour budget on Monday.\n"
            + "Imogen Keane asked how the repairs would be paid for.\n"
            + "\"We cannot keep borrowing,\" he said.");
        Assert.Equal("Thaddeus Brill", Assert.Single(he).Speaker);
    }

    [Fact]
    public void A_name_inside_the_quotation_is_not_who_he_is()
    {
        var statements = Extract(
            "Pastor Ike Renner spoke to a crowd of about 300 outside the shuttered mill.\n"
            + "\"Ask Walter Dunne what he ever did for this valley,\" he said.");

        Assert.Equal("Ike Renner", Assert.Single(statements).Speaker);
    }

    [Fact]
    public void She_skips_the_men_named_since_the_woman_who_spoke()
    {
        var statements = Extract(
            "Ms. Priya Lindqvist, the port authority's director, said the dredging would finish in June.\n"
            + "The contract went to a firm run by Gordon Hale and his brother Victor Hale.\n"
            + "She said the cost had not changed.");

        Assert.Contains(statements, s => s.Speaker == "Priya Lindqvist" && s.Text == "the cost had not changed");
    }

    [Fact]
    public void Each_decision_lists_every_candidate_with_every_feature_and_the_speaker_chosen()
    {
        var decisions = PronounDecisions(
            "Councillor Brian Feeney met with Mayor Tom Aldridge on Monday to discuss the harbour budget.\n"
            + "\"The numbers simply do not add up,\" he said afterwards.");

        var decision = Assert.Single(decisions);
        Assert.Equal("he", decision.Pronoun);
        Assert.Equal(3, decision.Paragraph);
        Assert.Contains("do not add up", decision.Sentence, StringComparison.Ordinal);
        Assert.Equal(["Brian Feeney", "Tom Aldridge"], decision.Candidates.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(decision.Candidates, c => Assert.Equal(Enum.GetNames<PronounFeature>().Order(StringComparer.Ordinal), c.Features.Keys.Order(StringComparer.Ordinal)));
        Assert.Equal(decision.Candidates[0].Name, decision.Chosen);
        Assert.True(decision.Candidates[0].Score >= decision.Candidates[1].Score);
    }

    [Fact]
    public void Other_weights_change_the_choice_and_nothing_else_reads_them()
    {
        const string text = "Councillor Brian Feeney met with Mayor Tom Aldridge on Monday to discuss the harbour budget.\n"
            + "\"The numbers simply do not add up,\" he said afterwards.";
        // Only the most recent mention counts: the mayor, named last.
        var recentOnly = new PronounWeights(new Dictionary<string, float> { [nameof(PronounFeature.MostRecent)] = 1 });

        Assert.Equal("Tom Aldridge", Assert.Single(PronounDecisions(text, recentOnly)).Chosen);
        Assert.Equal("Brian Feeney", Assert.Single(PronounDecisions(text)).Chosen);
    }

    [Fact]
    public void The_shipped_weights_name_only_known_features()
    {
        var weights = PronounWeights.Default;

        Assert.NotEmpty(weights.Weights);
        Assert.All(weights.Weights.Keys, k => Assert.True(Enum.IsDefined(typeof(PronounFeature), k) && Enum.TryParse<PronounFeature>(k, out _), k));
    }

    [Fact]
    public void Weights_naming_an_unknown_feature_are_refused()
    {
        var bad = new PronounWeights(new Dictionary<string, float> { ["ShoeSize"] = 1 });

        Assert.Throws<InvalidDataException>(() => PronounDecisions("Tom Aldridge arrived.\n\"Fine,\" he said.", bad));
    }
}
