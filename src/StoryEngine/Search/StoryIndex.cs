using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace StoryEngine.Search;

/// <summary>
/// An immutable in-memory Lucene index over the sentences of a set of stories (each sentence a document), plus the per-sentence and per-paragraph term statistics that re-ranking and
/// highlighting need. Built once; safe to share across threads. It is the single owner of its Directory, reader
/// and analyzer.
/// </summary>
public sealed class StoryIndex : IDisposable
{
    internal const string SentenceField = "s";

    /// <summary>
    /// A sentence's words with their counts and the sentence's length (norms), without positions: questions are
    /// term, boolean and dis-max queries only, which never read positions, and a build spends less without them.
    /// </summary>
    internal static readonly FieldType SentenceFieldType = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    private const string OrdinalField = "o";

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly Dictionary<string, int> _vocabulary;

    private StoryIndex(
        IReadOnlyList<Story> stories,
        IndexedSentence[] sentences,
        IndexedParagraph[] paragraphs,
        Dictionary<string, int> vocabulary,
        NewsAnalyzer analyzer,
        RAMDirectory directory,
        DirectoryReader reader,
        int[] docToSentence)
    {
        Stories = stories;
        Sentences = sentences;
        Paragraphs = paragraphs;
        _vocabulary = vocabulary;
        Analyzer = analyzer;
        _directory = directory;
        _reader = reader;
        DocToSentence = docToSentence;
        _storyStarts = StoryStarts(stories, sentences);
        Alone = new StoryAloneIndexes(this);
        _storyIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < stories.Count; i++)
        {
            _storyIndexById.TryAdd(stories[i].Id, i);
        }

