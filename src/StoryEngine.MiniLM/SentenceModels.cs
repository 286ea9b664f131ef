namespace StoryEngine.MiniLM;

/// <summary>The sentence models the bot ranks by meaning with, wherever it encodes: the host, eval, fit and benchmarks.</summary>
public static class SentenceModels
{
    /// <summary>
    /// all-MiniLM-L6-v2 and snowflake-arctic-embed-xs together. Measured on newsqa-dev with weights fitted without
    /// each story's fold: 51.2% top-1 with MiniLM alone, 53.7% with Arctic alone, 54.6% with both (top three
    /// 82.1%, 80.4%, 81.7%); SQuAD tune held out 80.8%, 80.7%, 80.7%. Both cost twice the encoding time and twice
    /// the vectors' memory of one.
    /// </summary>
    /// <param name="precision">The published Float32 weights (the default, as the host runs them) or Int8.</param>
    public static CombinedTextEncoder Create(SentenceModelPrecision precision = SentenceModelPrecision.Float32)
    {
        var models = new CombinedTextEncoder(new MiniLmTextEncoder(precision), new ArcticXsTextEncoder(precision));

        // Loading read each model's bytes into managed arrays (and, for int8, rewrote them): a few hundred megabytes
        // of garbage the runtime would otherwise keep. Given back once, here: the bot's resident memory on the seed
        // story measured 794 → 621 MB (Float32) after this collection, and 452 MB with Int8.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return models;
    }
}
