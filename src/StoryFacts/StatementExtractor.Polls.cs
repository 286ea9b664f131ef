namespace StoryFacts;

/// <summary>
/// Poll shares as speakers (issue 11): "About four in 10 voters say ...", "64 percent of Democrats said ...", "Nearly a
/// third say ...": the share is the subject, whole, and a bare "say" after it is a verb.
/// </summary>
internal sealed partial class StatementExtractor
{
    /// <summary>A count: a numeral or a number word ("10", "four", "Seventy-four").</summary>
    private static bool IsCount(Token t) =>
        t.Kind == TokenKind.Number || (t.IsWord && t.Text.Split('-').All(part => FactExtractor.NumberWords.ContainsKey(part)));

    /// <summary>The head of a poll share: a count ("10" of "four in 10") or a share word ("percent", "third", "majority").</summary>
    private static bool IsShareHead(Token head) => IsCount(head) || Lexicon.ShareWords.Contains(head.Text);

    /// <summary>
    /// Reading backwards at <paramref name="k"/>, how many tokens join a fraction already begun in <paramref name="np"/>:
    /// 2 for the "four in" of "four in 10", 2 for the "more than" of "more than six in 10"; 0 when none.
    /// </summary>
    private static int FractionJoin(IReadOnlyList<Token> tokens, int k, List<Token> np)
    {
        if (np.Count == 0 || k < 1 || !tokens[k].IsWord || !IsCount(np[0]))
        {
            return 0;
        }

        if (tokens[k].Lower == "in" && IsCount(tokens[k - 1]))
        {
            return 2;
        }

        if (k >= 2 && tokens[k].Lower == "of" && tokens[k - 1].Lower == "out" && IsCount(tokens[k - 2]))
        {
            return 3; // "nine out of 10 say"
        }

        return tokens[k].Lower == "than" && tokens[k - 1].Lower is "more" or "fewer" or "less" ? 2 : 0;
    }

    /// <summary>
    /// A subject a bare "say" agrees with: a plural head before its first preposition ("Aides to the mayor", "critics of
    /// the plan"), a poll share, a plural pronoun, or a plural determiner with a participle or relative ("Those polled").
    /// </summary>
    private static bool PluralSubject(List<Token> subject)
    {
        // The head ends at its modifier: a preposition, a relative pronoun or a participle ("Residents clamoring to ...").
        var prep = subject.FindIndex(1, t => t is { IsWord: true, IsCapitalised: false }
            && (t.Lower is "of" or "from" or "for" or "at" or "in" or "to" or "with" or "on" or "among" or "across" or "who" or "whose" or "that" or "out"
                || (t.Lower.EndsWith("ing", StringComparison.Ordinal) && t.Lower.Length > 5)));
        var head = prep > 0 ? subject[prep - 1] : subject[^1];
        // ("Just shy of half, 49%, say": a share closing the subject is its head.)
        return Lexicon.IsPlural(head) || IsShareHead(head) || IsShareHead(subject[^1]) || head.Lower is "they" or "we" or "i" or "you"
               // ("Those who back her rivals say": the demonstrative before its relative clause is the whole subject.)
               || subject[0].Lower is "those" or "these" or "others" or "both" || (subject.Count > 1 && subject[0].Lower == "many");
    }
}
