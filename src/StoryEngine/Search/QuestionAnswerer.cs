using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using StoryEngine.Reading;

namespace StoryEngine.Search;

/// <summary>
/// Answers plain-text questions from a <see cref="StoryIndex"/>: the question is analyzed with the index's own
/// analyzer and turned into term queries (never parsed as Lucene syntax), Lucene's BM25 picks candidate sentences,
/// and a linear re-ranking over measured features (<see cref="RankingFeature"/>: paragraph BM25, coverage,
/// neighbours, answer kind, proximity) orders them. It abstains when the best sentence and its paragraph cover too
/// little of the question. With sentence vectors in the index, a question the word ranking is unsure of is ranked
/// again with them (<see cref="RankingSettings.WordsSureAt"/>). Thread-safe.
/// </summary>
public sealed class QuestionAnswerer : IQuestionAnswerer
{
    public const int DefaultMaxQuestionLength = 500;

    /// <summary>No chat reply shows more; larger requests are clamped.</summary>
    public const int MaxTop = 20;

    internal const int FeatureCount = (int)RankingFeature.PairTokenAlignment + 1;

    /// <summary>Enough for any sensible question; caps the query's clause count.</summary>
    private const int MaxConcepts = 40;

    // Words that say what kind of answer is wanted but never appear in it.
    internal const string QuestionWordList =
        "what who whom whose when where which why how did do does done has have had were been being am can could " +
        "would should shall may might must much many";

    // After "what" or "which" these name the kind of answer ("what year", "which country"); the answer sentence
    // holds the year or the country, rarely the word itself.
    private const string AnswerTypeNounList =
        "year date day time month century decade period type kind sort name term percentage percent number amount country city place";

    private readonly StoryIndex _index;
    private readonly int _maxQuestionLength;
    private readonly HashSet<string> _questionWords;
    private readonly HashSet<string> _answerTypeNouns;
    private readonly HashSet<string> _whatWhich;
    private readonly HashSet<string> _typeOfNouns;
    private readonly NewsSynonyms _synonyms;
    private readonly IndexSearcher _searcher;
    private readonly float[] _wordWeights;
    private readonly float[] _meaningWeights;
    private readonly float[] _meaningWithoutPiecesWeights;

    public QuestionAnswerer(StoryIndex index, int maxQuestionLength = DefaultMaxQuestionLength, RankingSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQuestionLength, 1);
        _index = index;
        _maxQuestionLength = maxQuestionLength;
        Settings = settings ?? new RankingSettings();
        if (Settings.Weights.Count != FeatureCount || Settings.SemanticWeights.Count != FeatureCount || Settings.SemanticWeightsWithoutPieces.Count != FeatureCount)
        {
            throw new ArgumentException($"The ranking needs {FeatureCount} feature weights, one per {nameof(RankingFeature)}.", nameof(settings));
        }

        if (!(Settings.Temperature > 0) || !(Settings.SemanticTemperature > 0) || !(Settings.SemanticTemperatureWithoutPieces > 0))
        {
            throw new ArgumentException("The softmax temperatures must be positive.", nameof(settings));
        }

        _wordWeights = [.. Settings.Weights];
        _meaningWeights = [.. Settings.SemanticWeights];
        _meaningWithoutPiecesWeights = [.. Settings.SemanticWeightsWithoutPieces];

