using StoryEngine;

namespace StoryFacts;

/// <summary>Runs every extractor over one story. Pure and deterministic: the same story always gives the same facts.</summary>
public static class StoryAnalyzer
{
    /// <summary>Who said what in the story, in reading order.</summary>
    public static IReadOnlyList<Statement> Statements(Story story) => Analyze(story).Statements;

    public static StoryFactSheet Analyze(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var paragraphs = story.Paragraphs.Select((p, i) => new ParagraphModel(i, p)).ToList();
        var registry = new EntityRegistry();
        var mentions = NameFinder.Collect(paragraphs, registry);
        var statements = new StatementExtractor(paragraphs, registry, mentions).Extract();
        return new StoryFactSheet(story, statements);
    }
}

/// <summary>Everything extracted from one story.</summary>
public sealed record StoryFactSheet(Story Story, IReadOnlyList<Statement> Statements);
