using StoryEngine.Ingest;

namespace StoryFacts.Tests;

/// <summary>A few lines of news written in a test, read as a story under a title line, as the rule tests need them.</summary>
internal static class ArticleText
{
    public static IReadOnlyList<Statement> Extract(string text) => StoryAnalyzer.Statements(Parse(text));

    public static StoryFactSheet Analyze(string text) => StoryAnalyzer.Analyze(Parse(text));

    public static IReadOnlyList<PronounDecision> PronounDecisions(string text, PronounWeights? weights = null) => StoryAnalyzer.PronounDecisions(Parse(text), weights);

    public static StoryEngine.Story Parse(string text) => StoryParser.Parse("t.txt", "Title line\n" + text);
}
