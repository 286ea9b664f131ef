using StoryEngine.Ingest;
using StoryEngine.Search;
using StoryEngine.Tests.Hosting;

namespace StoryEngine.Tests.Search;

/// <summary>How /ask uses a sentence reader (a cross-encoder), with a reader whose judgement the test sets.</summary>
public sealed class SentenceReaderRankingTests
{
    private const string Question = "How many people will the plant employ?";

    [Fact]
    public void The_sentence_the_reader_favours_among_the_best_candidates_comes_first()
    {
        var plain = TopSentences(reader: null);
        var favoured = plain[1];

        var reread = TopSentences(new MarkedSentenceReader(favoured));

        Assert.NotEqual(favoured, plain[0]);
        Assert.Equal(favoured, reread[0]);
    }

    [Fact]
    public void At_weight_zero_the_reader_changes_nothing()
    {
        var reader = new MarkedSentenceReader("Construction will begin");

        Assert.Equal(TopSentences(reader: null), TopSentences(reader, new RankingSettings { ReaderWeight = 0 }));
        Assert.Equal(0, reader.Read);
    }

    [Fact]
    public void It_abstains_when_the_reader_finds_no_answer_among_the_candidates_and_abstention_is_on()
    {
        var doubtful = new MarkedSentenceReader("no sentence has this", noAnswer: 8);

        Assert.True(Ask(doubtful, new RankingSettings { ReaderAbstainAt = 0.9 }).Abstained);
        Assert.False(Ask(doubtful, new RankingSettings { ReaderAbstainAt = 1.1 }).Abstained);
    }

    [Fact]
    public void The_reader_reads_as_many_candidates_as_set_or_as_answers_asked_for()
    {
        var reader = new MarkedSentenceReader("Construction will begin");

        Ask(reader, new RankingSettings { ReaderCandidates = 2 }, top: 1);
        Assert.Equal(2, reader.Read);

        Ask(reader, new RankingSettings { ReaderCandidates = 2 }, top: 3);
        Assert.Equal(3, reader.Read);
    }

    private static List<string> TopSentences(ISentenceReader? reader, RankingSettings? settings = null) =>
        [.. Ask(reader, settings, top: 3).Answers.Select(a => a.Sentence.Text)];

    private static AskResult Ask(ISentenceReader? reader, RankingSettings? settings = null, int top = 3)
    {
        var story = StoryParser.Parse("plant.txt", File.ReadAllText(Path.Combine(StoriesFixture.FixturesFolder, "stories", "001_northwind_battery_plant.txt")));
        using var index = StoryIndex.Build([story], new ReadingEncoder(reader));
        // No relative-likelihood cut: the test compares whole top-three lists.
        var answerer = new QuestionAnswerer(index, settings: (settings ?? new RankingSettings()) with { MinRelativeLikelihood = 0 });
        return answerer.Ask(Question, top);
    }

    /// <summary>Gives a high logit to sentences holding a marker and counts the sentences it read.</summary>
    private sealed class MarkedSentenceReader(string marker, float noAnswer = -20) : ISentenceReader
    {
        public int Read { get; private set; }

        public string Identity => "marked-sentence-reader";

        public float NoAnswer { get; } = noAnswer;

        float[] ISentenceReader.Read(string question, IReadOnlyList<string> sentences, CancellationToken cancellationToken)
        {
            Read = sentences.Count;
            return [.. sentences.Select(s => s.Contains(marker, StringComparison.Ordinal) ? 50f : 0f)];
        }
    }

    private sealed class ReadingEncoder(ISentenceReader? reader) : ITextEncoder
    {
        private readonly CountingTextEncoder _vectors = new();

        public ISentenceReader? Reader => reader;

        public float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default) =>
            _vectors.EncodePassages(passages, cancellationToken);

        public float[] EncodeQuestion(string question) => _vectors.EncodeQuestion(question);
    }
}
