using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StoryEngine.Search;

/// <summary>
/// The analysed words of sentence texts, kept from one build of the index to the next: a story added to thousands
/// costs the analysis of its own sentences, not of the library's. Analysis is a function of the text alone, so a text
/// seen before is given the words it had, and an index built with this cache is the one built without it. Holds the
/// texts of the last build only (a removed or edited story's sentences go at the next build). One build at a time.
/// </summary>
public sealed class SentenceAnalysisCache
{
    private readonly Lock _gate = new();
    private Dictionary<string, AnalysedSentence> _kept = new(StringComparer.Ordinal);

    /// <summary>Sentences the last build found here rather than analysed.</summary>
    public int Reused { get; private set; }

    /// <summary>Sentences the last build analysed.</summary>
    public int Analysed { get; private set; }

    internal Dictionary<string, AnalysedSentence> Kept
    {
        get
        {
            lock (_gate)
            {
                return _kept;
            }
        }
    }

    /// <summary>Keeps what a finished build used (only then: a cancelled build leaves the last one's words).</summary>
    internal void Keep(Dictionary<string, AnalysedSentence> used, int reused, int analysed)
    {
        lock (_gate)
        {
            _kept = used;
            Reused = reused;
            Analysed = analysed;
        }
    }
}

/// <summary>One word as the analyzer left it: its term, the position increment (stop words leave gaps) and where it sits in the text.</summary>
internal readonly record struct AnalysedWord(string Term, int PositionIncrement, int Start, int Length, TokenKind Kind);

/// <summary>A sentence's words, with what the analyzer's end reported (trailing gap and final offset), so Lucene can be given them again.</summary>
internal sealed record AnalysedSentence(AnalysedWord[] Words, int EndIncrement, int EndOffset)
{
    /// <summary>Runs <paramref name="analyzer"/> over <paramref name="text"/>; <paramref name="terms"/> shares one string per distinct term.</summary>
    public static AnalysedSentence Analyse(Analyzer analyzer, string field, string text, HashSet<string> terms)
    {
        var words = new List<AnalysedWord>();
        var pool = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var span = term.Buffer.AsSpan(0, term.Length);
            if (!pool.TryGetValue(span, out var value))
            {
                value = span.ToString();
                terms.Add(value);
            }

            var start = offset.StartOffset;
            var length = offset.EndOffset - start;
            words.Add(new AnalysedWord(value, increment.PositionIncrement, start, length, TokenKinds.Classify(text, start, length)));
        }

        stream.End();
        return new AnalysedSentence([.. words], increment.PositionIncrement, offset.EndOffset);
    }
}

/// <summary>
/// Gives Lucene a sentence's words as the analyzer made them (term, position increment, offsets, and what its end
/// reported), so the IndexWriter indexes exactly what analysis would produce without running it a second time.
/// Reused from document to document: <see cref="Replay"/> before each.
/// </summary>
internal sealed class AnalysedSentenceStream : TokenStream
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private AnalysedSentence _sentence = new([], 0, 0);
    private int _next;

    public AnalysedSentenceStream()
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public AnalysedSentenceStream Replay(AnalysedSentence sentence)
    {
        _sentence = sentence;
        _next = 0;
        return this;
    }

    public override bool IncrementToken()
    {
        if (_next == _sentence.Words.Length)
        {
            return false;
        }

        ClearAttributes();
        var word = _sentence.Words[_next++];
        _term.SetEmpty().Append(word.Term);
        _increment.PositionIncrement = word.PositionIncrement;
        _offset.SetOffset(word.Start, word.Start + word.Length);
        return true;
    }

    public override void End()
    {
        base.End();
        _increment.PositionIncrement = _sentence.EndIncrement;
        _offset.SetOffset(_sentence.EndOffset, _sentence.EndOffset);
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
