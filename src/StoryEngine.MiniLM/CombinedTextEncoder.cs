using StoryEngine.Search;

namespace StoryEngine.MiniLM;

/// <summary>
/// Several sentence models read as one: each text's unit vectors laid end to end and scaled by 1/√n, so the result
/// is a unit vector again and the cosine of two texts is the mean of the models' cosines. The engine stores and
/// compares these like any one model's vectors. Disposes the models it was given.
/// </summary>
public sealed class CombinedTextEncoder : ITextEncoder, IDisposable
{
    private readonly ITextEncoder[] _models;
    private readonly float _scale;

    public CombinedTextEncoder(params ITextEncoder[] models)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentOutOfRangeException.ThrowIfZero(models.Length);
        _models = models;
        _scale = 1f / MathF.Sqrt(models.Length);
        // Kept on disk only when every model can say what it is.
        Identity = models.All(m => m.Identity is not null) ? "combined(" + string.Join(" + ", models.Select(m => m.Identity)) + ")" : null;
    }

    public string? Identity { get; }

    public float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(passages);
        // The models side by side on the machine's cores: each runs its batches of a few short texts one after
        // another, which keeps about one core busy (100 BBC stories: 30 s one model after the other, 18 s side by
        // side on two cores). WhenAll waits for every model and rethrows a cancellation as itself, not wrapped.
        var parts = Task.WhenAll(_models.Select(m => Task.Run(() => m.EncodePassages(passages, cancellationToken), CancellationToken.None)))
            .GetAwaiter().GetResult();
        var vectors = new float[passages.Count][];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = Join(parts.Select(p => p[i]));
        }

        return vectors;
    }

    public float[] EncodeQuestion(string question)
    {
        // The models side by side on the machine's cores: a question waits for the slower one, not for both.
        var parts = new float[_models.Length][];
        Parallel.For(0, _models.Length, i => parts[i] = _models[i].EncodeQuestion(question));
        return Join(parts);
    }

    public void Dispose()
    {
        foreach (var model in _models)
        {
            (model as IDisposable)?.Dispose();
        }
    }

    private float[] Join(IEnumerable<float[]> parts)
    {
        var joined = new List<float>();
        foreach (var part in parts)
        {
            joined.AddRange(part.Select(x => x * _scale));
        }

        return [.. joined];
    }
}