        Idf = InverseFrequencies(sentences.Select(s => s.Terms), sentences.Length, vocabulary.Count);
        ParagraphIdf = InverseFrequencies(paragraphs.Select(p => p.Terms), paragraphs.Length, vocabulary.Count);
        MaxIdf = InverseFrequency(sentences.Length, 0);
        MaxParagraphIdf = InverseFrequency(paragraphs.Length, 0);
        AverageSentenceLength = Math.Max(1f, (float)sentences.Average(s => (double)s.Length));
        AverageParagraphLength = Math.Max(1f, (float)paragraphs.Average(p => (double)p.Length));
        (_prefixGroups, TermPrefixGroup) = PrefixGroups(vocabulary);
        _terms = new Term[vocabulary.Count];
        _termContexts = new TermContext?[vocabulary.Count];
        foreach (var (term, id) in vocabulary)
        {
            _terms[id] = new Term(SentenceField, term);
        }
    }

    // Looked up once per term rather than by every query: building a term's context seeks the terms dictionary, about
    // a fifth of what a question's search allocated. The index never changes, so the contexts stay valid. Found the
    // first time a question asks for the term, not at build: most terms are never asked for, and a build by words
    // spent most of its statistics time here. Two threads may both build one; both write an equal context.
    private readonly Term[] _terms;
    private readonly TermContext?[] _termContexts;

    /// <summary>A query for one indexed term, with its dictionary lookup done once.</summary>
    internal TermQuery TermQueryFor(int termId)
    {
        var context = _termContexts[termId] ??= TermContext.Build(_reader.Context, _terms[termId]);
        return new TermQuery(_terms[termId], context);
    }

    /// <summary>
    /// Stems share a group when they share their first <see cref="PrefixLength"/> characters: Porter leaves
    /// derivations apart ("economi"/"econom", "invas"/"invad" share less), and a shared prefix is weaker evidence
    /// than the same stem, so it is a feature of its own.
    /// </summary>
    internal const int PrefixLength = 5;

    private readonly Dictionary<string, int> _prefixGroups;

    /// <summary>Prefix group of each term id (see <see cref="PrefixLength"/>).</summary>
    internal int[] TermPrefixGroup { get; }

    /// <summary>The prefix group of an analyzed term, or -1 when no sentence has a word of that group.</summary>
    internal int PrefixGroupOf(string term) => _prefixGroups.GetValueOrDefault(PrefixOf(term), -1);

    private static string PrefixOf(string term) => term.Length > PrefixLength ? term[..PrefixLength] : term;

    private static (Dictionary<string, int> Groups, int[] TermGroup) PrefixGroups(Dictionary<string, int> vocabulary)
    {
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var termGroup = new int[vocabulary.Count];
        foreach (var (term, id) in vocabulary)
        {
            var prefix = PrefixOf(term);
            if (!groups.TryGetValue(prefix, out var group))
            {
                group = groups.Count;
                groups.Add(prefix, group);
            }

            termGroup[id] = group;
        }

        return (groups, termGroup);
    }

    public IReadOnlyList<Story> Stories { get; }

    // Sentences are indexed story by story, so each story's sentences are one run of ordinals: story i holds
    // ordinals _storyStarts[i] up to (not including) _storyStarts[i + 1].
    private readonly int[] _storyStarts;
    private readonly Dictionary<string, int> _storyIndexById;

    /// <summary>The ordinals of one story's sentences (<see cref="Story.Id"/>, exact), or null when the index has no such story.</summary>
    internal Range? SentencesOf(string storyId) =>
        _storyIndexById.TryGetValue(storyId, out var story) ? SentencesOf(story) : null;

    private Range SentencesOf(int story) => new(_storyStarts[story], _storyStarts[story + 1]);

    private static int[] StoryStarts(IReadOnlyList<Story> stories, IndexedSentence[] sentences)
    {
        var starts = new int[stories.Count + 1];
        var ordinal = 0;
        for (var story = 0; story < stories.Count; story++)
        {
            starts[story] = ordinal;
            while (ordinal < sentences.Length && sentences[ordinal].StoryIndex == story)
            {
                ordinal++;
            }
        }

        starts[stories.Count] = ordinal;
        return starts;
    }

    public int SentenceCount => Sentences.Length;

    // Found the first time a question needs them, then kept: a sentence's mentions and cues never change. Two
    // threads may both find them; both write the same value.
    private IReadOnlyList<Reading.Mention>?[]? _mentions;
    private int[]? _cues;

    /// <summary>The typed mentions of a sentence (<see cref="Reading.MentionFinder"/>).</summary>
    internal IReadOnlyList<Reading.Mention> MentionsOf(int ordinal)
    {
        var all = _mentions ??= new IReadOnlyList<Reading.Mention>?[Sentences.Length];
        return all[ordinal] ??= Reading.MentionFinder.Find(Sentences[ordinal].Sentence.Text);
    }

    private Reading.ISpeechFinder? _speech;
    private int[]?[]?[]? _speakers;
    private IReadOnlyList<Reading.SpeechInSentence>?[]? _statements;

    /// <summary>Every statement of one story, found once (who-said-what reads the whole story).</summary>
    private IReadOnlyList<Reading.SpeechInSentence> StatementsOf(int story)
    {
        var byStory = _statements ??= new IReadOnlyList<Reading.SpeechInSentence>?[Stories.Count];
        return byStory[story] ??= _speech!.Find(Stories[story]);
    }

    /// <summary>
    /// One story of the library indexed alone, as if it were the only story served: its words weighed against its
    /// own sentences, not the library's, so it ranks its sentences exactly as a one-story library would. Its
    /// sentences and paragraphs are not encoded nor analysed for speech again; its word pieces are read here, as a
    /// one-story library reads them. The caller disposes it.
    /// </summary>
    internal StoryIndex StoryAlone(int story)
    {
        return Build(
            [Stories[story]],
            Meaning is null ? null : new KnownStoryVectors(this, SentencesOf(story)),
            CancellationToken.None,
            _speech is null ? null : new KnownSpeech(StatementsOf(story)));
    }

    /// <summary>Stories indexed alone, kept for those asked about most recently; disposed with the library.</summary>
    internal StoryAloneIndexes Alone { get; }

    /// <summary>The index of a story by id (<see cref="Story.Id"/>, exact), or -1.</summary>
    internal int StoryIndexOf(string storyId) => _storyIndexById.GetValueOrDefault(storyId, -1);


    /// <summary>Whether the index knows who speaks in its sentences.</summary>
    internal bool KnowsSpeakers => _speech is not null;

    /// <summary>
    /// The analyzed words naming whoever speaks in the sentence (resolved name and the words the story used, "the
    /// health minister"), as term ids; empty when no one does. A story's statements are found the first time one
    /// of its sentences is asked about.
    /// </summary>
    internal int[] SpeakerTermsOf(int ordinal)
    {
        if (_speech is null)
        {
            return [];
        }

        return SpeakersOf(Sentences[ordinal].StoryIndex)[Sentences[ordinal].Sentence.Position] ?? [];
    }

    /// <summary>
    /// Finds who speaks in every story now rather than at the first question that touches each: after a library is
    /// published, so no ask waits on it. Stops early when cancelled. Returns the number of stories read.
    /// </summary>
    internal int FindAllSpeakers(CancellationToken cancellationToken)
    {
        if (_speech is null)
        {
            return 0;
        }

        for (var story = 0; story < Stories.Count; story++)
        {
            if (cancellationToken.IsCancellationRequested || IsDisposed)
            {
                return story;
            }

            SpeakersOf(story);
        }

        return Stories.Count;
    }

    /// <summary>
    /// Builds each story's own index (<see cref="StoryAlone"/>) before its first question, when those indexes read word
    /// pieces (one run of MiniLM over the story's sentences, 0.1-0.2 s) and every story's fits the cache of
    /// <see cref="Alone"/>: a small library's first question about each story then waits for nothing. A larger
    /// library's stories read theirs when first asked about. Stops early when cancelled. Returns the stories read.
    /// </summary>
    internal int ReadStoriesAloneAhead(CancellationToken cancellationToken)
    {
        if (Stories.Count < 2 || Stories.Count > Alone.Capacity || Meaning?.Encoder is not ITokenEncoder { ReadsWordPieces: true })
        {
            return 0;
        }

        for (var story = 0; story < Stories.Count; story++)
        {
            if (cancellationToken.IsCancellationRequested || IsDisposed)
            {
                return story;
            }

            using var lease = Alone.Acquire(story);
        }

        return Stories.Count;
    }

    /// <summary>Speaker term ids by sentence position of one story, found once; two threads may both find them and write the same.</summary>
    private int[]?[] SpeakersOf(int story)
    {
        var byStory = _speakers ??= new int[]?[]?[Stories.Count];
        return byStory[story] ??= FindSpeakers(story);
    }

    private int[]?[] FindSpeakers(int story)
    {
        var sentences = Stories[story].Sentences;
        var words = new HashSet<int>?[sentences.Count];
        foreach (var spoken in StatementsOf(story))
        {
            if (spoken.Position < 0 || spoken.Position >= sentences.Count)
            {
                continue;
            }

            var set = words[spoken.Position] ??= [];
            foreach (var text in new[] { spoken.Speaker, spoken.Description })
            {
                foreach (var term in text is null ? [] : NewsSynonyms.Analyze(Analyzer, text))
                {
                    if (TermId(term) is var id and >= 0)
                    {
                        set.Add(id);
                    }
                }
            }
        }

        return [.. words.Select(set => set is null ? null : set.ToArray())];
    }

    /// <summary>The cues of a sentence (<see cref="Reading.SentenceCueFinder"/>).</summary>
    internal Reading.SentenceCues CuesOf(int ordinal)
    {
        // Stored plus one, so 0 means not yet found; an int is written whole, where a nullable struct may tear.
        var all = _cues ??= new int[Sentences.Length];
        if (all[ordinal] == 0)
        {
            all[ordinal] = (int)Reading.SentenceCueFinder.Find(Sentences[ordinal].Sentence.Text) + 1;
        }

        return (Reading.SentenceCues)(all[ordinal] - 1);
    }

    /// <summary>
    /// Whether the sentence is its story's headline: a first line of one sentence, with more after it. A headline
    /// names the story, but it is never the sentence that answers a question on its own. A first line of several
    /// sentences is the lead paragraph of a story that has no headline, and answers like any other.
    /// </summary>
    internal bool IsTitle(int ordinal)
    {
        var sentence = Sentences[ordinal];
        var story = Stories[sentence.StoryIndex];
        return sentence.Sentence.Paragraph == 1 && story.Paragraphs.Count > 1 && story.Paragraphs[0].Sentences.Count == 1;
    }

    internal IndexedSentence[] Sentences { get; }

    internal IndexedParagraph[] Paragraphs { get; }

    internal NewsAnalyzer Analyzer { get; }

    internal IndexReader Reader => _reader;

    internal int[] DocToSentence { get; }

    /// <summary>Sentence-level inverse document frequency by term id.</summary>
    internal float[] Idf { get; }

    /// <summary>Paragraph-level inverse document frequency by term id.</summary>
    internal float[] ParagraphIdf { get; }

    /// <summary>The IDF of a term no sentence contains: an unknown question word weighs the most.</summary>
    internal float MaxIdf { get; }

    internal float MaxParagraphIdf { get; }

    internal float AverageSentenceLength { get; }

    internal float AverageParagraphLength { get; }

    /// <summary>The sentence and paragraph vectors and the encoder that made them, or null when the index holds words only.</summary>
    internal MeaningVectors? Meaning { get; private set; }

    /// <summary>
    /// Indexes every sentence of <paramref name="stories"/>; the caller owns (and disposes) the result. With an
    /// <paramref name="encoder"/> every sentence and paragraph is also encoded once here, so a question costs one
    /// encoding, not one per candidate.
    /// </summary>
    /// <param name="speech">Who speaks in which sentence (who-said-what), read the first time a question needs a story's; null to rank without it.</param>
    /// <param name="analysis">Sentences analysed by earlier builds, reused when their text recurs and updated with this build's; null to analyse every sentence.</param>
    public static StoryIndex Build(
        IReadOnlyList<Story> stories,
        ITextEncoder? encoder = null,
        CancellationToken cancellationToken = default,
        Reading.ISpeechFinder? speech = null,
        SentenceAnalysisCache? analysis = null)
    {
        var index = BuildWords(stories, analysis);
        index._speech = speech;
        if (encoder is null)
        {
            return index;
        }

        try
        {
            var sentences = encoder.EncodePassages([.. index.Sentences.Select(s => s.Sentence.Text)], cancellationToken);
            var paragraphs = index.Sentences
                .GroupBy(s => s.Paragraph)
                .OrderBy(g => g.Key)
                .Select(ParagraphText)
                .ToArray();
            // Word pieces for one story only: a library's ranking just picks the story, which is then ranked alone
            // (QuestionAnswerer.AskLibrary) and reads its pieces the first time it is asked about. So a large archive
            // neither encodes nor keeps every sentence's pieces (about 13 KB a sentence).
            var pieces = stories.Count == 1 && encoder is ITokenEncoder { ReadsWordPieces: true } words
                ? new WordPieceAlignment(words.EncodeTokens([.. index.Sentences.Select(s => s.Sentence.Text)], cancellationToken))
                : null;
            index.Meaning = new MeaningVectors(encoder, sentences, encoder.EncodePassages(paragraphs, cancellationToken), pieces);
            return index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>The text a paragraph is encoded as: its sentences joined by spaces.</summary>
    internal static string ParagraphText(IEnumerable<IndexedSentence> sentences) => string.Join(' ', sentences.Select(s => s.Sentence.Text));

    private static StoryIndex BuildWords(IReadOnlyList<Story> stories, SentenceAnalysisCache? analysis)
    {
        ArgumentNullException.ThrowIfNull(stories);
        if (stories.Sum(s => s.Sentences.Count) == 0)
        {
            throw new ArgumentException("There is no sentence to index.", nameof(stories));
        }

        var analyzer = new NewsAnalyzer();
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentences = new List<IndexedSentence>();
        var paragraphs = new List<IndexedParagraph>();
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(NewsAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            // In memory and never copied: packing each flushed segment into a compound file only copies it again.
            UseCompoundFile = false,
        };

        long analysing = 0, indexing = 0;
        var kept = analysis?.Kept;
        var used = new Dictionary<string, AnalysedSentence>(StringComparer.Ordinal);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var replay = new AnalysedSentenceStream();
        var reused = 0;
        using (var writer = new IndexWriter(directory, config))
        {
            for (var storyIndex = 0; storyIndex < stories.Count; storyIndex++)
            {
                foreach (var paragraph in stories[storyIndex].Paragraphs)
                {
                    if (paragraph.Sentences.Count == 0)
                    {
                        continue;
                    }

                    var first = sentences.Count;
                    var last = first + paragraph.Sentences.Count - 1;
                    for (var i = 0; i < paragraph.Sentences.Count; i++)
                    {
                        var sentence = paragraph.Sentences[i];
                        var ordinal = sentences.Count;
                        var step = Stopwatch.GetTimestamp();
                        if (used.TryGetValue(sentence.Text, out var words))
                        {
                        }
                        else if (kept is not null && kept.TryGetValue(sentence.Text, out words))
                        {
                            used.Add(sentence.Text, words);
                            reused++;
                        }
                        else
                        {
                            words = AnalysedSentence.Analyse(analyzer, SentenceField, sentence.Text, terms);
                            used.Add(sentence.Text, words);
                        }

                        sentences.Add(new IndexedSentence(sentence, storyIndex, paragraphs.Count, first, last, Tokens(words, vocabulary)));
                        var analysed = Stopwatch.GetTimestamp();
                        analysing += analysed - step;
                        // The words analysed above, given to Lucene as they are: the same terms and positions the
                        // analyzer would produce again, without running it twice over every sentence.
                        writer.AddDocument(
                        [
                            new Field(SentenceField, replay.Replay(words), SentenceFieldType),
                            new NumericDocValuesField(OrdinalField, ordinal),
                        ]);
                        indexing += Stopwatch.GetTimestamp() - analysed;
                    }

                    paragraphs.Add(new IndexedParagraph(sentences.Skip(first).SelectMany(s => s.Tokens)));
                }
            }

            var committing = Stopwatch.GetTimestamp();
            writer.Commit();
            indexing += Stopwatch.GetTimestamp() - committing;
        }

        var opening = Stopwatch.GetTimestamp();
        var reader = DirectoryReader.Open(directory);
        var docToSentence = new int[reader.MaxDoc];
        foreach (var leaf in reader.Leaves)
        {
            var ordinals = leaf.AtomicReader.GetNumericDocValues(OrdinalField);
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                docToSentence[leaf.DocBase + doc] = (int)ordinals.Get(doc);
            }
        }

        indexing += Stopwatch.GetTimestamp() - opening;
        var statistics = Stopwatch.GetTimestamp();
        var index = new StoryIndex(stories, [.. sentences], [.. paragraphs], vocabulary, analyzer, directory, reader, docToSentence);
        analysis?.Keep(used, reused, used.Count - reused);
        index.BuildTimes = new IndexBuildTimes(
            Stopwatch.GetElapsedTime(0, analysing).TotalMilliseconds,
            Stopwatch.GetElapsedTime(0, indexing).TotalMilliseconds,
            Stopwatch.GetElapsedTime(statistics).TotalMilliseconds);
        return index;
    }

    /// <summary>Where the last build of the words spent its time (logged by the indexer, to see what a rebuild costs).</summary>
    internal IndexBuildTimes BuildTimes { get; private set; } = new(0, 0, 0);

    /// <summary>The id of an analyzed term, or -1 when no sentence contains it.</summary>
    internal int TermId(string term) => _vocabulary.GetValueOrDefault(term, -1);

    /// <summary>Whether <see cref="Dispose"/> has run: the library disposes an index once no lease holds it.</summary>
    internal bool IsDisposed { get; private set; }

    public void Dispose()
    {
        IsDisposed = true;
        Alone.Dispose();

        // Reverse order of creation.
        _reader.Dispose();
        _directory.Dispose();
        Analyzer.Dispose();
    }

    /// <summary>BM25's IDF, so coverage and Lucene's scores weigh words alike.</summary>
    private static float InverseFrequency(int count, int documentFrequency) =>
        (float)Math.Log(1 + ((count - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    private static float[] InverseFrequencies(IEnumerable<int[]> documents, int count, int vocabularySize)
    {
        var df = new int[vocabularySize];
        foreach (var terms in documents)
        {
            foreach (var id in terms)
            {
                df[id]++;
            }
        }

        var idf = new float[vocabularySize];
        for (var i = 0; i < idf.Length; i++)
        {
            idf[i] = InverseFrequency(count, df[i]);
        }

        return idf;
    }

    /// <summary>A sentence's words as term ids, each new term given the next id: ids follow first use in story order, however the words were found.</summary>
    private static SentenceToken[] Tokens(AnalysedSentence words, Dictionary<string, int> vocabulary)
    {
        var tokens = new SentenceToken[words.Words.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = words.Words[i];
            if (!vocabulary.TryGetValue(word.Term, out var id))
            {
                id = vocabulary.Count;
                vocabulary.Add(word.Term, id);
            }

            tokens[i] = new SentenceToken(id, word.Start, word.Length, word.Kind);
        }

        return tokens;
    }
}

/// <summary>Milliseconds a build spent analysing sentences into terms, in Lucene (documents, commit, reader), and on the statistics (IDF, term contexts).</summary>
internal sealed record IndexBuildTimes(double AnalysingMs, double LuceneMs, double StatisticsMs);

/// <summary>What an <see cref="ITextEncoder"/> made of an index's text: unit vectors by sentence ordinal and by paragraph index.</summary>
/// <param name="Pieces">Every sentence's word pieces in context, for a one-story index whose encoder reads them (<see cref="ITokenEncoder"/>); null for a library.</param>
internal sealed record MeaningVectors(ITextEncoder Encoder, float[][] Sentences, float[][] Paragraphs, WordPieceAlignment? Pieces = null);

/// <summary>One analyzed word of a sentence: its term id and where it sits in <see cref="Sentence.Text"/>.</summary>
internal readonly record struct SentenceToken(int TermId, int Start, int Length, TokenKind Kind);

/// <summary>A bag of term ids with counts, sorted by id for binary search.</summary>
internal abstract class TermBag
{
    protected TermBag(IEnumerable<SentenceToken> tokens)
    {
        // Sorted and counted in place rather than grouped: every build makes one bag per sentence and paragraph.
        var ids = tokens.Select(t => t.TermId).ToArray();
        Array.Sort(ids);
        var terms = new List<int>();
        var counts = new List<int>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (i > 0 && ids[i] == ids[i - 1])
            {
                counts[^1]++;
            }
            else
            {
                terms.Add(ids[i]);
                counts.Add(1);
            }
        }

        Terms = [.. terms];
        Counts = [.. counts];
        Length = ids.Length;
    }

    /// <summary>Distinct term ids, ascending.</summary>
    public int[] Terms { get; }

    public int[] Counts { get; }

    /// <summary>Analyzed words, stop words excluded.</summary>
    public int Length { get; }

    public int Count(int termId)
    {
        var at = Array.BinarySearch(Terms, termId);
        return at >= 0 ? Counts[at] : 0;
    }

    public bool Contains(int termId) => Array.BinarySearch(Terms, termId) >= 0;
}

internal sealed class IndexedParagraph(IEnumerable<SentenceToken> tokens) : TermBag(tokens);

internal sealed class IndexedSentence : TermBag
{
    public IndexedSentence(Sentence sentence, int storyIndex, int paragraph, int firstInParagraph, int lastInParagraph, SentenceToken[] tokens)
        : base(tokens)
    {
        Sentence = sentence;
        StoryIndex = storyIndex;
        Paragraph = paragraph;
        FirstInParagraph = firstInParagraph;
        LastInParagraph = lastInParagraph;
        Tokens = tokens;
    }

    public Sentence Sentence { get; }

    public int StoryIndex { get; }

    /// <summary>Index into <see cref="StoryIndex.Paragraphs"/>.</summary>
    public int Paragraph { get; }

    /// <summary>Sentence ordinals of this paragraph's first and last sentence.</summary>
    public int FirstInParagraph { get; }

    public int LastInParagraph { get; }

    public SentenceToken[] Tokens { get; }
}
