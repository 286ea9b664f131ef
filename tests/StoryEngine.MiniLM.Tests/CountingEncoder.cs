using StoryEngine.Search;

namespace StoryEngine.MiniLM.Tests;

/// <summary>The real encoder, counting the questions and passages it is asked to encode.</summary>
internal sealed class CountingEncoder(ITextEncoder inner) : ITextEncoder
{
    private int _questions;
    private int _passages;

    public int Questions => Volatile.Read(ref _questions);

    public int Passages => Volatile.Read(ref _passages);

    public string? Identity => inner.Identity;

    public double? OnTopicSimilarity => inner.OnTopicSimilarity;

    public float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _passages, passages.Count);
        return inner.EncodePassages(passages, cancellationToken);
    }

    public float[] EncodeQuestion(string question)
    {
        Interlocked.Increment(ref _questions);
        return inner.EncodeQuestion(question);
    }
}
