namespace StoryEngine.Search;

/// <summary>
/// Turns text into unit-length vectors whose dot product says how close two meanings are, whatever words they use.
/// Optional: the index and the answerer work on words alone without one. A question and the passages it is matched
/// against are encoded apart because retrieval models may treat them differently (a query prefix, say).
/// Implementations must be safe to call from several threads.
/// </summary>
public interface ITextEncoder
{
    /// <summary>
    /// Names the model, everything that changes its vectors (text preparation, version) and their length, for
    /// passage vectors kept on disk (Stories:IndexPath): vectors are reused only by an encoder of the same identity.
    /// Null (the default): this encoder's vectors are never kept on disk.
    /// </summary>
    string? Identity => null;

    /// <summary>
    /// The cosine between a question and a passage from which the question counts as on the stories' topic, measured
    /// for this encoder's vectors (models differ in how close unrelated texts sit). Null (the default): the ranking's
    /// <see cref="RankingSettings.MinSimilarity"/>.
    /// </summary>
    double? OnTopicSimilarity => null;

    /// <summary>Vectors for sentences or paragraphs, one per text, in order.</summary>
    float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default);

    /// <summary>The vector of one question.</summary>
    float[] EncodeQuestion(string question);
}
