using StoryEngine.Search;

namespace StoryEngine.MiniLM;

/// <summary>
/// Several sentence models read as one: each text's unit vectors laid end to end and scaled by 1/√n, so the result
/// is a unit vector again and the cosine of two texts is the mean of the models' cosines. The engine stores and
/// compares these like any one model's vectors. Disposes the models it was given.
/// </summary>
public sealed class CombinedTextEncoder : ITextEncoder, ITokenEncoder, IDisposable
{
    private readonly ITextEncoder[] _models;
    private readonly float _scale;
    private readonly ITokenEncoder? _pieces;

    public CombinedTextEncoder(params ITextEncoder[] models)
        : this(null, models)
    {
    }

    /// <param name="onTopicSimilarity">The abstention bar measured for these models' joint cosine (<see cref="ITextEncoder.OnTopicSimilarity"/>).</param>
    /// <param name="models">The models, read together.</param>
    public CombinedTextEncoder(double? onTopicSimilarity, params ITextEncoder[] models)
        : this(onTopicSimilarity, alignWords: true, models)
    {
    }

    /// <param name="onTopicSimilarity">The abstention bar measured for these models' joint cosine (<see cref="ITextEncoder.OnTopicSimilarity"/>).</param>
    /// <param name="alignWords">Whether the word pieces of a model that has them are read (<see cref="ReadsWordPieces"/>).</param>
    /// <param name="models">The models, read together.</param>
    public CombinedTextEncoder(double? onTopicSimilarity, bool alignWords, params ITextEncoder[] models)
    {
        OnTopicSimilarity = onTopicSimilarity;
        ArgumentNullException.ThrowIfNull(models);
        ArgumentOutOfRangeException.ThrowIfZero(models.Length);
        _models = models;
        _scale = 1f / MathF.Sqrt(models.Length);
        _pieces = alignWords ? models.OfType<ITokenEncoder>().FirstOrDefault(m => m.ReadsWordPieces) : null;
        // Kept on disk only when every model can say what it is.
        Identity = models.All(m => m.Identity is not null) ? "combined(" + string.Join(" + ", models.Select(m => m.Identity)) + ")" : null;
    }

    public string? Identity { get; }

    public double? OnTopicSimilarity { get; }

    public float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(passages);
        // The models side by side on the machine's cores: each runs its batches of a few short texts one after
        // another, which keeps about one core busy (100 BBC stories: 30 s one model after the other, 18 s side by
        // side on two cores). With fewer models than cores, each model takes several slices of the passages at once
        // (dealt out by length, so each slice pads as little as the whole). WhenAll waits for every model and
        // rethrows a cancellation as itself, not wrapped.
        var slices = Slices(passages, Math.Max(1, Environment.ProcessorCount / _models.Length));
        var work = _models.SelectMany(m => slices.Select(slice => Task.Run(() => m.EncodePassages([.. slice.Select(i => passages[i])], cancellationToken), CancellationToken.None)));
        var parts = Task.WhenAll(work).GetAwaiter().GetResult();
        var vectors = new float[passages.Count][];
        for (var s = 0; s < slices.Length; s++)
        {
            for (var j = 0; j < slices[s].Length; j++)
            {
                vectors[slices[s][j]] = Join(Enumerable.Range(0, _models.Length).Select(m => parts[(m * slices.Length) + s][j]));
            }
        }

        return vectors;
    }

    /// <summary>The passages' positions dealt into <paramref name="count"/> slices in order of length.</summary>
    internal static int[][] Slices(IReadOnlyList<string> passages, int count)
    {
        var byLength = Enumerable.Range(0, passages.Count).OrderBy(i => passages[i].Length).ToArray();
        return [.. Enumerable.Range(0, Math.Min(count, Math.Max(1, byLength.Length))).Select(s => byLength.Where((_, k) => k % count == s).ToArray())];
    }

    public float[] EncodeQuestion(string question)
    {
        // The models side by side on the machine's cores: a question waits for the slower one, not for both.
        var parts = new float[_models.Length][];
        Parallel.For(0, _models.Length, i => parts[i] = _models[i].EncodeQuestion(question));
        return Join(parts);
    }

    /// <summary>
    /// Whether the word pieces of the first model that has them are read (MiniLM: its vectors are the mean of its
    /// pieces', so each piece's vector means something alone; snowflake-arctic-embed-xs reads its first token only).
    /// </summary>
    public bool ReadsWordPieces => _pieces is not null;

    public TokenVectors[] EncodeTokens(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (_pieces is null)
        {
            return [.. texts.Select(_ => TokenVectors.Empty)];
        }

        // Dealt over the cores like the passages, each slice by its own copy of the model's run.
        var slices = Slices(texts, Environment.ProcessorCount);
        var parts = Task.WhenAll(slices.Select(slice => Task.Run(() => _pieces.EncodeTokens([.. slice.Select(i => texts[i])], cancellationToken), CancellationToken.None)))
            .GetAwaiter().GetResult();
        var result = new TokenVectors[texts.Count];
        for (var s = 0; s < slices.Length; s++)
        {
            for (var j = 0; j < slices[s].Length; j++)
            {
                result[slices[s][j]] = parts[s][j];
            }
        }

        return result;
    }

    public (float[] Vector, TokenVectors Pieces) EncodeQuestionWithPieces(string question)
    {
        if (_pieces is null)
        {
            return (EncodeQuestion(question), TokenVectors.Empty);
        }

        // The models side by side, the one that reads pieces giving them from the same run.
        var parts = new float[_models.Length][];
        var pieces = TokenVectors.Empty;
        Parallel.For(0, _models.Length, i =>
        {
            if (ReferenceEquals(_models[i], _pieces))
            {
                (parts[i], pieces) = _pieces.EncodeQuestionWithPieces(question);
            }
            else
            {
                parts[i] = _models[i].EncodeQuestion(question);
            }
        });
        return (Join(parts), pieces);
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
