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

    /// <summary>The kind of word that would answer <paramref name="question"/>, or None when the question is open.</summary>
    public static TokenKind Of(string question)
    {
        var best = TokenKind.None;
        var bestAt = int.MaxValue;
        foreach (var (phrase, kind) in Phrases)
        {
            var at = IndexOfWord(question, phrase);
            if (at >= 0 && at < bestAt)
            {
                best = kind;
                bestAt = at;
            }
        }

        return best;
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
