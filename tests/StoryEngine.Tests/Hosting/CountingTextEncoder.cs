using System.Security.Cryptography;
using System.Text;
using StoryEngine.Search;

namespace StoryEngine.Tests.Hosting;

/// <summary>
/// A stand-in for the sentence model: the same text always gets the same unit vector (from its hash), and every
/// passage it is asked to encode is counted, so a test sees exactly what was encoded rather than reused.
/// </summary>
internal sealed class CountingTextEncoder(string identity = "counting-test-encoder;dimension=8") : ITextEncoder
{
    public const int Dimension = 8;
    private readonly List<string> _passages = [];
    private int _questions;

    public string? Identity { get; } = identity;

    public IReadOnlyList<string> Passages
    {
        get
        {
            lock (_passages)
            {
                return [.. _passages];
            }
        }
    }

    public float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default)
    {
        lock (_passages)
        {
            _passages.AddRange(passages);
        }

        return [.. passages.Select(Vector)];
    }

    /// <summary>How many questions it has encoded.</summary>
    public int Questions => Volatile.Read(ref _questions);

    public float[] EncodeQuestion(string question)
    {
        Interlocked.Increment(ref _questions);
        return Vector(question);
    }

    public static float[] Vector(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var vector = new float[Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            vector[i] = BitConverter.ToInt32(hash, i * 4) / (float)int.MaxValue;
        }

        var length = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / length)];
    }
}
