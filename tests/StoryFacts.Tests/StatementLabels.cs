global using ArticleScore = StoryFacts.Evaluation.LabelledArticleScore;
global using LabelFile = StoryFacts.Evaluation.StatementLabelFile;
global using LabelledStatement = StoryFacts.Evaluation.LabelledStatement;
using StoryEngine;
using StoryEngine.Ingest;
using StoryFacts.Evaluation;

namespace StoryFacts.Tests;

/// <summary>The labelled fixtures beside the test assembly, scored by <see cref="LabelledStatementScorer"/> (the code BotHost eval-whosaid runs).</summary>
internal static class StatementScorer
{
    public static string FixturePath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static Story LoadStory(string relativePath)
    {
        var path = Path.GetFullPath(FixturePath("statements", relativePath));
        return StoryParser.Parse(Path.GetFileName(path), File.ReadAllText(path));
    }

    public static IReadOnlyList<string> LabelFiles() => LabelledStatementScorer.LabelFiles(FixturePath("statements"));

    public static LabelFile ReadLabels(string path) => LabelledStatementScorer.ReadLabels(path);

    public static ArticleScore Score(string labelPath) => LabelledStatementScorer.Score(labelPath);

    public static ArticleScore Score(LabelFile labels, Story story) => LabelledStatementScorer.Score(labels, story);

    public static string NormaliseSpeaker(string name) => LabelledStatementScorer.NormaliseSpeaker(name);
}
