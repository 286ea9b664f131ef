using StoryEngine.Ingest;

namespace StoryFacts.Tests;

/// <summary>The key-fact rules read every article in the fixtures without throwing and keep their output consistent.</summary>
public sealed class FactsRobustnessTests
{
    public static TheoryData<string> Articles()
    {
        var data = new TheoryData<string>();
        foreach (var dir in new[] { "statements", "stories", "seeds" })
        {
            var path = StatementScorer.FixturePath(dir);
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.GetFiles(path, "*.txt").Order(StringComparer.Ordinal))
                {
                    data.Add(Path.Combine(dir, Path.GetFileName(file)));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void Every_fixture_article_yields_well_formed_key_facts(string article)
    {
        var path = StatementScorer.FixturePath(article.Split(Path.DirectorySeparatorChar));
        var sheet = StoryAnalyzer.Analyze(StoryParser.Parse(Path.GetFileName(path), File.ReadAllText(path)));

        Assert.All(sheet.People, p => Assert.False(string.IsNullOrWhiteSpace(p.Name)));
        Assert.Equal(sheet.People.Count, sheet.People.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(sheet.Numbers, n => Assert.False(string.IsNullOrWhiteSpace(n.Counts)));
        Assert.All(sheet.PlacesAndOrganisations, e => Assert.False(string.IsNullOrWhiteSpace(e.Name)));
        Assert.Equal(Enumerable.Range(0, sheet.Timeline.Count), sheet.Timeline.Select(t => t.Order));
        Assert.All(sheet.Facts, f => Assert.Contains(f.Sentence, sheet.Story.Sentences));
    }
}
