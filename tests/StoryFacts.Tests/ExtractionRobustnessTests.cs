using StoryEngine.Ingest;

namespace StoryFacts.Tests;

/// <summary>
/// The rules index into token lists in many places; these reshape every labelled article (paragraphs merged, every
/// sentence its own paragraph, the text cut off at many points) and require the analysis to finish without throwing.
/// </summary>
public sealed class ExtractionRobustnessTests
{
    public static TheoryData<string> Articles()
    {
        var data = new TheoryData<string>();
        foreach (var path in StatementScorer.LabelFiles())
        {
            var article = StatementScorer.ReadLabels(path).Article;
            if (File.Exists(StatementScorer.FixturePath("statements", article)))
            {
                data.Add(article);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void Reshaped_and_truncated_articles_are_analysed_without_errors(string article)
    {
        var raw = File.ReadAllText(StatementScorer.FixturePath("statements", article));
        var lines = raw.Split('\n');
        var variants = new List<string>
        {
            lines[0] + "\n" + string.Join(' ', lines.Skip(1)),
            lines[0] + "\n" + string.Join('\n', lines.Skip(1).SelectMany(l => l.Split(". ", StringSplitOptions.RemoveEmptyEntries))),
        };
        for (var cut = 40; cut < raw.Length; cut += 173)
        {
            variants.Add(raw[..cut]);
        }

        foreach (var text in variants)
        {
            var sheet = StoryAnalyzer.Analyze(StoryParser.Parse(article, text));
            Assert.All(sheet.Statements, s => Assert.False(string.IsNullOrWhiteSpace(s.Speaker)));
        }
    }
}
