namespace StoryEngine.Reading;

/// <summary>
/// What a question asks for: the <see cref="AnswerType"/> from its wording (the rules of the embedded
/// <c>answer-types.tsv</c>) and the words it already says, which an answer must add to rather than repeat.
/// </summary>
public sealed record QuestionAnalysis(string Question, AnswerType Type, IReadOnlySet<string> Words)
{
    private static readonly Lazy<Rule[]> Rules = new(ReadRules);

    // "How much" asks for money when the question is about money; otherwise for an amount of anything.
    private static readonly HashSet<string> MoneyWords = new(StringComparer.Ordinal)
    {
        "cost", "costs", "spend", "spent", "pay", "paid", "raise", "raised", "money", "fund", "funds", "budget", "price",
        "worth", "cash", "donate", "donated", "contribute", "contributing", "contributed", "fine", "fined", "charge",
        "earn", "earned", "salary", "sell", "sold", "revenue", "profit", "profits", "loss", "debt", "bill", "fee", "fees",
        "dollars", "pounds", "euros", "invest", "invested", "buyback", "deal", "bid", "offer", "refund", "refunded",
    };

    /// <summary>The mention kinds that can answer this question (none for open questions).</summary>
    public MentionKind Wanted => AnswerTypes.AnsweredBy(Type);

    /// <summary>Whether a mention of <paramref name="sentence"/> says something the question does not already say.</summary>
    public bool IsNew(string sentence, Mention mention)
    {
        foreach (var word in WordsOf(mention.TextOf(sentence)))
        {
            if (Words.Contains(word))
            {
                return false;
            }
        }

        return true;
    }

    public static QuestionAnalysis Of(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var words = WordsOf(question);
        var type = AnswerType.Other;
        int bestStart = int.MaxValue, bestLength = 0;
        foreach (var rule in Rules.Value)
        {
            var start = rule.MatchAt(words);
            if (start >= 0 && (start < bestStart || (start == bestStart && rule.Words.Length > bestLength)))
            {
                (type, bestStart, bestLength) = (rule.Type, start, rule.Words.Length);
            }
        }

        if (type == AnswerType.Amount && words.Exists(MoneyWords.Contains))
        {
            type = AnswerType.Money;
        }
        else if (type == AnswerType.Amount && !AsksForAValue(words, bestStart))
        {
            // "How much snow fell": a quantity of the noun that follows, counted like "how many".
            type = AnswerType.Count;
        }

        return new QuestionAnalysis(question, type, words.ToHashSet(StringComparer.Ordinal));
    }

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "is", "was", "are", "were", "does", "did", "do", "will", "would", "has", "have", "had", "can", "could", "should", "might",
    };

    /// <summary>"How much is the fare", "how much will it…": a verb follows "how much", so it asks the value of something.</summary>
    private static bool AsksForAValue(List<string> words, int howAt) =>
        howAt + 2 < words.Count && words[howAt] == "how" && Auxiliaries.Contains(words[howAt + 2]);

    /// <summary>The question's words, as <see cref="ReaderWords"/> cuts them.</summary>
    internal static List<string> WordsOf(string text) => [.. ReaderWords.Of(text).Select(w => w.Text)];

    private static Rule[] ReadRules()
    {
        using var stream = typeof(QuestionAnalysis).Assembly.GetManifestResourceStream("StoryEngine.Reading.answer-types.tsv")
            ?? throw new InvalidOperationException("The answer-types resource is missing from the build.");
        using var reader = new StreamReader(stream);
        var rules = new List<Rule>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split('\t');
            var type = Enum.Parse<AnswerType>(fields[0]);
            var anchored = fields[1].StartsWith('^');
            rules.Add(new Rule(type, fields[1].TrimStart('^').Split(' '), anchored));
        }

        return [.. rules];
    }

    private sealed record Rule(AnswerType Type, string[] Words, bool Anchored)
    {
        private const int MaxGap = 4;

        /// <summary>Where the pattern starts in <paramref name="words"/>, or -1.</summary>
        public int MatchAt(List<string> words)
        {
            for (var start = 0; start < (Anchored ? Math.Min(1, words.Count) : words.Count); start++)
            {
                if (Matches(words, start, 0))
                {
                    return start;
                }
            }

            return -1;
        }

        private bool Matches(List<string> words, int at, int pattern)
        {
            if (pattern == Words.Length)
            {
                return true;
            }

            if (Words[pattern] == "*")
            {
                for (var gap = 1; gap <= MaxGap && at + gap <= words.Count; gap++)
                {
                    if (Matches(words, at + gap, pattern + 1))
                    {
                        return true;
                    }
                }

                return false;
            }

            return at < words.Count && words[at] == Words[pattern] && Matches(words, at + 1, pattern + 1);
        }
    }
}
