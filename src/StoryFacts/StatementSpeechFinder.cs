using StoryEngine;
using StoryEngine.Reading;

namespace StoryFacts;

/// <summary>
/// Tells the answerer who speaks in which sentence, from the same who-said-what rules as <c>/whosaid</c>: the
/// speaker's name, and the roles the story gives them ("a spokeswoman for Gore's campaign"), because readers ask
/// about people by their role more often than by name. This one analyses each story it is given; the bot's
/// <see cref="StoryFactsService"/> answers the same from the fact sheets it caches for <c>/whosaid</c>.
/// </summary>
public sealed class StatementSpeechFinder : ISpeechFinder
{
    public IReadOnlyList<SpeechInSentence> Find(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return From(StoryAnalyzer.Analyze(story));
    }

    /// <summary>The statements of a fact sheet as the answerer reads them.</summary>
    internal static IReadOnlyList<SpeechInSentence> From(StoryFactSheet sheet)
    {
        var roles = sheet.People
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(' ', g.SelectMany(p => p.Roles).Distinct(StringComparer.Ordinal)), StringComparer.Ordinal);
        return [.. sheet.Statements.Select(s => new SpeechInSentence(
            s.Sentence.Position,
            s.Speaker,
            string.Join(' ', new[] { s.SpeakerAsWritten, roles.GetValueOrDefault(s.Speaker) }.Where(t => !string.IsNullOrEmpty(t)))))];
    }
}
