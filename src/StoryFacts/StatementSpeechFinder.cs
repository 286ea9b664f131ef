using StoryEngine;
using StoryEngine.Reading;

namespace StoryFacts;

/// <summary>
/// Tells the answerer who speaks in which sentence, from the same who-said-what rules as <c>/whosaid</c>: the
/// speaker's name, and the roles the story gives them ("a spokeswoman for Gore's campaign"), because readers ask
/// about people by their role more often than by name.
/// </summary>
public sealed class StatementSpeechFinder : ISpeechFinder
{
    public IReadOnlyList<SpeechInSentence> Find(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var sheet = StoryAnalyzer.Analyze(story);
        var roles = sheet.People
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(' ', g.SelectMany(p => p.Roles).Distinct(StringComparer.Ordinal)), StringComparer.Ordinal);
        return [.. sheet.Statements.Select(s => new SpeechInSentence(
            s.Sentence.Position,
            s.Speaker,
            string.Join(' ', new[] { s.SpeakerAsWritten, roles.GetValueOrDefault(s.Speaker) }.Where(t => !string.IsNullOrEmpty(t)))))];
    }
}
