using StoryEngine.Ingest;
using StoryFacts.Evaluation;

namespace StoryFacts.Tests;

/// <summary>
/// The scorer behind <c>BotHost eval-whosaid</c>, which reports the labelled articles' figures (issue 11: figures in an
/// eval report, not floors in a test). Each article's exact output is pinned by its golden whosaid snapshot instead.
/// </summary>
public sealed class StatementScoringTests
{
    private static readonly string Article =
        "Title line\n\nMayor Ines Caldera said the pier would reopen in May.\n\"We are ready,\" said Tomas Wren, the harbour master.";

    [Fact]
    public void A_statement_matches_a_label_only_when_speaker_and_text_agree()
    {
        var labels = new LabelFile("t.txt",
        [
            new LabelledStatement("Ines Caldera", "the pier would reopen in May", "indirect", null),
            new LabelledStatement("Ines Caldera", "We are ready", "direct", null),
            new LabelledStatement("Rufus Penhale", "the ferry is late", "indirect", null),
        ]);

        var score = LabelledStatementScorer.Score(labels, StoryParser.Parse("t.txt", Article));

        Assert.Equal((3, 2, 1, 2, 1), (score.Labelled, score.Extracted, score.Matched, score.TextMatched, score.SpeakerRight));
        Assert.Equal(["[Ines Caldera] We are ready", "[Rufus Penhale] the ferry is late"], score.Misses);
        Assert.Equal(["[Tomas Wren] (Direct, said) We are ready"], score.Spurious);
        Assert.Equal(0.5, score.Precision);
        Assert.Equal(0.5, score.SpeakerAccuracy);
    }

    [Fact]
    public void Speaker_names_match_without_case_a_leading_article_or_a_possessive_and_by_alias()
    {
        var label = new LabelledStatement("The Harbour Board's", "x", "indirect", ["Penhale Ports"]);

        Assert.True(LabelledStatementScorer.SpeakerMatches("harbour board", label));
        Assert.True(LabelledStatementScorer.SpeakerMatches("penhale ports", label));
        Assert.False(LabelledStatementScorer.SpeakerMatches("the harbour", label));
    }

    [Fact]
    public void Texts_match_from_half_their_words_up()
    {
        Assert.Equal(1, LabelledStatementScorer.TokenF1("The pier will reopen.", "the pier will reopen"));
        Assert.True(LabelledStatementScorer.TokenF1("the pier will reopen in May", "the pier") >= LabelledStatementScorer.MinimumTokenF1);
        Assert.True(LabelledStatementScorer.TokenF1("the pier will reopen in May after repairs", "pier") < LabelledStatementScorer.MinimumTokenF1);
    }

    [Fact]
    public void Every_label_file_names_an_article_beside_it()
    {
        var files = StatementScorer.LabelFiles();

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(File.Exists(StatementScorer.FixturePath("statements", StatementScorer.ReadLabels(f).Article)), f));
    }

    [Fact]
    public void A_file_that_is_not_labels_is_refused_by_name()
    {
        var path = Path.Combine(Path.GetTempPath(), "not-labels-" + Guid.NewGuid().ToString("N") + ".labels.json");
        File.WriteAllText(path, "{ \"article\": ");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => LabelledStatementScorer.ReadLabels(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
