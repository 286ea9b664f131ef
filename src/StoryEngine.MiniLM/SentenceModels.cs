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
    public static CombinedTextEncoder Create() => new CombinedTextEncoder(new MiniLmTextEncoder(), new ArcticXsTextEncoder());
}
