using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StoryEngine.MiniLM;

/// <summary>
/// The sentence reader's trained tensors as <c>tools/reader/train.py --write</c> writes them: "SRDR", a format
/// version and a JSON header (little-endian int32s), then each tensor's values as half-precision floats in header
/// order. Tensors named as the published model's initializers replace them; <c>reader.*</c> are the scoring head.
/// </summary>
internal sealed record SentenceReaderWeights(SentenceReaderHeader Header, IReadOnlyDictionary<string, float[]> Tensors)
{
    public const int FormatVersion = 1;
    private static ReadOnlySpan<byte> Magic => "SRDR"u8;

    /// <summary>The tensors that go into the published model, by initializer name.</summary>
    public IReadOnlyDictionary<string, float[]> ModelTensors =>
        Tensors.Where(t => !t.Key.StartsWith("reader.", StringComparison.Ordinal)).ToDictionary(t => t.Key, t => t.Value);

    public float[] Head => Tensor("reader.head.weight");

    public float HeadBias => Tensor("reader.head.bias")[0];

    public float NoAnswer => Tensor("reader.none")[0];

    /// <exception cref="InvalidDataException">Not a reader weights file of this version, or cut short.</exception>
    public static SentenceReaderWeights Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a sentence reader weights file.");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        if (version != FormatVersion || headerLength <= 0 || headerLength > bytes.Length - 12)
        {
            throw new InvalidDataException($"Sentence reader weights of version {version} (this build reads {FormatVersion}), or a bad header.");
        }

        var header = JsonSerializer.Deserialize(bytes.Slice(12, headerLength), SentenceReaderJsonContext.Default.SentenceReaderHeader)
            ?? throw new InvalidDataException("The sentence reader weights have an empty header.");
        var data = bytes[(12 + headerLength)..];
        var tensors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var tensor in header.Tensors)
        {
            var count = checked((int)tensor.Dims.Aggregate(1L, (a, b) => a * b));
            if (data.Length < count * 2)
            {
                throw new InvalidDataException($"The sentence reader weights end inside '{tensor.Name}'.");
            }

            var values = new float[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(data[(i * 2)..]);
            }

            tensors[tensor.Name] = values;
            data = data[(count * 2)..];
        }

        return new SentenceReaderWeights(header, tensors);
    }

    /// <summary>Whether <paramref name="model"/> is the model these tensors were trained from.</summary>
    public bool FitsBase(ReadOnlySpan<byte> model) =>
        string.Equals(Convert.ToHexStringLower(SHA256.HashData(model)), Header.BaseSha256, StringComparison.Ordinal);

    private float[] Tensor(string name) =>
        Tensors.TryGetValue(name, out var values) ? values : throw new InvalidDataException($"The sentence reader weights lack '{name}'.");
}

/// <param name="BaseSha256">SHA-256 of the published model the layers were fine-tuned from.</param>
/// <param name="MaxQuestionPieces">The question is cut to this many word pieces.</param>
/// <param name="MaxLength">The pair, marks included, is cut to this many word pieces.</param>
/// <param name="Trained">What it was trained on and how, for reports.</param>
internal sealed record SentenceReaderHeader(
    [property: JsonPropertyName("base")] string Base,
    [property: JsonPropertyName("baseSha256")] string BaseSha256,
    [property: JsonPropertyName("maxQuestionPieces")] int MaxQuestionPieces,
    [property: JsonPropertyName("maxLength")] int MaxLength,
    [property: JsonPropertyName("trained")] string Trained,
    [property: JsonPropertyName("tensors")] IReadOnlyList<SentenceReaderTensor> Tensors);

internal sealed record SentenceReaderTensor(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("dims")] IReadOnlyList<long> Dims);

[JsonSerializable(typeof(SentenceReaderHeader))]
internal sealed partial class SentenceReaderJsonContext : JsonSerializerContext;