        _questionWords = NewsSynonyms.Analyze(index.Analyzer, QuestionWordList).ToHashSet(StringComparer.Ordinal);
        _answerTypeNouns = NewsSynonyms.Analyze(index.Analyzer, AnswerTypeNounList).ToHashSet(StringComparer.Ordinal);
        _whatWhich = NewsSynonyms.Analyze(index.Analyzer, "what which").ToHashSet(StringComparer.Ordinal);
        _typeOfNouns = NewsSynonyms.Analyze(index.Analyzer, "type kind sort form").ToHashSet(StringComparer.Ordinal);
        _synonyms = new NewsSynonyms(index.Analyzer);
        _searcher = new IndexSearcher(index.Reader) { Similarity = new BM25Similarity(Settings.K1, Settings.B) };
    }

    public RankingSettings Settings { get; }

    /// <summary>
    /// Reads ahead what questions would otherwise find on first use: the related-words lexicon (about half a second
    /// to read), who speaks in each story and, in a small library, each story's own index with its word pieces.
    /// Returns the number of stories whose speakers were read.
    /// </summary>
    public int Prepare(CancellationToken cancellationToken)
    {
        _ = RelatedWords.Default;
        var stories = _index.FindAllSpeakers(cancellationToken);
        _index.ReadStoriesAloneAhead(cancellationToken);
        return stories;
    }

    public AskResult Ask(string question, int top = 3, string? story = null)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return Reject(string.Empty, EmptyQuestion);
        }

        if (question.Length > _maxQuestionLength)
        {
            return Reject(
                StripControlCharacters(question[..80]) + "…",
                $"That question is too long ({question.Length} characters); please keep it under {_maxQuestionLength}.");
        }

        var clean = StripControlCharacters(question);
        if (string.IsNullOrWhiteSpace(clean))
        {
            return Reject(string.Empty, EmptyQuestion);
        }

        if (_index.Stories.Count > 1)
        {
            return AskLibrary(clean, top, story);
        }

        return Answer(clean, top, story);
    }

    /// <summary>
    /// A library answers in two steps: its ranking over every story picks the story (the story of its best sentence,
    /// right for 217 of newsqa-dev's 239 answered questions), then that story indexed alone ranks its sentences as if
    /// it were the only one served. Over the whole library a story's words weigh by their rarity among all stories'
    /// sentences ("Calderon", in one story of thirty, outweighs what the question asks about him); alone, by their
    /// rarity in the story, as the ranking was fitted. Measured on newsqa-dev served as one library: 104 → 123 of
    /// 240 right first. A story named by the asker skips the first step. The library's answers from other stories
    /// fill what room the story's own leave.
    /// </summary>
    private AskResult AskLibrary(string question, int top, string? story)
    {
        // Encoded at most once, for the library's ranking and the story's alike.
        var questionVector = QuestionVector(question);
        AskResult? library = null;
        int chosen;
        if (story is not null)
        {
            chosen = _index.StoryIndexOf(story);
            if (chosen < 0)
            {
                return new AskResult(question, Abstained: true, []);
            }
        }
        else
        {
            library = Answer(question, top, story: null, questionVector);
            if (library.Abstained || library.Answers.Count == 0)
            {
                return library;
            }

            chosen = _index.StoryIndexOf(library.Answers[0].Sentence.Story);
        }

        using var alone = _index.Alone.Acquire(chosen);
        var answer = new QuestionAnswerer(alone.Index, _maxQuestionLength, Settings).Answer(question, top, story: null, questionVector);

        if (library is null)
        {
            return answer;
        }

        // Alone, the story may find the question off topic where the library, weighing its rare words higher, did
        // not: the library's answer stands then rather than none.
        if (answer.Abstained)
        {
            return library;
        }

        // Room left after the story's own answers goes to the library's from other stories: a question that fits
        // several stories still shows them, after the best story's.
        var others = library.Answers.Where(a => a.Sentence.Story != answer.Answers[0].Sentence.Story).Take(top - answer.Answers.Count);
        return answer with { Answers = [.. answer.Answers, .. others] };
    }

    /// <summary>Answers a question already checked and cleaned, from the whole index or one story of it.</summary>
    /// <param name="questionVector">The question's vector, when a caller has one coming; encoded here on first need otherwise.</param>
    private AskResult Answer(string clean, int top, string? story, Lazy<EncodedQuestion>? questionVector = null)
    {
        questionVector ??= QuestionVector(clean);
        // A story narrows the search itself (Lucene's candidates and the closest in meaning alike), so the answers are
        // that story's best, not what is left of the library's best after filtering.
        Range? scope = null;
        if (story is not null)
        {
            scope = _index.SentencesOf(story);
            if (scope is null)
            {
                return new AskResult(clean, Abstained: true, []);
            }
        }

        top = Math.Clamp(top, 1, MaxTop);
        var concepts = Concepts(clean, out var focus);
        if (concepts.Count == 0)
        {
            // Nothing but question and stop words ("what is it?"): nothing to look up.
            return new AskResult(clean, Abstained: true, []);
        }

        var wanted = QuestionKind.Of(clean);
        var analysis = QuestionAnalysis.Of(clean);
        // With WordsSureAt above 1 every question is ranked by meaning, so a ranking by words first would be thrown away.
        var meaningOnly = _index.Meaning is not null && Settings.WordsSureAt > 1;
        var candidates = Rank(concepts, focus, wanted, analysis, clean, scope, byMeaning: meaningOnly, questionVector);
        var reach = Reach.Of(candidates);
        if (!meaningOnly && _index.Meaning is not null && !SureByWords(candidates, reach))
        {
            candidates = Rank(concepts, focus, wanted, analysis, clean, scope, byMeaning: true, questionVector);
            reach = Reach.Of(candidates);
        }

        // Whether the stories speak to the question at all is read from the candidates' paragraphs, not the top
        // sentence alone: the ranking may rightly prefer a sentence that holds the answer but repeats little of the
        // question ("It opened in 1851." after the sentence naming the subject), and a question paraphrased over
        // two sentences meets most of its words only in their paragraph. Off-topic questions match a stray word or
        // two, in a sentence and its paragraph alike.
        // With sentence vectors, a question worded apart from the story still counts as on topic when some
        // sentence is close to it in meaning; an off-topic question is far from all of them.
        var onTopic = reach.ParagraphCovered >= Settings.MinConfidence
            || (_index.Meaning is { } meaning && reach.Closest >= (meaning.Encoder.OnTopicSimilarity ?? Settings.MinSimilarity));
        if (candidates.Count == 0 || !onTopic)
        {
            return new AskResult(clean, Abstained: true, []);
        }

        // Confidence is the ranker's own probability for the sentence: its scores are logits of a softmax over the
        // candidates, fitted so that the sentence that answers takes the mass. On reader questions it tracks how often
        // the top answer is right (see README); coverage, which it was before, read 100 % on wrong answers.
        var best = candidates[0];
        var partition = Partition(candidates);

        // Further answers only while the ranker finds them at least MinRelativeLikelihood as likely as the best: the
        // tail of a clear-cut ranking is noise that happens to share a word.
        var answers = new List<Answer>(Math.Min(top, candidates.Count));
        for (var i = 0; i < Math.Min(top, candidates.Count); i++)
        {
            var candidate = candidates[i];
            var likelihood = Math.Exp(candidate.Score - best.Score);
            if (i > 0 && likelihood < Settings.MinRelativeLikelihood)
            {
                break;
            }

            var sentence = _index.Sentences[candidate.Ordinal];
            var shortAnswer = AnswerExtractor.Extract(sentence.Sentence.Text, analysis, _index.MentionsOf(candidate.Ordinal)).Span;
            answers.Add(new Answer(
                sentence.Sentence,
                likelihood / partition,
                Highlights(sentence, concepts),
                shortAnswer is { } span ? new TextRange(span.Start, span.Length) : null));
        }

        return new AskResult(clean, Abstained: false, answers);
    }

    /// <summary>Whether the word ranking alone is on topic and sure enough of its best sentence (<see cref="RankingSettings.WordsSureAt"/>).</summary>
    private bool SureByWords(List<Candidate> candidates, Reach reach)
    {
        if (candidates.Count == 0 || reach.ParagraphCovered < Settings.MinConfidence)
        {
            return false;
        }

        // The best sentence's share of the softmax over all candidates.
        return 1 / Partition(candidates) >= Settings.WordsSureAt;
    }

    /// <summary>The softmax's normaliser over the candidates, relative to the best (which counts 1): the best's share is its inverse.</summary>
    private static double Partition(List<Candidate> candidates)
    {
        double total = 0;
        foreach (var candidate in candidates)
        {
            total += Math.Exp(candidate.Score - candidates[0].Score);
        }

        return total;
    }

    /// <summary>
    /// How far the best candidates reach into the question: the most of it one sentence (with its paragraph) covers,
    /// the most one paragraph covers, and the closest any sentence is in meaning. Abstention reads these.
    /// </summary>
    private readonly record struct Reach(double Covered, double ParagraphCovered, double Closest)
    {
        public static Reach Of(List<Candidate> candidates)
        {
            double covered = 0, paragraphCovered = 0, closest = 0;
            foreach (var candidate in candidates)
            {
                covered = Math.Max(covered, candidate.Confidence);
                paragraphCovered = Math.Max(paragraphCovered, candidate.ParagraphCoverage);
                closest = Math.Max(closest, candidate.Similarity);
            }

            return new Reach(covered, paragraphCovered, closest);
        }
    }

    private const string EmptyQuestion = "Please type a question about the stories, for example: /ask who is quoted?";

    private static AskResult Reject(string question, string reason) => new(question, Abstained: false, [], reason);

    // Control characters would corrupt terminals and logs; tabs and line breaks become plain spaces.
    private static string StripControlCharacters(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.AsSpan().ContainsAnyInRange('\u007f', '\u009f'))
        {
            return text.Trim();
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        }).Trim();
    }

    /// <param name="focus">Index into the result of the noun after "what"/"which" ("which river"), or -1.</param>
    private List<Concept> Concepts(string question, out int focus)
    {
        focus = -1;
        var concepts = new List<Concept>();
        using var stream = _index.Analyzer.GetTokenStream(StoryIndex.SentenceField, question);
        var termAttribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var afterWhatOrWhich = false;
        var focusPending = false;
        while (stream.IncrementToken() && concepts.Count < MaxConcepts)
        {
            var term = termAttribute.ToString();
            var typeNoun = afterWhatOrWhich && Settings.DropAnswerTypeNouns && _answerTypeNouns.Contains(term);
            var questionWord = _questionWords.Contains(term);
            var isFocus = focusPending && !typeNoun && !questionWord;
            afterWhatOrWhich = _whatWhich.Contains(term);

            // "Which river": the focus follows what/which; "what kind of bird": it follows the general type noun.
            focusPending = afterWhatOrWhich || (typeNoun && _typeOfNouns.Contains(term));
            if (typeNoun || questionWord)
            {
                continue;
            }

            var existing = IndexOf(concepts, term);
            if (isFocus && focus < 0)
            {
                focus = existing >= 0 ? existing : concepts.Count;
            }

            if (existing >= 0)
            {
                continue;
            }

            var id = _index.TermId(term);
            var synonyms = Settings.SynonymWeight > 0 ? KnownSynonyms(term) : [];
            var prefixGroup = _index.PrefixGroupOf(term);
            var related = RelatedIn(term, id, synonyms);
            concepts.Add(id >= 0
                ? new Concept(term, id, _index.Idf[id], _index.ParagraphIdf[id], synonyms, prefixGroup, related)
                : new Concept(term, id, _index.MaxIdf, _index.MaxParagraphIdf, synonyms, prefixGroup, related));
        }

        stream.End();
        return concepts;
    }

    /// <summary>The index's terms that WordNet relates to <paramref name="term"/>, beside the term and its synonyms.</summary>
    private int[] RelatedIn(string term, int id, (string Term, int Id)[] synonyms)
    {
        var all = RelatedWords.Default.For(term);
        if (all.Count == 0)
        {
            return [];
        }

        var known = new List<int>(all.Count);
        foreach (var word in all)
        {
            var relatedId = _index.TermId(word);
            if (relatedId >= 0 && relatedId != id && !Array.Exists(synonyms, s => s.Id == relatedId))
            {
                known.Add(relatedId);
            }
        }

        return [.. known];
    }

    private (string Term, int Id)[] KnownSynonyms(string term)
    {
        var all = _synonyms.For(term);
        if (all.Count == 0)
        {
            return [];
        }

        var known = new List<(string, int)>(all.Count);
        foreach (var synonym in all)
        {
            var id = _index.TermId(synonym);
            if (id >= 0)
            {
                known.Add((synonym, id));
            }
        }

        return [.. known];
    }

    /// <summary>The question's vector (and word pieces) by this index's encoder, encoded when first read (never, ranked by words alone).</summary>
    private Lazy<EncodedQuestion> QuestionVector(string clean) =>
        new(
            () => _index.Meaning switch
            {
                null => new EncodedQuestion([], TokenVectors.Empty),
                // A library reads no pieces itself, but passes the question's on to the story it picks.
                { Encoder: ITokenEncoder { ReadsWordPieces: true } words } => EncodedQuestion.From(words.EncodeQuestionWithPieces(clean)),
                var meaning => new EncodedQuestion(meaning.Encoder.EncodeQuestion(clean), TokenVectors.Empty),
            },
            LazyThreadSafetyMode.None);

    private List<Candidate> Rank(List<Concept> concepts, int focus, TokenKind wanted, QuestionAnalysis analysis, string question, Range? scope, bool byMeaning, Lazy<EncodedQuestion> questionVector)
    {
        var (ordinals, features) = Describe(concepts, focus, wanted, analysis, question, scope, byMeaning ? _index.Meaning : null, questionVector);
        var candidates = new List<Candidate>(ordinals.Length);
        var pieces = _index.Meaning?.Pieces is not null;
        var (weights, temperature) = (byMeaning, pieces) switch
        {
            (false, _) => (_wordWeights, Settings.Temperature),
            (true, true) => (_meaningWeights, Settings.SemanticTemperature),
            (true, false) => (_meaningWithoutPiecesWeights, Settings.SemanticTemperatureWithoutPieces),
        };
        // Scores are softmax logits; the fitted temperature keeps their probabilities honest (the order is unchanged).
        for (var c = 0; c < ordinals.Length; c++)
        {
            var row = features.AsSpan(c * FeatureCount, FeatureCount);
            var score = VectorMath.Dot(weights, row) / temperature;

            // How much of the question the sentence and its paragraph speak to: what abstention looks at.
            var coverage = (row[(int)RankingFeature.SentenceCoverage] + row[(int)RankingFeature.ParagraphCoverage]) / 2;
            candidates.Add(new Candidate(
                ordinals[c], score, Math.Clamp(coverage, 0, 1), row[(int)RankingFeature.ParagraphCoverage], row[(int)RankingFeature.SemanticSentence]));
        }

        // Best score first; ties go to the earlier sentence, which in news carries the lead.
        candidates.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Ordinal.CompareTo(b.Ordinal));
        return candidates;
    }

    /// <summary>For the evaluator: every candidate of <paramref name="question"/> with its ranking score, best first, as <see cref="Ask"/> orders them before abstaining.</summary>
    internal List<(int Ordinal, float Score)> RankCandidates(string question)
    {
        var clean = StripControlCharacters(question);
        var concepts = Concepts(clean, out var focus);
        var ranked = Rank(concepts, focus, QuestionKind.Of(clean), QuestionAnalysis.Of(clean), clean, scope: null, byMeaning: _index.Meaning is not null, QuestionVector(clean));
        return [.. ranked.Select(c => (c.Ordinal, c.Score))];
    }

    /// <summary>For the evaluator: every candidate of <paramref name="question"/> with its features, in Lucene order.</summary>
    internal List<(int Ordinal, float[] Features)> DescribeCandidates(string question)
    {
        var clean = StripControlCharacters(question);
        var concepts = Concepts(clean, out var focus);
        var (ordinals, features) = Describe(concepts, focus, QuestionKind.Of(clean), QuestionAnalysis.Of(clean), clean, scope: null, _index.Meaning, QuestionVector(clean));
        return [.. ordinals.Select((ordinal, c) => (ordinal, features.AsSpan(c * FeatureCount, FeatureCount).ToArray()))];
    }

    /// <summary>
    /// Finds candidates with Lucene (and, given sentence vectors, the sentences closest in meaning) and computes
    /// their features, one row of <see cref="FeatureCount"/> per candidate.
    /// </summary>
    /// <param name="scope">The sentence ordinals candidates may come from (one story's), or null for every sentence.</param>
    private (int[] Ordinals, float[] Features) Describe(List<Concept> concepts, int focus, TokenKind wanted, QuestionAnalysis analysis, string question, Range? scope, MeaningVectors? meaning, Lazy<EncodedQuestion> questionVector)
    {
        var vector = meaning is null ? [] : questionVector.Value.Vector;
        var aligned = meaning?.Pieces is { } pieces && questionVector.Value.Pieces.Count > 0 ? pieces.Question(questionVector.Value.Pieces) : null;
        var closest = aligned is null ? null : new Dictionary<int, float[]>();
        var query = BuildQuery(concepts);
        var hits = query.Clauses.Count == 0 ? []
            : scope is { } range ? _searcher.Search(query, new OrdinalRangeFilter(_index.DocToSentence, range), Settings.Candidates).ScoreDocs
            : _searcher.Search(query, Settings.Candidates).ScoreDocs;
        var found = new List<(int Ordinal, float Score)>(hits.Length + Settings.SemanticCandidates);
        foreach (var hit in hits)
        {
            var ordinal = _index.DocToSentence[hit.Doc];
            if (!_index.IsTitle(ordinal))
            {
                found.Add((ordinal, hit.Score));
            }
        }

        // Even when no word of the question is in the stories: it may be asked in other words.
        if (meaning is not null)
        {
            AddClosestInMeaning(meaning, vector, scope ?? Range.All, found);
        }

        var count = found.Count;
        if (count == 0)
        {
            return ([], []);
        }

        var ordinals = new int[count];
        var features = new float[count * FeatureCount];
        float bestParagraph = float.MinValue, bestSentence = float.MinValue, bestMeaning = float.MinValue;
        for (var c = 0; c < count; c++)
        {
            ordinals[c] = found[c].Ordinal;
            var row = features.AsSpan(c * FeatureCount, FeatureCount);
            Describe(concepts, focus, wanted, ordinals[c], found[c].Score, row);
            DescribeReading(analysis, concepts, ordinals[c], row);
            if (meaning is not null)
            {
                DescribeMeaning(meaning, vector, ordinals[c], row);
                if (aligned is not null)
                {
                    DescribeAlignment(meaning.Pieces!, aligned, closest!, ordinals[c], row);
                }

                bestMeaning = Math.Max(bestMeaning, row[(int)RankingFeature.SemanticSentence]);
            }

            bestParagraph = Math.Max(bestParagraph, row[(int)RankingFeature.ParagraphBm25]);
            bestSentence = Math.Max(bestSentence, row[(int)RankingFeature.SentenceBm25]);
        }

        // Features relative to the other candidates: is this the best paragraph, the best sentence of its paragraph?
        for (var c = 0; c < count; c++)
        {
            var row = features.AsSpan(c * FeatureCount, FeatureCount);
            var paragraph = _index.Sentences[ordinals[c]].Paragraph;
            var bestHere = true;
            for (var other = 0; other < count && bestHere; other++)
            {
                bestHere = other == c || _index.Sentences[ordinals[other]].Paragraph != paragraph
                    || features[(other * FeatureCount) + (int)RankingFeature.SentenceBm25] <= row[(int)RankingFeature.SentenceBm25];
            }

            row[(int)RankingFeature.BestParagraph] = row[(int)RankingFeature.ParagraphBm25] >= bestParagraph ? 1 : 0;
            row[(int)RankingFeature.BestInParagraph] = bestHere ? 1 : 0;
            row[(int)RankingFeature.BestSentence] = row[(int)RankingFeature.SentenceBm25] >= bestSentence ? 1 : 0;
            row[(int)RankingFeature.SemanticBest] = meaning is not null && row[(int)RankingFeature.SemanticSentence] >= bestMeaning ? 1 : 0;
        }

        Standardise(features, count, RankingFeature.SentenceBm25, RankingFeature.SentenceBm25Z);
        Standardise(features, count, RankingFeature.ParagraphBm25, RankingFeature.ParagraphBm25Z);
        Standardise(features, count, RankingFeature.SentenceCoverage, RankingFeature.SentenceCoverageZ);
        Standardise(features, count, RankingFeature.ParagraphCoverage, RankingFeature.ParagraphCoverageZ);
        Standardise(features, count, RankingFeature.LuceneScore, RankingFeature.LuceneScoreZ);
        Standardise(features, count, RankingFeature.RarestMatched, RankingFeature.RarestMatchedZ);
        if (meaning is not null)
        {
            Standardise(features, count, RankingFeature.SemanticSentence, RankingFeature.SemanticSentenceZ);
            Standardise(features, count, RankingFeature.SemanticParagraph, RankingFeature.SemanticParagraphZ);
            if (aligned is not null)
            {
                Standardise(features, count, RankingFeature.TokenAlignment, RankingFeature.TokenAlignmentZ);
                Standardise(features, count, RankingFeature.ParagraphTokenAlignment, RankingFeature.ParagraphTokenAlignmentZ);
            }
        }

        return (ordinals, features);
    }

    /// <summary>
    /// How closely the sentence, the sentence with the one before it, and its whole paragraph say each of the question's
    /// words in context. Each sentence's closest pieces are found once a question (<paramref name="closest"/>): a
    /// paragraph's sentences are often all candidates.
    /// </summary>
    private void DescribeAlignment(WordPieceAlignment pieces, AlignedQuestion question, Dictionary<int, float[]> closest, int ordinal, Span<float> features)
    {
        float[] Of(int sentence)
        {
            if (!closest.TryGetValue(sentence, out var found))
            {
                closest[sentence] = found = pieces.Closest(question, sentence);
            }

            return found;
        }

        // Each question piece's closest in any of the sentences.
        float[] Across(IEnumerable<int> sentences)
        {
            var best = (float[])Of(ordinal).Clone();
            foreach (var other in sentences.Where(o => o != ordinal && !_index.IsTitle(o)))
            {
                var theirs = Of(other);
                for (var q = 0; q < best.Length; q++)
                {
                    best[q] = Math.Max(best[q], theirs[q]);
                }
            }

            return best;
        }

        var sentence = _index.Sentences[ordinal];
        features[(int)RankingFeature.TokenAlignment] = WordPieceAlignment.Score(question, Of(ordinal));
        features[(int)RankingFeature.ParagraphTokenAlignment] = WordPieceAlignment.Score(
            question, Across(Enumerable.Range(sentence.FirstInParagraph, sentence.LastInParagraph - sentence.FirstInParagraph + 1)));

        // The sentence with the one before it, as PairCoverage reads words: the answer may only say "she".
        int[] before = ordinal > sentence.FirstInParagraph ? [ordinal - 1] : [];
        features[(int)RankingFeature.PairTokenAlignment] = WordPieceAlignment.Score(question, Across(before));
    }

    /// <summary>A question's vector and word pieces (none when the encoder reads no pieces).</summary>
    private sealed record EncodedQuestion(float[] Vector, TokenVectors Pieces)
    {
        public static EncodedQuestion From((float[] Vector, TokenVectors Pieces) encoded) => new(encoded.Vector, encoded.Pieces);
    }

    /// <summary>Adds the sentences closest in meaning that Lucene did not find: a paraphrase shares no word.</summary>
    private void AddClosestInMeaning(MeaningVectors meaning, float[] questionVector, Range scope, List<(int Ordinal, float Score)> found)
    {
        var wanted = Settings.SemanticCandidates;
        if (wanted <= 0)
        {
            return;
        }

        var vectors = meaning.Sentences;
        var (start, length) = scope.GetOffsetAndLength(vectors.Length);
        var best = new PriorityQueue<int, float>(wanted + 1);
        for (var ordinal = start; ordinal < start + length; ordinal++)
        {
            best.Enqueue(ordinal, VectorMath.Dot(questionVector, vectors[ordinal]));
            if (best.Count > wanted)
            {
                best.Dequeue();
            }
        }

        while (best.TryDequeue(out var ordinal, out _))
        {
            if (!_index.IsTitle(ordinal) && !found.Exists(f => f.Ordinal == ordinal))
            {
                found.Add((ordinal, 0f));
            }
        }
    }

    private void DescribeMeaning(MeaningVectors meaning, float[] questionVector, int ordinal, Span<float> features)
    {
        var sentence = _index.Sentences[ordinal];
        features[(int)RankingFeature.SemanticSentence] = VectorMath.Dot(questionVector, meaning.Sentences[ordinal]);
        features[(int)RankingFeature.SemanticParagraph] = VectorMath.Dot(questionVector, meaning.Paragraphs[sentence.Paragraph]);
        features[(int)RankingFeature.SemanticPrevious] = ordinal > sentence.FirstInParagraph ? VectorMath.Dot(questionVector, meaning.Sentences[ordinal - 1]) : 0;
    }

    /// <summary>The reader's features: does the sentence hold an answer of the kind the question wants, near its words?</summary>
    private void DescribeReading(QuestionAnalysis analysis, List<Concept> concepts, int ordinal, Span<float> features)
    {
        if (_index.KnowsSpeakers && SpeakerNamed(concepts, _index.SpeakerTermsOf(ordinal)))
        {
            features[(int)RankingFeature.SpeakerNamed] = 1;
            features[(int)RankingFeature.SpeakerAsked] = analysis.Type == AnswerType.Speech ? 1 : 0;
        }

        var text = _index.Sentences[ordinal].Sentence.Text;
        var cues = _index.CuesOf(ordinal);
        if (analysis.Wanted != MentionKind.None)
        {
            var answer = AnswerExtractor.Extract(text, analysis, _index.MentionsOf(ordinal));
            features[(int)RankingFeature.TypedAnswer] = answer.Span is null ? 0 : 1;
            features[(int)RankingFeature.TypedAnswerNear] = answer.Near ? 1 : 0;
        }

        features[(int)RankingFeature.SpeechCue] = analysis.Type == AnswerType.Speech && (cues & SentenceCues.Speech) != 0 ? 1 : 0;
        features[(int)RankingFeature.QuoteCue] = analysis.Type == AnswerType.Speech && (cues & SentenceCues.Quote) != 0 ? 1 : 0;
        features[(int)RankingFeature.ReasonCue] = analysis.Type == AnswerType.Reason && (cues & SentenceCues.Reason) != 0 ? 1 : 0;
        features[(int)RankingFeature.YesNoCue] = analysis.Type == AnswerType.YesNo && (cues & SentenceCues.Polarity) != 0 ? 1 : 0;
    }

    /// <summary>Whether a question word (or its synonym) names the sentence's speaker, by name or as the story calls them.</summary>
    private static bool SpeakerNamed(List<Concept> concepts, int[] speakerTerms) =>
        Array.Exists(speakerTerms, term => IsQueryTerm(concepts, term));

    /// <summary>Writes <paramref name="source"/> as a z-score over the candidates into <paramref name="target"/>.</summary>
    private static void Standardise(float[] features, int count, RankingFeature source, RankingFeature target)
    {
        if (count == 0)
        {
            return;
        }

        double sum = 0, squares = 0;
        for (var c = 0; c < count; c++)
        {
            double value = features[(c * FeatureCount) + (int)source];
            sum += value;
            squares += value * value;
        }

        var mean = sum / count;
        var deviation = Math.Sqrt(Math.Max(0, (squares / count) - (mean * mean)));
        for (var c = 0; c < count; c++)
        {
            var at = c * FeatureCount;
            features[at + (int)target] = deviation > 1e-6 ? (float)((features[at + (int)source] - mean) / deviation) : 0;
        }
    }

    private void Describe(List<Concept> concepts, int focus, TokenKind wanted, int ordinal, float luceneScore, Span<float> features)
    {
        var sentence = _index.Sentences[ordinal];
        var paragraph = _index.Paragraphs[sentence.Paragraph];
        var previous = ordinal > sentence.FirstInParagraph ? _index.Sentences[ordinal - 1] : null;
        var next = ordinal < sentence.LastInParagraph ? _index.Sentences[ordinal + 1] : null;
        var k1 = Settings.K1;
        var sentenceNorm = k1 * (1 - Settings.B + (Settings.B * sentence.Length / _index.AverageSentenceLength));
        var paragraphNorm = k1 * (1 - Settings.ParagraphB + (Settings.ParagraphB * paragraph.Length / _index.AverageParagraphLength));

        // Coverage counts a synonym as a match: for "is this question about this sentence?" a truce is a ceasefire.
        float weight = 0, paragraphWeight = 0, sentenceBm25 = 0, paragraphBm25 = 0;
        float sentenceCovered = 0, paragraphCovered = 0, previousCovered = 0, nextCovered = 0, matchedWords = 0;
        float matchedConcepts = 0, rarest = 0, rarestMatched = 0, prefixCovered = 0, pairCovered = 0, relatedCovered = 0;
        foreach (var concept in concepts)
        {
            var inPrevious = previous is not null && Frequency(previous, concept) > 0;
            weight += concept.Idf;
            paragraphWeight += concept.ParagraphIdf;
            rarest = Math.Max(rarest, concept.Idf);
            var tf = Frequency(sentence, concept);
            if (tf > 0)
            {
                matchedConcepts++;
                rarestMatched = Math.Max(rarestMatched, concept.Idf);
                sentenceBm25 += concept.Idf * tf * (k1 + 1) / (tf + sentenceNorm);
                sentenceCovered += concept.Idf;
                matchedWords += tf;
                pairCovered += concept.Idf;
            }
            else if (inPrevious)
            {
                pairCovered += concept.Idf;
            }
            else if (concept.PrefixGroup >= 0 && HasPrefix(sentence, concept.PrefixGroup))
            {
                prefixCovered += concept.Idf;
            }

            if (tf == 0 && HasAny(sentence, concept.Related))
            {
                relatedCovered += concept.Idf;
            }

            var paragraphTf = Frequency(paragraph, concept);
            if (paragraphTf > 0)
            {
                paragraphBm25 += concept.ParagraphIdf * paragraphTf * (k1 + 1) / (paragraphTf + paragraphNorm);
                paragraphCovered += concept.Idf;
            }

            if (inPrevious)
            {
                previousCovered += concept.Idf;
            }

            if (next is not null && Frequency(next, concept) > 0)
            {
                nextCovered += concept.Idf;
            }
        }

        features[(int)RankingFeature.SentenceBm25] = sentenceBm25 / weight;
        features[(int)RankingFeature.ParagraphBm25] = paragraphBm25 / paragraphWeight;
        features[(int)RankingFeature.SentenceCoverage] = sentenceCovered / weight;
        features[(int)RankingFeature.ParagraphCoverage] = paragraphCovered / weight;
        features[(int)RankingFeature.PreviousCoverage] = previousCovered / weight;
        features[(int)RankingFeature.NextCoverage] = nextCovered / weight;
        var scan = Scan(sentence, concepts, wanted);
        var coverage = sentenceCovered / weight;
        var startsWithReference = StartsWithReference(sentence.Sentence.Text);
        features[(int)RankingFeature.AnswerKind] = scan.NewOfKind > 0 ? 1 : 0;
        features[(int)RankingFeature.AnswerKindCount] = MathF.Log(1 + scan.NewOfKind);
        features[(int)RankingFeature.MissingAnswerKind] = wanted != TokenKind.None && scan.NewOfKind == 0 ? coverage : 0;
        features[(int)RankingFeature.AnswerNearMatch] = scan.NearMatch ? 1 : 0;
        features[(int)RankingFeature.PrefixCoverage] = prefixCovered / weight;
        features[(int)RankingFeature.RelatedCoverage] = relatedCovered / weight;
        features[(int)RankingFeature.Compactness] = scan.Span > 1 ? (float)scan.Distinct / scan.Span : 0;
        features[(int)RankingFeature.StartsWithReference] = startsWithReference ? 1 : 0;
        features[(int)RankingFeature.ReferenceBack] = startsWithReference ? previousCovered / weight : 0;
        features[(int)RankingFeature.FocusMatched] = focus >= 0 && Frequency(sentence, concepts[focus]) > 0 ? 1 : 0;
        features[(int)RankingFeature.NeighbourKind] = scan.NewOfKind > 0 ? Math.Max(previousCovered, nextCovered) / weight : 0;
        features[(int)RankingFeature.Proximity] = concepts.Count > 1 ? (float)AdjacentPairs(sentence, concepts) / (concepts.Count - 1) : 0;
        features[(int)RankingFeature.NewWords] = sentence.Length == 0 ? 0 : Math.Max(0, sentence.Length - matchedWords) / sentence.Length;
        features[(int)RankingFeature.LogLength] = MathF.Log(1 + sentence.Length);
        features[(int)RankingFeature.LuceneScore] = luceneScore / weight;
        features[(int)RankingFeature.MatchedShare] = matchedConcepts / concepts.Count;
        features[(int)RankingFeature.RarestMatched] = rarestMatched / rarest;
        features[(int)RankingFeature.FirstInParagraph] = ordinal == sentence.FirstInParagraph ? 1 : 0;
        features[(int)RankingFeature.PairCoverage] = pairCovered / weight;
        features[(int)RankingFeature.ReferenceCoverage] = (startsWithReference ? pairCovered : sentenceCovered) / weight;
        features[(int)RankingFeature.LeadCoverage] = LeadCovered(sentence, concepts) / weight;
    }

    /// <summary>Word weight of the question's words among the sentence's first two analyzed words (three and five measured worse: 77.7% and 77.5% held out, against 77.9%).</summary>
    private static float LeadCovered(IndexedSentence sentence, List<Concept> concepts)
    {
        const int Lead = 2;
        ulong seen = 0;
        float covered = 0;
        for (var i = 0; i < Math.Min(Lead, sentence.Tokens.Length); i++)
        {
            var concept = ConceptOf(concepts, sentence.Tokens[i].TermId);
            if (concept >= 0 && (seen & (1UL << concept)) == 0)
            {
                seen |= 1UL << concept;
                covered += concepts[concept].Idf;
            }
        }

        return covered;
    }

    /// <summary>How often the bag holds the concept: its own word counts fully, a synonym at the synonym weight.</summary>
    private float Frequency(TermBag bag, Concept concept)
    {
        var tf = concept.Id >= 0 ? (float)bag.Count(concept.Id) : 0f;
        foreach (var (_, id) in concept.Synonyms)
        {
            tf += Settings.SynonymWeight * bag.Count(id);
        }

        return tf;
    }

    // Candidates come from the sentence field alone: adding a paragraph field found no better candidates on the
    // SQuAD tune file and cost a third more time per question; paragraphs weigh in when re-ranking.
    private BooleanQuery BuildQuery(List<Concept> concepts)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var concept in concepts)
        {
            if (concept.Id < 0 && concept.Synonyms.Length == 0)
            {
                continue;
            }

            if (concept.Synonyms.Length == 0)
            {
                query.Add(_index.TermQueryFor(concept.Id), Occur.SHOULD);
                continue;
            }

            // One concept scores once however many of its synonyms a sentence uses.
            var any = new DisjunctionMaxQuery(0f);
            if (concept.Id >= 0)
            {
                any.Add(_index.TermQueryFor(concept.Id));
            }

            foreach (var (_, id) in concept.Synonyms)
            {
                var synonym = _index.TermQueryFor(id);
                synonym.Boost = Settings.SynonymWeight;
                any.Add(synonym);
            }

            query.Add(any, Occur.SHOULD);
        }

        return query;
    }

    private static bool IsQueryTerm(List<Concept> concepts, int termId)
    {
        foreach (var concept in concepts)
        {
            if (concept.Id == termId || Array.Exists(concept.Synonyms, s => s.Id == termId))
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOf(List<Concept> concepts, string term)
    {
        for (var c = 0; c < concepts.Count; c++)
        {
            if (concepts[c].Term == term)
            {
                return c;
            }
        }

        return -1;
    }

    private static bool HasAny(TermBag bag, int[] terms)
    {
        foreach (var id in terms)
        {
            if (bag.Count(id) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool HasPrefix(IndexedSentence sentence, int prefixGroup)
    {
        var groups = _index.TermPrefixGroup;
        foreach (var id in sentence.Terms)
        {
            if (groups[id] == prefixGroup)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One pass over the sentence's words. The answer is something the question does not already say: "Who met
    /// Netanyahu?" wants a name besides Netanyahu, and it usually stands close to the words the question shares.
    /// </summary>
    private static SentenceScan Scan(IndexedSentence sentence, List<Concept> concepts, TokenKind wanted)
    {
        const int Near = 3;
        var tokens = sentence.Tokens;
        int first = -1, last = -1, newOfKind = 0, lastKind = int.MinValue / 2, lastMatch = int.MinValue / 2;
        var near = false;
        ulong seen = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var concept = ConceptOf(concepts, tokens[i].TermId);
            if (concept >= 0)
            {
                first = first < 0 ? i : first;
                last = i;
                seen |= 1UL << concept;
                lastMatch = i;
                near |= i - lastKind <= Near;
            }
            else if (wanted != TokenKind.None && (tokens[i].Kind & wanted) != 0)
            {
                newOfKind++;
                lastKind = i;
                near |= i - lastMatch <= Near;
            }
        }

        return new SentenceScan(newOfKind, near, System.Numerics.BitOperations.PopCount(seen), first < 0 ? 0 : last - first + 1);
    }

    /// <summary>Index of the concept whose word or synonym the term is, or -1.</summary>
    private static int ConceptOf(List<Concept> concepts, int termId)
    {
        for (var c = 0; c < concepts.Count; c++)
        {
            var concept = concepts[c];
            if (concept.Id == termId)
            {
                return c;
            }

            // A loop, not Array.Exists: this runs for every word of every candidate, and a capturing lambda allocates.
            foreach (var (_, id) in concept.Synonyms)
            {
                if (id == termId)
                {
                    return c;
                }
            }
        }

        return -1;
    }

    private static readonly HashSet<string> ReferenceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "its", "this", "these", "that", "those", "he", "she", "they", "his", "her", "their", "such", "there",
    };

    private static bool StartsWithReference(string text)
    {
        var span = text.AsSpan();
        var start = 0;
        while (start < span.Length && !char.IsLetter(span[start]))
        {
            start++;
        }

        var end = start;
        while (end < span.Length && char.IsLetter(span[end]))
        {
            end++;
        }

        return end > start && ReferenceWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(span[start..end]);
    }

    // Question words that stand together in the sentence ("death toll", "White House") say more than scattered ones.
    private static int AdjacentPairs(IndexedSentence sentence, List<Concept> concepts)
    {
        var pairs = 0;
        var tokens = sentence.Tokens;
        for (var c = 0; c + 1 < concepts.Count; c++)
        {
            var first = concepts[c].Id;
            var second = concepts[c + 1].Id;
            if (first < 0 || second < 0)
            {
                continue;
            }

            for (var i = 0; i + 1 < tokens.Length; i++)
            {
                if ((tokens[i].TermId == first && tokens[i + 1].TermId == second) ||
                    (tokens[i].TermId == second && tokens[i + 1].TermId == first))
                {
                    pairs++;
                    break;
                }
            }
        }

        return pairs;
    }

    private static TextRange[] Highlights(IndexedSentence sentence, List<Concept> concepts)
    {
        var ranges = new List<TextRange>();
        foreach (var token in sentence.Tokens)
        {
            if (IsQueryTerm(concepts, token.TermId))
            {
                ranges.Add(new TextRange(token.Start, token.Length));
            }
        }

        return [.. ranges];
    }

    /// <param name="Related">Index terms WordNet relates to the word (<see cref="RelatedWords"/>): weaker than synonyms, so a feature of their own.</param>
    private sealed record Concept(string Term, int Id, float Idf, float ParagraphIdf, (string Term, int Id)[] Synonyms, int PrefixGroup, int[] Related);

    private readonly record struct SentenceScan(int NewOfKind, bool NearMatch, int Distinct, int Span);

    private readonly record struct Candidate(int Ordinal, float Score, double Confidence, double ParagraphCoverage, double Similarity);
}
