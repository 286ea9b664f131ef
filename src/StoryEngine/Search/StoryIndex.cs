using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace StoryEngine.Search;

/// <summary>
/// An immutable in-memory Lucene index over the sentences of a set of stories, plus the per-sentence analysis
/// (terms and their character offsets) that re-ranking and highlighting need. Built once; safe to share across threads.
/// It is the single owner of its Directory, reader and analyzer.
/// </summary>
public sealed class StoryIndex : IDisposable
{
    internal const string SentenceField = "s";
    internal const string ContextField = "c";
    internal const string ParagraphField = "p";
    private const string OrdinalField = "o";

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly Dictionary<string, int> _vocabulary;

    private StoryIndex(
        IReadOnlyList<Story> stories,
        IndexedSentence[] sentences,
        Dictionary<string, int> vocabulary,
        float[] idf,
        NewsAnalyzer analyzer,
        RAMDirectory directory,
        DirectoryReader reader,
        int[] docToSentence)
    {
        Stories = stories;
        Sentences = sentences;
        _vocabulary = vocabulary;
        Idf = idf;
        Analyzer = analyzer;
        _directory = directory;
        _reader = reader;
        DocToSentence = docToSentence;
        MaxIdf = InverseFrequency(sentences.Length, 0);
    }

    public IReadOnlyList<Story> Stories { get; }

    public int SentenceCount => Sentences.Length;

    internal IndexedSentence[] Sentences { get; }

    internal NewsAnalyzer Analyzer { get; }

    internal IndexReader Reader => _reader;

    internal int[] DocToSentence { get; }

    /// <summary>Sentence-level inverse document frequency by term id.</summary>
    internal float[] Idf { get; }

    /// <summary>The IDF of a term no sentence contains: an unknown question word weighs the most.</summary>
    internal float MaxIdf { get; }

    /// <summary>Indexes every sentence of <paramref name="stories"/>; the caller owns (and disposes) the result.</summary>
    public static StoryIndex Build(IReadOnlyList<Story> stories)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var analyzer = new NewsAnalyzer();
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentences = new List<IndexedSentence>();
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(NewsAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
        };

        using (var writer = new IndexWriter(directory, config))
        {
            for (var storyIndex = 0; storyIndex < stories.Count; storyIndex++)
            {
                var story = stories[storyIndex];
                foreach (var paragraph in story.Paragraphs)
                {
                    for (var i = 0; i < paragraph.Sentences.Count; i++)
                    {
                        var sentence = paragraph.Sentences[i];
                        var tokens = Tokenize(analyzer, sentence.Text, vocabulary);
                        var ordinal = sentences.Count;
                        sentences.Add(new IndexedSentence(sentence, storyIndex, tokens));

                        // Neighbours carry what a sentence's pronouns refer to ("He said..." after "Witkoff arrived").
                        var context = string.Join(' ',
                            i > 0 ? paragraph.Sentences[i - 1].Text : string.Empty,
                            i + 1 < paragraph.Sentences.Count ? paragraph.Sentences[i + 1].Text : string.Empty);
                        writer.AddDocument(
                        [
                            new TextField(SentenceField, sentence.Text, Field.Store.NO),
                            new TextField(ContextField, context, Field.Store.NO),
                            new TextField(ParagraphField, paragraph.Text, Field.Store.NO),
                            new NumericDocValuesField(OrdinalField, ordinal),
                        ]);
                    }
                }
            }

            writer.Commit();
        }

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

        var array = sentences.ToArray();
        return new StoryIndex(stories, array, vocabulary, ComputeIdf(array, vocabulary.Count), analyzer, directory, reader, docToSentence);
    }

    /// <summary>The id of an analyzed term, or -1 when no sentence contains it.</summary>
    internal int TermId(string term) => _vocabulary.GetValueOrDefault(term, -1);

    /// <summary>BM25's IDF, so coverage and Lucene's scores weigh words alike.</summary>
    private static float InverseFrequency(int count, int documentFrequency) =>
        (float)Math.Log(1 + ((count - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    public void Dispose()
    {
        // Reverse order of creation.
        _reader.Dispose();
        _directory.Dispose();
        Analyzer.Dispose();
    }

    private static float[] ComputeIdf(IndexedSentence[] sentences, int vocabularySize)
    {
        var df = new int[vocabularySize];
        foreach (var sentence in sentences)
        {
            foreach (var id in sentence.DistinctTerms)
            {
                df[id]++;
            }
        }

        var idf = new float[vocabularySize];
        for (var i = 0; i < idf.Length; i++)
        {
            idf[i] = InverseFrequency(sentences.Length, df[i]);
        }

        return idf;
    }

    private static SentenceToken[] Tokenize(Analyzer analyzer, string text, Dictionary<string, int> vocabulary)
    {
        var tokens = new List<SentenceToken>();
        using var stream = analyzer.GetTokenStream(SentenceField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (!vocabulary.TryGetValue(value, out var id))
            {
                id = vocabulary.Count;
                vocabulary.Add(value, id);
            }

            var start = offset.StartOffset;
            var length = offset.EndOffset - start;
            tokens.Add(new SentenceToken(id, start, length, TokenKinds.Classify(text, start, length)));
        }

        stream.End();
        return [.. tokens];
    }
}

/// <summary>One analyzed word of a sentence: its term id and where it sits in <see cref="Sentence.Text"/>.</summary>
internal readonly record struct SentenceToken(int TermId, int Start, int Length, TokenKind Kind);

internal sealed class IndexedSentence
{
    public IndexedSentence(Sentence sentence, int storyIndex, SentenceToken[] tokens)
    {
        Sentence = sentence;
        StoryIndex = storyIndex;
        Tokens = tokens;
        DistinctTerms = [.. tokens.Select(t => t.TermId).Distinct()];
    }

    public Sentence Sentence { get; }

    public int StoryIndex { get; }

    public SentenceToken[] Tokens { get; }

    public int[] DistinctTerms { get; }

    public bool Contains(int termId) => Array.IndexOf(DistinctTerms, termId) >= 0;
}
