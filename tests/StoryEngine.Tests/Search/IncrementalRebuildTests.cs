using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging.Abstractions;
using StoryEngine.Ingest;
using StoryEngine.Search;

namespace StoryEngine.Tests.Search;

/// <summary>
/// A rebuild that reuses the stories parsed and the sentences analysed by the build before it (what the watcher does
/// when a story is added, changed or removed) gives the index a build from scratch gives: the same answers, the same
/// terms and statistics. Real fixture files in a temporary folder, loaded by the real loader.
/// </summary>
public sealed class IncrementalRebuildTests : IDisposable
{
    private const string Northwind = "001_northwind_battery_plant.txt";
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("bothost-rebuild-").FullName;
    private readonly ParsedStoryCache _parsed = new();
    private readonly SentenceAnalysisCache _analysis = new();

    public IncrementalRebuildTests()
    {
        CopyFixture("seeds", "000_7788cec921cb3b17.txt");
        CopyFixture(Path.Combine("ingest", "stories"), "010_port_strike.md");
        CopyFixture(Path.Combine("ingest", "stories"), "011_city_budget.txt");
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    private void CopyFixture(string folder, string name) =>
        File.Copy(Path.Combine(StoriesFixture.FixturesFolder, folder, name), Path.Combine(_folder, name), overwrite: true);

    /// <summary>Every question of the fixture question files, and a few that cross stories.</summary>
    private static IReadOnlyList<string> Questions { get; } = LoadQuestions();

    private static string[] LoadQuestions()
    {
        var questions = new List<string>();
        foreach (var file in new[] { "000_7788cec921cb3b17.json", Path.ChangeExtension(Northwind, ".json") })
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(StoriesFixture.FixturesFolder, "questions", file)));
            questions.AddRange(json.RootElement.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("question").GetString()!));
        }

        return [.. questions, "Who leads the local union branch?", "When did the strike end?", "How much is the city budget?"];
    }

    /// <summary>Loads and builds the way the watcher rebuilds: with what the last build parsed and analysed.</summary>
    private async Task<StoryIndex> RebuildAsync() =>
        StoryIndex.Build((await StoryLoader.LoadAsync(_folder, NullLogger.Instance, reuse: _parsed)).Stories, analysis: _analysis);

    private async Task<StoryIndex> BuildFromScratchAsync() =>
        StoryIndex.Build((await StoryLoader.LoadAsync(_folder, NullLogger.Instance)).Stories);

    [Fact]
    public async Task A_story_added_after_a_build_is_indexed_as_a_build_from_scratch_would_index_it()
    {
        (await RebuildAsync()).Dispose();
        CopyFixture("stories", Northwind);

        using var rebuilt = await RebuildAsync();
        using var scratch = await BuildFromScratchAsync();

        Assert.Equal((1, 3), (_parsed.Parsed, _parsed.Reused));
        Assert.True(_analysis.Reused > 0, "the unchanged stories' sentences are not analysed again");
        Assert.NotNull(rebuilt.SentencesOf(Northwind));
        AssertSameIndex(scratch, rebuilt);
        Assert.False(new QuestionAnswerer(rebuilt).Ask("Who leads the local union branch?").Abstained);
    }

    [Fact]
    public async Task A_changed_story_is_indexed_as_changed_and_its_old_sentences_are_gone()
    {
        CopyFixture("stories", Northwind);
        (await RebuildAsync()).Dispose();
        var path = Path.Combine(_folder, Northwind);
        File.WriteAllText(path, File.ReadAllText(path).Replace("Dana Kowalski", "Marta Quispe", StringComparison.Ordinal));

        using var rebuilt = await RebuildAsync();
        using var scratch = await BuildFromScratchAsync();

        Assert.Equal((1, 3), (_parsed.Parsed, _parsed.Reused));
        Assert.DoesNotContain(rebuilt.Sentences, s => s.Sentence.Text.Contains("Kowalski", StringComparison.Ordinal));
        Assert.Contains(rebuilt.Sentences, s => s.Sentence.Text.Contains("Marta Quispe", StringComparison.Ordinal));
        Assert.Equal(-1, rebuilt.TermId("kowalski"));
        AssertSameIndex(scratch, rebuilt);
    }

    [Fact]
    public async Task A_removed_story_is_gone_from_the_rebuilt_index()
    {
        CopyFixture("stories", Northwind);
        (await RebuildAsync()).Dispose();
        File.Delete(Path.Combine(_folder, Northwind));

        using var rebuilt = await RebuildAsync();
        using var scratch = await BuildFromScratchAsync();

        Assert.Null(rebuilt.SentencesOf(Northwind));
        Assert.DoesNotContain(rebuilt.Stories, s => s.Id == Northwind);
        Assert.Equal(-1, rebuilt.TermId("northwind"));
        Assert.Equal(0, rebuilt.Reader.DocFreq(new Term(StoryIndex.SentenceField, "northwind")));
        AssertSameIndex(scratch, rebuilt);
    }

    [Fact]
    public async Task Several_changes_in_a_row_still_give_the_index_a_build_from_scratch_gives()
    {
        (await RebuildAsync()).Dispose();
        CopyFixture("stories", Northwind);
        (await RebuildAsync()).Dispose();
        File.Delete(Path.Combine(_folder, "010_port_strike.md"));
        (await RebuildAsync()).Dispose();
        CopyFixture(Path.Combine("ingest", "stories"), "010_port_strike.md");

        using var rebuilt = await RebuildAsync();
        using var scratch = await BuildFromScratchAsync();

        AssertSameIndex(scratch, rebuilt);
    }

    [Fact]
    public async Task Sentences_are_indexed_in_Lucene_as_the_analyzer_itself_would_index_them()
    {
        CopyFixture("stories", Northwind);
        using var index = await BuildFromScratchAsync();

        // The reference: each sentence given to Lucene as text, analysed by the writer, as indexes were built before
        // (with the same field options).
        using var analyzer = new NewsAnalyzer();
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(NewsAnalyzer.Version, analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var sentence in index.Sentences)
            {
                writer.AddDocument([new Field(StoryIndex.SentenceField, sentence.Sentence.Text, StoryIndex.SentenceFieldType)]);
            }
        }

        using var reference = DirectoryReader.Open(directory);
        AssertSamePostings(reference, index.Reader, index.DocToSentence);
    }

    /// <summary>Same stories, sentences, term ids, statistics, Lucene postings and answers.</summary>
    private static void AssertSameIndex(StoryIndex expected, StoryIndex actual)
    {
        Assert.Equal(expected.Stories.Select(s => s.Id), actual.Stories.Select(s => s.Id));
        Assert.Equal(expected.Sentences.Select(s => s.Sentence), actual.Sentences.Select(s => s.Sentence));
        Assert.Equal(expected.Sentences.Select(s => s.Tokens), actual.Sentences.Select(s => s.Tokens));
        Assert.Equal(expected.Paragraphs.Select(p => p.Terms), actual.Paragraphs.Select(p => p.Terms));
        Assert.Equal(expected.Paragraphs.Select(p => p.Counts), actual.Paragraphs.Select(p => p.Counts));
        Assert.Equal(expected.Idf, actual.Idf);
        Assert.Equal(expected.ParagraphIdf, actual.ParagraphIdf);
        Assert.Equal(expected.TermPrefixGroup, actual.TermPrefixGroup);
        Assert.Equal(expected.DocToSentence, actual.DocToSentence);
        AssertSamePostings(expected.Reader, actual.Reader, null);

        var expectedAnswers = new QuestionAnswerer(expected);
        var actualAnswers = new QuestionAnswerer(actual);
        foreach (var question in Questions)
        {
            AssertSameAnswers(expectedAnswers.Ask(question), actualAnswers.Ask(question));
        }
    }

    private static void AssertSameAnswers(AskResult expected, AskResult actual)
    {
        Assert.Equal((expected.Question, expected.Abstained, expected.Rejection), (actual.Question, actual.Abstained, actual.Rejection));
        Assert.Equal(expected.Answers.Count, actual.Answers.Count);
        foreach (var (e, a) in expected.Answers.Zip(actual.Answers))
        {
            Assert.Equal((e.Sentence, e.Score, e.ShortAnswer), (a.Sentence, a.Score, a.ShortAnswer));
            Assert.Equal(e.Highlights, a.Highlights);
        }
    }

    /// <summary>
    /// Every term's documents and frequencies, and every document's norm, the same in both readers;
    /// with <paramref name="actualToExpected"/> the actual reader's documents are mapped to the expected's first.
    /// </summary>
    private static void AssertSamePostings(IndexReader expected, IndexReader actual, int[]? actualToExpected)
    {
        Assert.Equal(expected.NumDocs, actual.NumDocs);
        var expectedReader = SlowCompositeReaderWrapper.Wrap(expected);
        var actualReader = SlowCompositeReaderWrapper.Wrap(actual);
        int Map(int doc) => actualToExpected is null ? doc : actualToExpected[doc];

        var expectedNorms = expectedReader.GetNormValues(StoryIndex.SentenceField);
        var actualNorms = actualReader.GetNormValues(StoryIndex.SentenceField);
        var norms = new long[expected.MaxDoc];
        for (var doc = 0; doc < actual.MaxDoc; doc++)
        {
            norms[Map(doc)] = actualNorms.Get(doc);
        }

        Assert.Equal(Enumerable.Range(0, expected.MaxDoc).Select(expectedNorms.Get), norms);

        var expectedTerms = expectedReader.GetTerms(StoryIndex.SentenceField).GetEnumerator();
        var actualTerms = actualReader.GetTerms(StoryIndex.SentenceField).GetEnumerator();
        while (expectedTerms.MoveNext())
        {
            Assert.True(actualTerms.MoveNext());
            Assert.Equal(expectedTerms.Term.Utf8ToString(), actualTerms.Term.Utf8ToString());
            Assert.Equal((expectedTerms.DocFreq, expectedTerms.TotalTermFreq), (actualTerms.DocFreq, actualTerms.TotalTermFreq));
            Assert.Equal(Frequencies(expectedTerms.Docs(null, null), doc => doc), Frequencies(actualTerms.Docs(null, null), Map));
        }

        Assert.False(actualTerms.MoveNext());
    }

    private static SortedDictionary<int, int> Frequencies(DocsEnum postings, Func<int, int> map)
    {
        var frequencies = new SortedDictionary<int, int>();
        while (postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            frequencies[map(postings.DocID)] = postings.Freq;
        }

        return frequencies;
    }
}
