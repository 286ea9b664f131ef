namespace StoryFacts;

/// <summary>Subjects that US news writes around an aside (issue 11).</summary>
internal sealed partial class StatementExtractor
{
    /// <summary>
    /// "Mayor Lena Ortiz - who had called the plan unfair - said ...", "A former governor -- Ada Reyes, who ... -- said": when <paramref name="k"/> is the dash that closes a
    /// relative or appositive aside right before the verb, the index just before the aside's opening dash; otherwise <paramref name="k"/>.
    /// </summary>
    private static int BeforeDashedAside(IReadOnlyList<Token> tokens, int k)
    {
        if (k < 3 || !IsDash(tokens[k]))
        {
            return k;
        }

        var close = IsDash(tokens[k - 1]) ? k - 1 : k;
        for (var d = close - 2; d >= 1 && d >= k - 45; d--)
        {
            if (IsDash(tokens[d]) && !IsDash(tokens[d + 1]))
            {
                // A relative ("- who voted against it -") or a name in apposition ("-- Ada Reyes, who ... --").
                var next = tokens[d + 1];
                var aside = (next is { IsWord: true, IsCapitalised: false } && next.Lower is "who" or "which" or "whose") || (next.IsCapitalised && d + 2 < k && tokens[d + 2].IsCapitalised);
                var open = d >= 2 && IsDash(tokens[d - 1]) ? d - 1 : d; // "--" may come as two tokens
                return aside && tokens[open - 1].IsWord ? open - 1 : k;
            }
        }

        return k;
    }

    private static bool IsDash(Token t) => t.Text is "-" or "—" or "–" or "--";

    /// <summary>
    /// A one-word "speaker" that cannot be one: a word that opens a clause ("When", "There", "Facing"), or a lower-case
    /// singular that is no role, group, share, number or document ("birther", "month", "promising", "camera") — the
    /// leftovers of a subject misread in a list or an opening phrase.
    /// </summary>
    private static bool JunkSingleWord(string word)
    {
        if (Lexicon.NeverSpeakers.Contains(word))
        {
            return true;
        }

        var lower = word.ToLowerInvariant();
        if (!char.IsLower(word[0]) || (lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal)) || Lexicon.Pronouns.Contains(word))
        {
            return false;
        }

        return !(Lexicon.IsAnyRoleNoun(word) || Lexicon.GroupNouns.Contains(word) || Lexicon.ShareWords.Contains(word) || Lexicon.DocumentNouns.Contains(word)
                 || FactExtractor.NumberWords.ContainsKey(word) || Lexicon.FemaleRoleNouns.Contains(word) || Lexicon.MaleRoleNouns.Contains(word)
                 || lower is "police" or "staff" or "people" or "another" or "those" or "person" or "expert" or "poll" or "survey" or "study" or "everyone" or "nobody");
    }

    /// <summary>
    /// "In addition, according to ...", "However, according to ...": a short opening phrase (a preposition's or an
    /// adverb's) and its comma before the cue, with no verb of its own, so what is reported comes after the source.
    /// </summary>
    private static bool OpeningAdverbialBefore(IReadOnlyList<Token> tokens, int i) =>
        i is >= 2 and <= 6 && tokens[i - 1].Text == "," && tokens[0].IsCapitalised
        && (OpeningPrepositions.Contains(tokens[0].Text) || Lexicon.SentenceAdverbs.Contains(tokens[0].Text) || Lexicon.SkipBeforeVerb.Contains(tokens[0].Text))
        && tokens.Take(i - 1).All(t => t.Kind is TokenKind.Word or TokenKind.Number
                                       && !(t is { IsCapitalised: false } && (Lexicon.FiniteMarkers.Contains(t.Text) || Lexicon.BeForms.Contains(t.Text) || Lexicon.ReportingVerbs.Contains(t.Text))));
}

