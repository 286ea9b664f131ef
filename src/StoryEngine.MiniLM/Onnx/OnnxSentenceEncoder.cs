using System.Reflection;
using BERTTokenizers.Base;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;
using StoryEngine.Search;

namespace StoryEngine.MiniLM.Onnx;

/// <summary>How a sentence model turns its token vectors into one vector for the text.</summary>
internal enum Pooling
{
    /// <summary>The mean of the token vectors under the attention mask (all-MiniLM-L6-v2).</summary>
    Mean,

    /// <summary>The first ([CLS]) token's vector (snowflake-arctic-embed-xs).</summary>
    FirstToken,
}

/// <summary>
/// A BERT-style sentence model run with ONNX Runtime: the packages' word-piece tokenizer, the model (as published
/// or quantized to int8 on load), pooling and L2 normalisation, the same steps the packages' own encoders take.
/// Thread-safe (ONNX Runtime sessions are).
/// </summary>
internal sealed class OnnxSentenceEncoder : IDisposable
{
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];

    private readonly InferenceSession _session;
    private readonly TokenizerBase _tokenizer;
    private readonly Pooling _pooling;
    private readonly string[] _outputNames;

    /// <summary>The model that <paramref name="package"/> (a SentenceTransformers model package) ships as its resource.</summary>
    public static OnnxSentenceEncoder FromPackage(Assembly package, TokenizerBase tokenizer, Pooling pooling, SentenceModelPrecision precision) =>
        new(PublishedModel(package), tokenizer, pooling, precision);

    /// <summary>The ONNX model a SentenceTransformers model package ships as its resource.</summary>
    public static byte[] PublishedModel(Assembly package) => ResourceLoader.GetResource(package, "model.onnx");

    /// <param name="model">The model's ONNX bytes; not kept.</param>
    public OnnxSentenceEncoder(byte[] model, TokenizerBase tokenizer, Pooling pooling, SentenceModelPrecision precision)
    {
        _tokenizer = tokenizer;
        _pooling = pooling;
        var bytes = precision == SentenceModelPrecision.Int8 ? DynamicQuantizer.Quantize(model, out _) : model;
        using var options = new SessionOptions();
        // ONNX Runtime's worker threads spin after each run by default; on two cores that stole time from the next
        // ask and from Kestrel (an ask skipping the model measured 60 µs spinning, 45 µs without; encoding no slower).
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _session = new InferenceSession(bytes, options);
        _outputNames = [_session.OutputMetadata.Keys.First()];
    }

    /// <summary>Unit vectors, one per text, in order.</summary>
    public float[][] Encode(string[] texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Length == 0)
        {
            return [];
        }

        var (hidden, ids, mask, length, dimension) = Run(texts, cancellationToken);
        var vectors = new float[texts.Length][];
        for (var i = 0; i < texts.Length; i++)
        {
            vectors[i] = Pool(hidden.AsSpan(i * length * dimension, length * dimension), mask.AsSpan(i * length, length), dimension);
        }

        return vectors;
    }

    /// <summary>Each text's word pieces (no [CLS], [SEP] or padding) and their contextual vectors, each of unit length.</summary>
    public TokenVectors[] EncodeTokens(string[] texts, CancellationToken cancellationToken) => EncodeBoth(texts, cancellationToken).Pieces;

    /// <summary>Each text's pooled vector (as <see cref="Encode"/>) and its word pieces, from one run of the model.</summary>
    public (float[][] Vectors, TokenVectors[] Pieces) EncodeBoth(string[] texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Length == 0)
        {
            return ([], []);
        }

        var (hidden, ids, mask, length, dimension) = Run(texts, cancellationToken);
        var vectors = new float[texts.Length][];
        var pieces = new TokenVectors[texts.Length];
        var unit = new float[dimension];
        for (var i = 0; i < texts.Length; i++)
        {
            vectors[i] = Pool(hidden.AsSpan(i * length * dimension, length * dimension), mask.AsSpan(i * length, length), dimension);

            // Between [CLS] and the last unmasked token, [SEP].
            var count = 0;
            while (count + 2 < length && mask[(i * length) + count + 2] != 0)
            {
                count++;
            }

            var names = new string[count];
            var quantized = new sbyte[count * dimension];
            for (var t = 0; t < count; t++)
            {
                var at = (i * length) + t + 1;
                names[t] = string.Intern(_tokenizer.IdToToken((int)ids[at]));
                var token = hidden.AsSpan(at * dimension, dimension);
                var squares = 0f;
                foreach (var x in token)
                {
                    squares += x * x;
                }

                var norm = MathF.Max(MathF.Sqrt(squares), 1e-12f);
                for (var d = 0; d < dimension; d++)
                {
                    unit[d] = token[d] / norm;
                }

                TokenVectors.Quantize(unit, quantized.AsSpan(t * dimension, dimension));
            }

            pieces[i] = new TokenVectors(names, quantized);
        }

        return (vectors, pieces);
    }

    private (float[] Hidden, long[] Ids, long[] Mask, int Length, int Dimension) Run(string[] texts, CancellationToken cancellationToken)
    {
        var tokens = _tokenizer.Encode(texts);
        var (batch, length) = (tokens.Count, tokens[0].InputIds.Length);
        var ids = new long[batch * length];
        var mask = new long[batch * length];
        var types = new long[batch * length];
        for (var i = 0; i < batch; i++)
        {
            tokens[i].InputIds.CopyTo(ids, i * length);
            tokens[i].AttentionMask.CopyTo(mask, i * length);
            tokens[i].TokenTypeIds.CopyTo(types, i * length);
        }

        long[] shape = [batch, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        using var outputs = _session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], _outputNames);
        cancellationToken.ThrowIfCancellationRequested();
        var hidden = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        return (hidden, ids, mask, length, hidden.Length / (batch * length));
    }

    public void Dispose() => _session.Dispose();

    private float[] Pool(ReadOnlySpan<float> tokens, ReadOnlySpan<long> mask, int dimension)
    {
        var vector = new float[dimension];
        if (_pooling == Pooling.FirstToken)
        {
            tokens[..dimension].CopyTo(vector);
        }
        else
        {
            var count = 0;
            for (var t = 0; t < mask.Length; t++)
            {
                if (mask[t] == 0)
                {
                    continue;
                }

                count++;
                var token = tokens.Slice(t * dimension, dimension);
                for (var d = 0; d < dimension; d++)
                {
                    vector[d] += token[d];
                }
            }

            for (var d = 0; d < dimension; d++)
            {
                vector[d] /= Math.Max(count, 1);
            }
        }

        var norm = MathF.Max(MathF.Sqrt(vector.Sum(x => x * x)), 1e-12f);
        for (var d = 0; d < dimension; d++)
        {
            vector[d] /= norm;
        }

        return vector;
    }
}
