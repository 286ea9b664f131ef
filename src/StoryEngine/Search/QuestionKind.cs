namespace StoryEngine.Search;

/// <summary>What a question asks for, read from its question words; steers a small ranking boost.</summary>
internal static class QuestionKind
{
    private static readonly (string Phrase, TokenKind Kind)[] Phrases =
    [
        ("how many", TokenKind.Number), ("how much", TokenKind.Number), ("how old", TokenKind.Number),
        ("what percentage", TokenKind.Number), ("what percent", TokenKind.Number), ("what proportion", TokenKind.Number),
        ("what number", TokenKind.Number), ("how long", TokenKind.Number | TokenKind.Time), ("how far", TokenKind.Number),
        ("what year", TokenKind.Time), ("which year", TokenKind.Time), ("what date", TokenKind.Time), ("what day", TokenKind.Time),
        ("what time", TokenKind.Time), ("what month", TokenKind.Time), ("what century", TokenKind.Time), ("what decade", TokenKind.Time),
        ("which century", TokenKind.Time), ("when", TokenKind.Time),
        ("who", TokenKind.Name), ("whom", TokenKind.Name), ("whose", TokenKind.Name),
        ("where", TokenKind.Name), ("which country", TokenKind.Name), ("what country", TokenKind.Name),
        ("which city", TokenKind.Name), ("what city", TokenKind.Name),
    ];

    // The noun a what/which question asks about often names the kind of answer without a fixed phrase for it:
    // "what is the population of", "which famous composer", "what was the total cost". General English nouns only.
    private static readonly Dictionary<string, TokenKind> HeadNouns = BuildHeadNouns();

    private static Dictionary<string, TokenKind> BuildHeadNouns()
    {
        var nouns = new Dictionary<string, TokenKind>(StringComparer.OrdinalIgnoreCase);
        void Add(TokenKind kind, string words)
        {
            foreach (var word in words.Split(' '))
            {
                nouns[word] = kind;
                nouns[word.EndsWith('y') && !word.EndsWith("ey", StringComparison.Ordinal) ? word[..^1] + "ies" : word + "s"] = kind;
            }
        }

        Add(TokenKind.Number,
            "number amount size population percentage percent proportion cost price value rate total length height width depth " +
            "weight speed distance temperature capacity budget salary sum figure count score ratio fraction quantity volume " +
            "frequency density age");
        Add(TokenKind.Time, "year date day month century decade era period season week hour");
        Add(TokenKind.Name,
            "person king queen emperor president leader ruler pope bishop general author writer scientist inventor engineer " +
            "architect composer conductor painter poet city country town state nation region province county river island " +
            "continent capital port company organization organisation corporation firm university college team party newspaper");
        return nouns;
    }

    private static readonly HashSet<string> BeVerbs = new(StringComparer.OrdinalIgnoreCase) { "is", "was", "are", "were" };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an" };

    // "How big", "how tall": a measure, so a number.
    private static readonly HashSet<string> HowMeasures = new(StringComparer.OrdinalIgnoreCase)
    {
        "big", "large", "small", "tall", "high", "wide", "deep", "heavy", "fast", "often",
    };

    /// <summary>The kind of word that would answer <paramref name="question"/>, or None when the question is open.</summary>
    public static TokenKind Of(string question)
    {
        var (best, bestAt) = FromHeadNoun(question);
        foreach (var (phrase, kind) in Phrases)
        {
            var at = IndexOfWord(question, phrase);
            if (at >= 0 && at <= bestAt)
            {
                best = kind;
                bestAt = at;
            }
        }

        return best;
    }

    /// <summary>"What is the population of…", "which famous composer…", "how tall…": the kind and where the question word stands.</summary>
    private static (TokenKind Kind, int At) FromHeadNoun(string question)
    {
        var words = Words(question);
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var word = question.AsSpan(words[i].Start, words[i].Length);
            if (word.Equals("how", StringComparison.OrdinalIgnoreCase))
            {
                var next = question.Substring(words[i + 1].Start, words[i + 1].Length);
                if (HowMeasures.Contains(next))
                {
                    return (TokenKind.Number, words[i].Start);
                }

                continue;
            }

            if (!word.Equals("what", StringComparison.OrdinalIgnoreCase) && !word.Equals("which", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // what [is|was] [the] [one modifier] NOUN; "what did the king do" asks about the king, not for one.
            var j = i + 1;
            j += j < words.Count && BeVerbs.Contains(Text(question, words[j])) ? 1 : 0;
            j += j < words.Count && Determiners.Contains(Text(question, words[j])) ? 1 : 0;
            for (var k = j; k < Math.Min(j + 2, words.Count); k++)
            {
                if (HeadNouns.TryGetValue(Text(question, words[k]), out var kind))
                {
                    return (kind, words[i].Start);
                }
            }
        }

        return (TokenKind.None, int.MaxValue);
    }

    private static string Text(string question, (int Start, int Length) word) => question.Substring(word.Start, word.Length);

    private static List<(int Start, int Length)> Words(string text)
    {
        var words = new List<(int, int)>();
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '-'))
            {
                i++;
            }

            words.Add((start, i - start));
        }

        return words;
    }

    private static int IndexOfWord(string text, string phrase)
    {
        var from = 0;
        while (from < text.Length)
        {
            var at = text.IndexOf(phrase, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return -1;
            }

            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end])))
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }
}
