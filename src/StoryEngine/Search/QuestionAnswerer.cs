using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace StoryEngine.Search;

/// <summary>
/// Answers plain-text questions from a <see cref="StoryIndex"/>: the question is analyzed with the index's own
/// analyzer and turned into term queries (never parsed as Lucene syntax), Lucene's BM25 picks candidates, and a
/// small re-ranking adds what BM25 cannot see (answer kind, word proximity). Thread-safe.
/// </summary>
public sealed class QuestionAnswerer : IQuestionAnswerer
{
    public const int DefaultMaxQuestionLength = 500;

    /// <summary>No chat reply shows more; larger requests are clamped.</summary>
    public const int MaxTop = 20;

    /// <summary>Enough for any sensible question; caps the query's clause count.</summary>
    private const int MaxConcepts = 40;

    // Words that say what kind of answer is wanted but never appear in it.
    private const string QuestionWordList =
        "what who whom whose when where which why how did do does done has have had were been being am can could " +
        "would should shall may might must much many";

    private readonly StoryIndex _index;
    private readonly int _maxQuestionLength;
    private readonly HashSet<string> _questionWords;
    private readonly NewsSynonyms _synonyms;
    private readonly IndexSearcher _searcher;

    public QuestionAnswerer(StoryIndex index, int maxQuestionLength = DefaultMaxQuestionLength, RankingSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQuestionLength, 1);
        _index = index;
        _maxQuestionLength = maxQuestionLength;
        Settings = settings ?? new RankingSettings();
        _questionWords = NewsSynonyms.Analyze(index.Analyzer, QuestionWordList).ToHashSet(StringComparer.Ordinal);
        _synonyms = new NewsSynonyms(index.Analyzer);
        _searcher = new IndexSearcher(index.Reader) { Similarity = new BM25Similarity(Settings.K1, Settings.B) };
    }

    public RankingSettings Settings { get; }

    public AskResult Ask(string question, int top = 3)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return Reject(string.Empty, "Please type a question, for example: /ask who met on Tuesday?");
        }

        if (question.Length > _maxQuestionLength)
        {
            return Reject(
                question[..Math.Min(question.Length, 80)] + "…",
                $"That question is too long ({question.Length} characters); please keep it under {_maxQuestionLength}.");
        }

        var clean = StripControlCharacters(question);
        if (string.IsNullOrWhiteSpace(clean))
        {
            return Reject(string.Empty, "Please type a question, for example: /ask who met on Tuesday?");
        }

        top = Math.Clamp(top, 1, MaxTop);
        var concepts = Concepts(clean);
        if (concepts.Count == 0)
        {
            // Nothing but question and stop words ("what is it?"): nothing to look up.
            return new AskResult(clean, Abstained: true, []);
        }

        var candidates = Rank(concepts, QuestionKind.Of(clean));
        if (candidates.Count == 0 || candidates[0].Confidence < Settings.MinConfidence)
        {
            return new AskResult(clean, Abstained: true, []);
        }

        var answers = new Answer[Math.Min(top, candidates.Count)];
        for (var i = 0; i < answers.Length; i++)
        {
            var candidate = candidates[i];
            var sentence = _index.Sentences[candidate.Ordinal];
            answers[i] = new Answer(sentence.Sentence, candidate.Confidence, Highlights(sentence, concepts));
        }

        return new AskResult(clean, Abstained: false, answers);
    }

    private static AskResult Reject(string question, string reason) => new(question, Abstained: false, [], reason);

    // Control characters would corrupt terminals and logs; tabs and line breaks become plain spaces.
    private static string StripControlCharacters(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.Contains('\u007f') && !HasOtherControl(text))
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

    private static bool HasOtherControl(string text) => text.AsSpan().ContainsAnyInRange('\u0080', '\u009f');

    private List<Concept> Concepts(string question)
    {
        var concepts = new List<Concept>();
        using var stream = _index.Analyzer.GetTokenStream(StoryIndex.SentenceField, question);
        var termAttribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && concepts.Count < MaxConcepts)
        {
            var term = termAttribute.ToString();
            if (_questionWords.Contains(term) || concepts.Exists(c => c.Term == term))
            {
                continue;
            }

            var id = _index.TermId(term);
            var idf = id >= 0 ? _index.Idf[id] : _index.MaxIdf;
            var synonyms = Settings.SynonymWeight > 0 ? KnownSynonyms(term) : [];
            concepts.Add(new Concept(term, id, idf, synonyms));
        }

        stream.End();
        return concepts;
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

    private List<Candidate> Rank(List<Concept> concepts, TokenKind wanted)
    {
        var query = BuildQuery(concepts);
        var candidates = new List<Candidate>(Settings.Candidates);
        if (query.Clauses.Count == 0)
        {
            return candidates;
        }

        var totalWeight = 0f;
        foreach (var concept in concepts)
        {
            totalWeight += concept.Idf;
        }

        var hits = _searcher.Search(query, Settings.Candidates).ScoreDocs;
        foreach (var hit in hits)
        {
            var ordinal = _index.DocToSentence[hit.Doc];
            var sentence = _index.Sentences[ordinal];
            var covered = 0f;
            foreach (var concept in concepts)
            {
                covered += concept.Idf * Match(sentence, concept);
            }

            var score = hit.Score;
            if (Settings.AnswerKindBoost > 0 && wanted != TokenKind.None && HoldsNewWordOfKind(sentence, concepts, wanted))
            {
                score *= 1 + Settings.AnswerKindBoost;
            }

            if (Settings.ProximityBoost > 0 && concepts.Count > 1)
            {
                score *= 1 + (Settings.ProximityBoost * AdjacentPairs(sentence, concepts) / (concepts.Count - 1));
            }

            candidates.Add(new Candidate(ordinal, score, Math.Clamp(covered / totalWeight, 0, 1)));
        }

        // Best score first; ties go to the earlier sentence, which in news carries the lead.
        candidates.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Ordinal.CompareTo(b.Ordinal));
        return candidates;
    }

    private BooleanQuery BuildQuery(List<Concept> concepts)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var concept in concepts)
        {
            if (concept.Id < 0 && concept.Synonyms.Length == 0)
            {
                continue;
            }

            AddField(query, concept, StoryIndex.SentenceField, 1f);
            AddField(query, concept, StoryIndex.ContextField, Settings.ContextWeight);
            AddField(query, concept, StoryIndex.ParagraphField, Settings.ParagraphWeight);
        }

        return query;
    }

    private void AddField(BooleanQuery query, Concept concept, string field, float weight)
    {
        if (weight <= 0)
        {
            return;
        }

        Query clause;
        if (concept.Synonyms.Length == 0)
        {
            clause = new TermQuery(new Term(field, concept.Term));
        }
        else
        {
            // One concept scores once however many of its synonyms a sentence uses.
            var any = new DisjunctionMaxQuery(0f);
            if (concept.Id >= 0)
            {
                any.Add(new TermQuery(new Term(field, concept.Term)));
            }

            foreach (var (synonym, _) in concept.Synonyms)
            {
                any.Add(new TermQuery(new Term(field, synonym)) { Boost = Settings.SynonymWeight });
            }

            clause = any;
        }

        clause.Boost *= weight;
        query.Add(clause, Occur.SHOULD);
    }

    /// <summary>1 when the sentence has the word, the synonym weight when it has only a synonym, else 0.</summary>
    private float Match(IndexedSentence sentence, Concept concept)
    {
        if (concept.Id >= 0 && sentence.Contains(concept.Id))
        {
            return 1f;
        }

        foreach (var (_, id) in concept.Synonyms)
        {
            if (sentence.Contains(id))
            {
                return Settings.SynonymWeight;
            }
        }

        return 0f;
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

    // The answer is something the question does not already say: "Who met Netanyahu?" wants a name besides Netanyahu.
    private static bool HoldsNewWordOfKind(IndexedSentence sentence, List<Concept> concepts, TokenKind wanted)
    {
        foreach (var token in sentence.Tokens)
        {
            if ((token.Kind & wanted) != 0 && !IsQueryTerm(concepts, token.TermId))
            {
                return true;
            }
        }

        return false;
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

    private sealed record Concept(string Term, int Id, float Idf, (string Term, int Id)[] Synonyms);

    private readonly record struct Candidate(int Ordinal, float Score, double Confidence);
}
