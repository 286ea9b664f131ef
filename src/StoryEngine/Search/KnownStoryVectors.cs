using StoryEngine.Reading;

namespace StoryEngine.Search;

/// <summary>
/// The vectors of one story of a library, read from the library's own, so that story's index alone is built without
/// encoding anything.
/// </summary>
internal sealed class KnownStoryVectors : ITextEncoder, ITokenEncoder
{
    private readonly StoryIndex _library;
    private readonly Dictionary<string, float[]> _passages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenVectors> _pieces = new(StringComparer.Ordinal);

    public KnownStoryVectors(StoryIndex library, Range sentences)
    {
        var meaning = library.Meaning ?? throw new InvalidOperationException("The library holds no sentence vectors.");
        _library = library;
        var (start, length) = sentences.GetOffsetAndLength(library.Sentences.Length);
        for (var ordinal = start; ordinal < start + length; ordinal++)
        {
            var sentence = library.Sentences[ordinal];
            _passages.TryAdd(sentence.Sentence.Text, meaning.Sentences[ordinal]);
            if (meaning.Pieces is not null)
            {
                _pieces.TryAdd(sentence.Sentence.Text, meaning.Pieces[ordinal]);
            }

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

    public bool ReadsWordPieces => _library.Meaning!.Pieces is not null;

    public TokenVectors[] EncodeTokens(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var missing = texts.Where(t => !_pieces.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            // Not expected, as above.
            var fresh = ((ITokenEncoder)_library.Meaning!.Encoder).EncodeTokens(missing, cancellationToken);
            for (var i = 0; i < missing.Length; i++)
            {
                _pieces[missing[i]] = fresh[i];
            }
        }

        return [.. texts.Select(t => _pieces[t])];
    }

    public (float[] Vector, TokenVectors Pieces) EncodeQuestionWithPieces(string question) =>
        ((ITokenEncoder)_library.Meaning!.Encoder).EncodeQuestionWithPieces(question);
}

/// <summary>Who speaks in one story, as the library already found it.</summary>
internal sealed class KnownSpeech(IReadOnlyList<SpeechInSentence> statements) : ISpeechFinder
{
    public IReadOnlyList<SpeechInSentence> Find(Story story) => statements;
}
