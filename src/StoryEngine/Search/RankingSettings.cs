namespace StoryEngine.Search;

/// <summary>
/// The weights of the ranking. The defaults are what the evaluation measured best (see README); they are
/// exposed so the evaluator can compare variants without code changes.
/// </summary>
public sealed record RankingSettings
{
    /// <summary>How many Lucene hits are re-ranked.</summary>
    public int Candidates { get; init; } = 30;

    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation.</summary>
    public float B { get; init; } = 0.75f;

    /// <summary>BM25 weight of a match in the neighbouring sentences.</summary>
    public float ContextWeight { get; init; } = 0f;

    /// <summary>BM25 weight of a match anywhere in the sentence's paragraph.</summary>
    public float ParagraphWeight { get; init; } = 0f;

    /// <summary>Weight of a synonym relative to the word the user typed.</summary>
    public float SynonymWeight { get; init; } = 0f;

    /// <summary>Relative boost when the sentence holds the kind of thing asked for (a name for who, a date for when...).</summary>
    public float AnswerKindBoost { get; init; } = 0f;

    /// <summary>Relative boost for question words that stand next to each other in the sentence too.</summary>
    public float ProximityBoost { get; init; } = 0f;

    /// <summary>Below this confidence (share of the question's word weight the best sentence covers) the answerer abstains.</summary>
    public double MinConfidence { get; init; } = 0.4;
}
