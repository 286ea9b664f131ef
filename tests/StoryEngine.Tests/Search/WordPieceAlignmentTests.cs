using StoryEngine.Hosting;
using StoryEngine.Ingest;
using StoryEngine.Search;
using StoryEngine.Tests.Hosting;

namespace StoryEngine.Tests.Search;

/// <summary>Matching a question with sentences word by word in context (<see cref="WordPieceAlignment"/>), with a stand-in model.</summary>
public sealed class WordPieceAlignmentTests
{
    private const string HarbourStory =
        "Harbour news\n\n" +
        "The ferry company has cut 240 jobs since the spring. Passengers queued for hours at the terminal on Friday.\n\n" +
        "A spokesman said the timetable would return to normal next week.";

    [Theory]
    [InlineData("what", false)]
    [InlineData("did", false)]
    [InlineData("the", false)]
    [InlineData("?", false)]
    [InlineData("s", false)]
    [InlineData("##s", false)]
    [InlineData("ferry", true)]
    [InlineData("##ling", true)]
    [InlineData("7", true)]
    [InlineData("not", true)]
    public void Question_words_stop_words_single_letters_and_punctuation_carry_no_weight(string piece, bool content)
    {
        Assert.Equal(content, WordPieceAlignment.IsContent(piece));
    }

    [Fact]
    public void A_piece_no_sentence_has_weighs_more_than_one_every_sentence_has()
    {
        var alignment = new WordPieceAlignment([Pieces("ferry", "cut"), Pieces("ferry", "queue"), Pieces("ferry", "timetable")]);

        var question = alignment.Question(Pieces("ferry", "staff"));

        Assert.Equal(2, question.Pieces.Length);
        Assert.True(question.Weights[1] > question.Weights[0] * 3);
    }

    [Fact]
    public void A_sentence_saying_every_question_piece_aligns_fully_and_one_saying_none_does_not()
    {
        var alignment = new WordPieceAlignment([Pieces("ferry", "cut", "jobs"), Pieces("passengers", "queued")]);
        var question = alignment.Question(Pieces("how", "ferry", "cut", "jobs"));

        Assert.Equal(1f, WordPieceAlignment.Score(question, alignment.Closest(question, 0)), 2);
        Assert.True(WordPieceAlignment.Score(question, alignment.Closest(question, 1)) < 0.5f);
    }

    [Fact]
    public void Eight_bit_dot_products_equal_the_plain_sum_at_any_length()
    {
        var random = new Random(7);
        foreach (var length in new[] { 1, 7, 31, 32, 33, 64, 100, 384 })
        {
            var a = new sbyte[length];
            var b = new sbyte[length];
            for (var i = 0; i < length; i++)
            {
                a[i] = (sbyte)random.Next(-127, 128);
                b[i] = (sbyte)random.Next(-127, 128);
            }

            Assert.Equal(a.Zip(b, (x, y) => x * y).Sum(), VectorMath.Dot(a, b));
        }
    }

    [Fact]
    public void The_sentence_that_says_the_questions_words_differently_aligns_best_and_its_paragraph_too()
    {
        using var encoder = new SynonymPieceEncoder();
        using var index = StoryIndex.Build([StoryParser.Parse("harbour.txt", HarbourStory)], encoder);

        var candidates = new QuestionAnswerer(index).DescribeCandidates("How many staff has the ferry firm shed?");

        var cut = candidates.Single(c => index.Sentences[c.Ordinal].Sentence.Text.Contains("240 jobs", StringComparison.Ordinal));
        var others = candidates.Where(c => c.Ordinal != cut.Ordinal).ToList();
        Assert.NotEmpty(others);
        Assert.All(others, c => Assert.True(c.Features[(int)RankingFeature.TokenAlignment] < cut.Features[(int)RankingFeature.TokenAlignment]));
        Assert.True(cut.Features[(int)RankingFeature.TokenAlignmentZ] > 0);

        // Its neighbour in the paragraph aligns with the question through it.
        var queued = candidates.Single(c => index.Sentences[c.Ordinal].Sentence.Text.StartsWith("Passengers", StringComparison.Ordinal));
        Assert.Equal(cut.Features[(int)RankingFeature.ParagraphTokenAlignment], queued.Features[(int)RankingFeature.ParagraphTokenAlignment], 3);
    }

    [Fact]
    public void Without_word_pieces_the_alignment_features_stay_zero()
    {
        var encoder = new CountingTextEncoder();
        using var index = StoryIndex.Build([StoryParser.Parse("harbour.txt", HarbourStory)], encoder);

        var candidates = new QuestionAnswerer(index).DescribeCandidates("How many staff has the ferry firm shed?");

        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.Equal(0, c.Features[(int)RankingFeature.TokenAlignment]));
    }

    [Fact]
    public void A_rebuild_encodes_the_pieces_of_new_sentences_only()
    {
        using var model = new SynonymPieceEncoder();
        var encoder = new ReusingTextEncoder(model);
        encoder.BeginBuild();
        StoryIndex.Build([StoryParser.Parse("harbour.txt", HarbourStory)], encoder).Dispose();
        encoder.EndBuild();
        var first = model.PieceTexts;

        encoder.BeginBuild();
        using var index = StoryIndex.Build([StoryParser.Parse("harbour.txt", HarbourStory + "\nThe port reopened on Monday.")], encoder);
        encoder.EndBuild();

        Assert.Equal(["The port reopened on Monday."], model.PieceTexts.Skip(first.Count));
        Assert.NotNull(index.Meaning?.Pieces);
    }

    private static TokenVectors Pieces(params string[] words) => SynonymPieceEncoder.Encode(string.Join(' ', words));

    /// <summary>
    /// A stand-in model whose pieces are a text's lower-case words, each with one axis of its own, shared by a few
    /// invented synonyms (staff/jobs, shed/cut, firm/company): what a real model's context vectors do for paraphrase.
    /// </summary>
    private sealed class SynonymPieceEncoder : ITextEncoder, ITokenEncoder, IDisposable
    {
        private const int Dimension = 64;
        private static readonly Dictionary<string, string> Senses = new(StringComparer.Ordinal)
        {
            ["staff"] = "jobs", ["shed"] = "cut", ["firm"] = "company",
        };

        private readonly List<string> _pieceTexts = [];

        public IReadOnlyList<string> PieceTexts
        {
            get
            {
                lock (_pieceTexts)
                {
                    return [.. _pieceTexts];
                }
            }
        }

        public bool ReadsWordPieces => true;

        public float[][] EncodePassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default) =>
            [.. passages.Select(CountingTextEncoder.Vector)];

        public float[] EncodeQuestion(string question) => CountingTextEncoder.Vector(question);

        public TokenVectors[] EncodeTokens(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            lock (_pieceTexts)
            {
                _pieceTexts.AddRange(texts);
            }

            return [.. texts.Select(Encode)];
        }

        public (float[] Vector, TokenVectors Pieces) EncodeQuestionWithPieces(string question) => (EncodeQuestion(question), Encode(question));

        public void Dispose()
        {
        }

        public static TokenVectors Encode(string text)
        {
            var words = text.ToLowerInvariant().Split([' ', '.', ',', '?'], StringSplitOptions.RemoveEmptyEntries);
            var vectors = new sbyte[words.Length * Dimension];
            for (var i = 0; i < words.Length; i++)
            {
                var sense = Senses.GetValueOrDefault(words[i], words[i]);
                vectors[(i * Dimension) + (int)((uint)StableHash(sense) % Dimension)] = 127;
            }

            return new TokenVectors(words, vectors);
        }

        private static int StableHash(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c));
    }
}
