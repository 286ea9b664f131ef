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
    public void A_sentence_that_only_says_she_aligns_through_the_one_before_it_and_a_paragraphs_first_does_not()
    {
        const string text =
            "Harbour office\n\n" +
            "Maria Lopez ran the harbour office for a decade. She retired in May after a long illness.\n\n" +
            "The office will close for a week in June.";
        using var encoder = new SynonymPieceEncoder();
        using var index = StoryIndex.Build([StoryParser.Parse("office.txt", text)], encoder);

        var candidates = new QuestionAnswerer(index).DescribeCandidates("When did Maria Lopez retire?");

        var retired = candidates.Single(c => index.Sentences[c.Ordinal].Sentence.Text.StartsWith("She retired", StringComparison.Ordinal));
        var ran = candidates.Single(c => index.Sentences[c.Ordinal].Sentence.Text.StartsWith("Maria", StringComparison.Ordinal));
        Assert.True(retired.Features[(int)RankingFeature.PairTokenAlignment] > retired.Features[(int)RankingFeature.TokenAlignment] + 0.2f);
        Assert.Equal(ran.Features[(int)RankingFeature.TokenAlignment], ran.Features[(int)RankingFeature.PairTokenAlignment]);
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
    public void An_index_without_word_pieces_is_ranked_by_the_weights_fitted_without_them()
    {
        // Longer sentences first without pieces, shorter first with them: which set ranked shows in the order.
        static float[] LengthWeight(float weight)
        {
            var weights = new float[QuestionAnswerer.FeatureCount];
            weights[(int)RankingFeature.LogLength] = weight;
            return weights;
        }

        var settings = new RankingSettings { SemanticWeights = LengthWeight(-1), SemanticWeightsWithoutPieces = LengthWeight(1) };
        using var pieces = new SynonymPieceEncoder();
        using var withPieces = StoryIndex.Build([StoryParser.Parse("harbour.txt", HarbourStory)], pieces);
        using var withoutPieces = StoryIndex.Build([StoryParser.Parse("harbour.txt", HarbourStory)], new CountingTextEncoder());

        // The first candidate's LogLength against the longest and shortest of all candidates'.
        (float First, float Longest, float Shortest) Lengths(StoryIndex index)
        {
            const string question = "When does the ferry timetable return to normal?";
            var answerer = new QuestionAnswerer(index, settings: settings);
            var lengths = answerer.DescribeCandidates(question).ToDictionary(c => c.Ordinal, c => c.Features[(int)RankingFeature.LogLength]);
            return (lengths[answerer.RankCandidates(question)[0].Ordinal], lengths.Values.Max(), lengths.Values.Min());
        }

        var without = Lengths(withoutPieces);
        var with = Lengths(withPieces);
        Assert.True(without.Longest > without.Shortest);
        Assert.Equal(without.Longest, without.First);
        Assert.Equal(with.Shortest, with.First);
    }

    [Fact]
    public void A_library_reads_the_word_pieces_of_the_story_asked_about_only_and_passes_the_questions_on()
    {
        const string Other = "Mountain rescue\n\nVolunteers searched the ridge overnight. The climbers were found safe at dawn.";
        using var encoder = new SynonymPieceEncoder();
        using var library = StoryIndex.Build([StoryParser.Parse("harbour.txt", HarbourStory), StoryParser.Parse("mountain.txt", Other)], encoder);
        Assert.Null(library.Meaning?.Pieces);
        Assert.Empty(encoder.PieceTexts);

        var answer = new QuestionAnswerer(library).Ask("How many staff has the ferry firm shed?");

        Assert.Contains("240 jobs", answer.Answers[0].Sentence.Text, StringComparison.Ordinal);
        Assert.Contains("The ferry company has cut 240 jobs since the spring.", encoder.PieceTexts);
        Assert.DoesNotContain(encoder.PieceTexts, text => text.Contains("climbers", StringComparison.Ordinal));
        Assert.Equal(1, encoder.QuestionsWithPieces);
    }

    [Fact]
    public void A_small_librarys_stories_read_their_pieces_ahead_of_any_question()
    {
        const string Other = "Mountain rescue\n\nVolunteers searched the ridge overnight. The climbers were found safe at dawn.";
        using var encoder = new SynonymPieceEncoder();
        using var library = StoryIndex.Build([StoryParser.Parse("harbour.txt", HarbourStory), StoryParser.Parse("mountain.txt", Other)], encoder);

        new QuestionAnswerer(library).Prepare(CancellationToken.None);

        Assert.Contains("The ferry company has cut 240 jobs since the spring.", encoder.PieceTexts);
        Assert.Contains("The climbers were found safe at dawn.", encoder.PieceTexts);
        var read = encoder.PieceTexts.Count;
        new QuestionAnswerer(library).Ask("How many staff has the ferry firm shed?");
        Assert.Equal(read, encoder.PieceTexts.Count);
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
        private int _questionsWithPieces;

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

        public int QuestionsWithPieces => Volatile.Read(ref _questionsWithPieces);

        public (float[] Vector, TokenVectors Pieces) EncodeQuestionWithPieces(string question)
        {
            Interlocked.Increment(ref _questionsWithPieces);
            return (EncodeQuestion(question), Encode(question));
        }

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
