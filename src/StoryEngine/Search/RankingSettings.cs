namespace StoryEngine.Search;

/// <summary>
/// How candidates are found and ordered. The defaults are what the evaluation measured best (see README);
/// they are settable so the evaluator can compare variants without code changes.
/// </summary>
public sealed record RankingSettings
{
    /// <summary>How many Lucene hits are re-ranked.</summary>
    public int Candidates { get; init; } = 50;

    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation; sentences are short, so length says little about relevance.</summary>
    public float B { get; init; } = 0.3f;

    /// <summary>BM25 length normalisation for paragraphs, whose lengths vary more (Lucene's default).</summary>
    public float ParagraphB { get; init; } = 0.75f;

    /// <summary>Weight of a synonym relative to the word the user typed.</summary>
    public float SynonymWeight { get; init; } = 0.5f;

    /// <summary>Leave out the noun after "what"/"which" when it only names the kind of answer ("what year").</summary>
    public bool DropAnswerTypeNouns { get; init; } = true;

    /// <summary>Weights of the re-ranking features, in <see cref="RankingFeature"/> order.</summary>
    public IReadOnlyList<float> Weights { get; init; } = DefaultWeights;

    /// <summary>Below this confidence (share of the question's word weight the best sentence covers) the answerer abstains.</summary>
    public double MinConfidence { get; init; } = 0.3;

    // Fitted by EvalRunner.FitSquadWeights on squad-v2-tune.json: 75.4% top-1 fitted on all eight articles,
    // 74.8% when each article is answered with weights fitted on the other seven.
    internal static readonly float[] DefaultWeights =
        [0.818f, 3.268f, 0.840f, 1.838f, 0.671f, -0.199f, 2.374f, 1.783f, -1.659f, 0.311f, 1.807f, 2.194f, 2.037f, 0.442f, 0.073f, 0.312f, 0.234f];
}

/// <summary>What the re-ranking looks at, for each candidate sentence. Word weights are IDF, normalised by the question's total.</summary>
public enum RankingFeature
{
    /// <summary>BM25 of the sentence.</summary>
    SentenceBm25,

    /// <summary>BM25 of its paragraph, with paragraph-level IDF: is this the right part of the story?</summary>
    ParagraphBm25,

    /// <summary>Share of the question's word weight found in the sentence.</summary>
    SentenceCoverage,

    /// <summary>Share found anywhere in the paragraph.</summary>
    ParagraphCoverage,

    /// <summary>Share found in the previous sentence (what "he" or "it" refers to).</summary>
    PreviousCoverage,

    /// <summary>Share found in the next sentence.</summary>
    NextCoverage,

    /// <summary>1 when the sentence holds a new word of the kind asked for (a name for who, a date for when, a number for how many).</summary>
    AnswerKind,

    /// <summary>Share of consecutive question words that stand together in the sentence too.</summary>
    Proximity,

    /// <summary>Share of the sentence's words that are not in the question: room for the answer.</summary>
    NewWords,

    /// <summary>Log of the sentence length in words.</summary>
    LogLength,

    /// <summary>Lucene's BM25 score of the sentence (its own length normalisation), normalised.</summary>
    LuceneScore,

    /// <summary>Share of the question's words (unweighted) found in the sentence.</summary>
    MatchedShare,

    /// <summary>IDF of the rarest question word the sentence holds, relative to the rarest in the question.</summary>
    RarestMatched,

    /// <summary>1 for candidates in the paragraph with the best paragraph BM25.</summary>
    BestParagraph,

    /// <summary>1 for the candidate with the best sentence BM25 within its paragraph.</summary>
    BestInParagraph,

    /// <summary>1 for the candidate with the best sentence BM25 overall.</summary>
    BestSentence,

    /// <summary>1 for the first sentence of a paragraph.</summary>
    FirstInParagraph,
}
