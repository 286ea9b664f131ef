namespace StoryEngine.MiniLM;

/// <summary>The sentence models the bot ranks by meaning with, wherever it encodes: the host, eval, fit and benchmarks.</summary>
public static class SentenceModels
{
    // Arctic's cosines run high even between unrelated texts, so one model alone needs its own abstention bar
    // (both together use RankingSettings.MinSimilarity, 0.42). Measured with Int8 and the shipped weights
    // (2026-12-07): at 0.50 one of our own 12 unrelated questions abstained, at 0.55 seven, 0.58 ten, 0.60 eleven,
    // 0.65 all twelve; newsqa-dev's answerable questions abstained on: 1, 5, 9, 15, 38 of 240. 0.58 keeps those under 5 %.
    internal const double ArcticXsOnTopic = 0.58;

    // MiniLM alone: the bar it used before Arctic joined (all our unrelated questions abstain down to 0.30).
    internal const double MiniLmOnTopic = 0.34;

    /// <summary>
    /// all-MiniLM-L6-v2 and snowflake-arctic-embed-xs together. Measured on newsqa-dev with weights fitted without
    /// each story's fold: 51.2% top-1 with MiniLM alone, 53.7% with Arctic alone, 54.6% with both (top three
    /// 82.1%, 80.4%, 81.7%); SQuAD tune held out 80.8%, 80.7%, 80.7%. Both cost twice the encoding time and twice
    /// the vectors' memory of one.
    /// </summary>
    /// <param name="precision">The published Float32 weights (the default, as the host runs them) or Int8.</param>
    /// <param name="choice">Both models (the default) or one of them alone.</param>
    /// <param name="alignWords">Whether MiniLM's word pieces are read too (<see cref="CombinedTextEncoder.ReadsWordPieces"/>).</param>
    public static CombinedTextEncoder Create(SentenceModelPrecision precision = SentenceModelPrecision.Float32, SentenceModelChoice choice = SentenceModelChoice.Both, bool alignWords = true)
    {
        var models = choice switch
        {
            SentenceModelChoice.ArcticXs => new CombinedTextEncoder(ArcticXsOnTopic, alignWords, new ArcticXsTextEncoder(precision)),
            SentenceModelChoice.MiniLM => new CombinedTextEncoder(MiniLmOnTopic, alignWords, new MiniLmTextEncoder(precision)),
            _ => new CombinedTextEncoder(null, alignWords, new MiniLmTextEncoder(precision), new ArcticXsTextEncoder(precision)),
        };

        // Loading read each model's bytes into managed arrays (and, for int8, rewrote them): a few hundred megabytes
        // of garbage the runtime would otherwise keep. Given back once, here: the bot's resident memory on the seed
        // story measured 794 → 621 MB (Float32) after this collection, and 452 MB with Int8.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return models;
    }
}
