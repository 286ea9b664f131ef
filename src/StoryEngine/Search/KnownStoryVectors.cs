using StoryEngine.Reading;

namespace StoryEngine.Search;

/// <summary>
/// The vectors of one story of a library, read from the library's own, so that story's index alone is built without
/// encoding its sentences and paragraphs again (its word pieces, which the library does not keep, are read then).
/// </summary>
internal sealed class KnownStoryVectors : ITextEncoder, ITokenEncoder
{
    private readonly StoryIndex _library;
    private readonly Dictionary<string, float[]> _passages = new(StringComparer.Ordinal);

    public KnownStoryVectors(StoryIndex library, Range sentences)
    {
        var meaning = library.Meaning ?? throw new InvalidOperationException("The library holds no sentence vectors.");
        _library = library;
        var (start, length) = sentences.GetOffsetAndLength(library.Sentences.Length);
        for (var ordinal = start; ordinal < start + length; ordinal++)
        {
            var sentence = library.Sentences[ordinal];
            _passages.TryAdd(sentence.Sentence.Text, meaning.Sentences[ordinal]);
            if (ordinal == sentence.FirstInParagraph)
            {
                // Keyed by the text the one-story build will ask for.
                var text = StoryIndex.ParagraphText(new ArraySegment<IndexedSentence>(library.Sentences, ordinal, sentence.LastInParagraph - ordinal + 1));
                _passages.TryAdd(text, meaning.Paragraphs[sentence.Paragraph]);
            }
        }
    }

    public double? OnTopicSimilarity => _library.Meaning!.Encoder.OnTopicSimilarity;

    public float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var missing = passages.Where(p => !_passages.ContainsKey(p)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            // Not expected (the story's texts are the library's); encoded rather than answered wrongly.
            var fresh = _library.Meaning!.Encoder.EncodePassages(missing, cancellationToken);
            for (var i = 0; i < missing.Length; i++)
            {
                _passages[missing[i]] = fresh[i];
            }
        }

        return [.. passages.Select(p => _passages[p])];
    }

    // Not read when the library's answerer passes its own question vector on (QuestionAnswerer.AskLibrary).
    public float[] EncodeQuestion(string question) => _library.Meaning!.Encoder.EncodeQuestion(question);

    // A library keeps no word pieces (StoryIndex.Build): its story, indexed alone, reads its own from the model.
    public bool ReadsWordPieces => _library.Meaning!.Encoder is ITokenEncoder { ReadsWordPieces: true };

    public TokenVectors[] EncodeTokens(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        ((ITokenEncoder)_library.Meaning!.Encoder).EncodeTokens(texts, cancellationToken);

    public (float[] Vector, TokenVectors Pieces) EncodeQuestionWithPieces(string question) =>
        ((ITokenEncoder)_library.Meaning!.Encoder).EncodeQuestionWithPieces(question);
}

/// <summary>Who speaks in one story, as the library already found it.</summary>
internal sealed class KnownSpeech(IReadOnlyList<SpeechInSentence> statements) : ISpeechFinder
{
    public IReadOnlyList<SpeechInSentence> Find(Story story) => statements;
}
