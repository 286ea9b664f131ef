using StoryFacts.Evaluation;

namespace StoryFacts.Tests;

/// <summary>
/// The scorer behind <c>BotHost eval-facts</c>, which reports the labelled articles' key-fact figures (issue 11: figures
/// in an eval report, not floors in a test). Each article's exact facts are pinned by its golden facts snapshot.
/// </summary>
public sealed class FactsScoringTests
{
    private static string Facts => StatementScorer.FixturePath("facts");

    private static string Fixtures => StatementScorer.FixturePath();

    [Fact]
    public void Every_label_file_names_an_article_and_scores_every_kind()
    {
        var files = LabelledFactsScorer.LabelFiles(Facts);

        Assert.NotEmpty(files);
        Assert.All(files, f =>
        {
            var score = LabelledFactsScorer.Score(f, Fixtures, StatementScorer.FixturePath("seeds"));
            Assert.Equal(LabelledFactsScorer.KindNames.Order(StringComparer.Ordinal), score.Kinds.Keys.Order(StringComparer.Ordinal));
        });
    }

    [Fact]
    public void A_labelled_article_scores_its_misses_and_extras_by_kind()
    {
        var folder = Directory.CreateTempSubdirectory("facts-labels-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "stories"));
            File.WriteAllText(Path.Combine(folder, "stories", "pier.txt"), "Pier news\n\nMayor Ines Caldera said on Tuesday that 40 boats would return to Port Eller.");
            var labels = Path.Combine(folder, "pier.facts.json");
            File.WriteAllText(labels, """
                { "article": "stories/pier.txt", "labelledBeforeExtraction": true,
                  "people": [ { "name": "Ines Caldera", "roles": ["Mayor"] }, { "name": "Tomas Wren" } ],
                  "numbers": [ { "value": "40", "counts": "boats" } ],
                  "dates": [ "Tuesday" ], "places": [ "Port Eller" ], "organisations": [] }
                """);

            var score = LabelledFactsScorer.Score(labels, folder, folder);

            Assert.True(score.Blind);
            Assert.False(score.HeldOut);
            var people = score.Kinds["people+role"];
            Assert.Equal((2, 1), (people.Labelled, people.Matched));
            Assert.Contains(people.Misses, m => m.Contains("Tomas Wren", StringComparison.Ordinal));
            Assert.Equal(1, score.Kinds["numbers+counts"].Matched);
            Assert.Equal(1, score.Kinds["dates"].Matched);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Names_match_without_case_a_leading_the_or_a_possessive()
    {
        Assert.Equal(LabelledFactsScorer.Name("The Harbour Board's"), LabelledFactsScorer.Name("harbour board"));
        Assert.Equal("spokeswoman", LabelledFactsScorer.RoleHead("spokeswoman for the Harbour Board"));
    }

    [Fact]
    public void A_file_that_is_not_labels_is_refused_by_name()
    {
        var path = Path.Combine(Path.GetTempPath(), "not-facts-" + Guid.NewGuid().ToString("N") + ".facts.json");
        File.WriteAllText(path, "[ 1, 2");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => LabelledFactsScorer.Read(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
