namespace StoryEngine.Reading;

/// <summary>
/// Who speaks in a story's sentences, for the answerer: "what did the governor say about the vote?" is answered by
/// a sentence in which the governor speaks, whether the sentence names him or calls him "he". The engine knows no
/// speech rules; who-said-what (StoryFacts) implements this. Implementations must be safe to call from several threads.
/// </summary>
public interface ISpeechFinder
{
    /// <summary>Every statement of <paramref name="story"/>: the sentence it starts in and its speaker.</summary>
    IReadOnlyList<SpeechInSentence> Find(Story story);
}

/// <param name="Position">The sentence's <see cref="Sentence.Position"/> in its story.</param>
/// <param name="Speaker">The speaker's name as resolved ("Jane Hutt").</param>
/// <param name="Description">How the story names or describes the speaker: the words of the attribution ("the health minister", "she") and the roles it gives them elsewhere, if known.</param>
public sealed record SpeechInSentence(int Position, string Speaker, string? Description);
