namespace StoryEngine.MiniLM;

/// <summary>Which sentence models rank by meaning (<c>Stories:SentenceModels</c>).</summary>
public enum SentenceModelChoice
{
    /// <summary>all-MiniLM-L6-v2 and snowflake-arctic-embed-xs read together. The default: the best measured answers.</summary>
    Both,

    /// <summary>
    /// snowflake-arctic-embed-xs alone, its batches spread over every core: about half the encoding of Both, for a
    /// large archive's first build, at a few reader questions' cost (see README).
    /// </summary>
    ArcticXs,

    /// <summary>all-MiniLM-L6-v2 alone, its batches spread over every core.</summary>
    MiniLM,
}
