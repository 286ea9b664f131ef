namespace StoryEngine.Search;

/// <summary>
/// Reads a question together with each candidate sentence (a cross-encoder) and scores how well the sentence
/// answers it, where the ranking's features see the two apart. Optional, like the sentence vectors it comes with
/// (<see cref="ITextEncoder.Reader"/>). Implementations must be safe to call from several threads.
/// </summary>
public interface ISentenceReader
{
    /// <summary>Identifies the trained weights, for reports.</summary>
    string Identity { get; }

    /// <summary>
    /// The logit of "no sentence here answers it": with the sentences' logits it makes a softmax whose last share
    /// is the reader's probability that the question has no answer among them.
    /// </summary>
    float NoAnswer { get; }

    /// <summary>One logit per sentence, in order.</summary>
    float[] Read(string question, IReadOnlyList<string> sentences, CancellationToken cancellationToken = default);
}
