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
    /// "The first woman to chair the board", "the last man to mount a third-party race": when the phrase found before the
    /// verb (from <paramref name="subjectStart"/>) is the object of an infinitive that modifies a noun ranked by
    /// "first", "last", "only" and the like at the clause's start, where that noun phrase starts; otherwise -1.
    /// </summary>
    private static int HeadBeforeInfinitive(IReadOnlyList<Token> tokens, int subjectStart)
    {
        // The infinitive's "to", a few words back: "to chair the board", "to mount a serious challenge to the mayor".
        var to = -1;
        for (var m = subjectStart - 1; m >= Math.Max(2, subjectStart - 8); m--)
        {
            if (tokens[m].Kind is not (TokenKind.Word or TokenKind.Number))
            {
                return -1;
            }

            if (tokens[m].Lower == "to" && tokens[m + 1] is { IsWord: true, IsCapitalised: false } verb && !Lexicon.Determiners.Contains(verb.Text)
                && tokens[m - 1] is { IsWord: true, IsCapitalised: false })
            {
                to = m;
            }
        }

        if (to < 0)
        {
            return -1;
        }

        for (var d = to - 2; d >= Math.Max(0, to - 4); d--)
        {
            if (tokens[d].Lower is "the" or "a" or "an")
            {
                var ranked = false;
                for (var m = d + 1; m < to - 1; m++)
                {
                    ranked |= tokens[m].Lower is "first" or "last" or "only" or "next" or "second" or "third" or "latest" or "youngest" or "oldest";
                }

                var clauseStart = d == DatelineEnd(tokens) || (d > 0 && tokens[d - 1].Text is "," or ";" or ":" or "—" or "–");
                return ranked && clauseStart ? d : -1;
            }
        }

        return -1;
    }

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

    /// <summary>
    /// "Majorities of voters in four districts going to the polls say", "Some residents who have listened to her over the
    /// years said", "Several people I have spoken with over the past weeks said": the phrase found right before the verb
    /// (<paramref name="subject"/> from <paramref name="subjectStart"/>) is the object of a preposition inside the real
    /// subject's own modifier. The subject is the noun phrase of people that opens the clause ("Majorities of voters",
    /// "Some residents", "Several people"); null when the clause opens otherwise.
    /// </summary>
    private static List<Token>? SubjectBeforeItsModifier(IReadOnlyList<Token> tokens, List<Token> subject, int subjectStart)
    {
        if (subjectStart < 2 || tokens[subjectStart - 1] is not { IsWord: true, IsCapitalised: false } link)
        {
            return null;
        }

        // The subject found before the verb ends a modifier's preposition ("in four districts"), or a relative clause
        // or participle's object ("whose homes flooded last winter", "clamoring to stop the plan"): checked below.
        var afterPreposition = Lexicon.SubjectModifierPrepositions.Contains(link.Text);

        var start = subjectStart - 1;
        while (start > 0 && tokens[start - 1].Kind != TokenKind.Quote && (tokens[start - 1].Text is not ("," or ";" or ":" or "(" or ")" or "—" or "–" or "--" or ".") || IsTitleDot(tokens, start - 1)))
        {
            start--;
        }

        start = Math.Max(start, DatelineEnd(tokens));
        if (start < subjectStart - 2 && (tokens[start].Lower is "but" or "and" or "yet" or "still"
            || (tokens[start] is { IsWord: true, IsCapitalised: false } && tokens[start].Lower.EndsWith("ing", StringComparison.Ordinal))))
        {
            start++; // "But local activists clamoring to ... say", "..., echoing economists who say"
        }
        if (start >= subjectStart - 1 || !tokens[start].IsWord || Lexicon.ClauseBoundaries.Contains(tokens[start].Text) || Lexicon.SubjectModifierPrepositions.Contains(tokens[start].Text)
            || Lexicon.Pronouns.Contains(tokens[start].Text))
        {
            return null;
        }

        // The head runs to the first lower-case link of a modifier: a preposition (but the "of" of a share: "majorities of
        // voters", "some of her allies"), a relative pronoun, a participle, or the pronoun of a reduced relative ("people
        // I have spoken with").
        var end = start;
        while (end < subjectStart - 1)
        {
            var t = tokens[end];
            if (end > start && t.IsWord && (!t.IsCapitalised || BeforeApostrophe(t.Lower) == "i")
                && ((Lexicon.SubjectModifierPrepositions.Contains(t.Text) && !(t.Lower == "of" && ShareBefore(tokens, end))) || OpensRelative(t)
                    || Lexicon.Pronouns.Contains(BeforeApostrophe(t.Text)) || t.Lower.EndsWith("ing", StringComparison.Ordinal)))
            {
                break;
            }

            if ((t.Kind is not (TokenKind.Word or TokenKind.Number) && t.Text is not ("'s" or "’s" or "%") && !IsTitleDot(tokens, end))
                || (t.IsWord && !t.IsCapitalised && (Lexicon.FiniteMarkers.Contains(t.Text) || Lexicon.BeForms.Contains(t.Text) || Lexicon.ReportingVerbs.Contains(t.Text))))
            {
                return null; // a verb of its own: the words before are a clause, not a subject
            }

            end++;
        }

        // What the modifier holds stays short ("going to the polls on Tuesday"); a long run is more likely a clause.
        var subjectEnd = subjectStart + subject.Count;
        if (end == start || tokens[end - 1].Lower == "of" || subjectEnd - end > 12
            || (!afterPreposition && !(OpensRelative(tokens[end]) || tokens[end].Lower.EndsWith("ing", StringComparison.Ordinal))))
        {
            return null;
        }

        // The modifier has no verb of its own, but inside a relative clause ("who have listened", "I've spoken with"):
        // "Analysts at Kepler said they expected the firm to face claims" is a clause before "claims", not a subject.
        var relative = false;
        for (var m = end; m < subjectStart; m++)
        {
            var t = tokens[m];
            relative |= t.IsWord && (OpensRelative(t) || Lexicon.Pronouns.Contains(BeforeApostrophe(t.Text)));
            if (t.Kind == TokenKind.Quote || (t.IsWord && !t.IsCapitalised && ((Lexicon.ReportingVerbs.Contains(t.Text) && !Lexicon.IsPeoplePlural(t.Text)) // "in five states"
                    || (!relative && (Lexicon.FiniteMarkers.Contains(t.Text) || Lexicon.BeForms.Contains(t.Text))))))
            {
                return null;
            }
        }

        // "Friends of Mr. Adley's who ...": the head is before its "of" (not a share's: "majorities of voters").
        var of = Enumerable.Range(start + 1, end - start - 1).FirstOrDefault(m => tokens[m].Lower == "of" && !ShareBefore(tokens, m));
        var last = tokens[of > start ? of - 1 : end - 1];
        if (!(last.IsWord && (Lexicon.IsPeoplePlural(last.Text) || Lexicon.PeopleQuantities.Contains(last.Text))))
        {
            return null;
        }

        // A short phrase is kept whole ("Those over 60", "People in Fort Lane", "Some delegates at the convention in
        // Carthage"); a long one is cut to its head ("Majorities of voters").
        return subjectEnd - start <= 8 ? [.. tokens.Skip(start).Take(subjectEnd - start)] : [.. tokens.Skip(start).Take((of > start ? of : end) - start)];
    }

    /// <summary>"who", "which", "that", and the possessive "whose" ("families whose homes flooded").</summary>
    private static bool OpensRelative(Token t) => Lexicon.RelativePronouns.Contains(t.Text) || t.Lower == "whose";

    /// <summary>"I've" → "I", "they'd" → "they": a pronoun with its contracted verb.</summary>
    private static string BeforeApostrophe(string word) => word.Split('\'', '’')[0];

    /// <summary>"He's", "they'll", "I've": a pronoun with its contracted verb, a clause's subject and verb in one word.</summary>
    private static bool IsContractedPronoun(string word) => word.Length > BeforeApostrophe(word).Length && Lexicon.Pronouns.Contains(BeforeApostrophe(word));

    /// <summary>"Majorities of", "some of", "one in four of", "22 percent of": the word before the "of" at <paramref name="of"/> counts a share.</summary>
    private static bool ShareBefore(IReadOnlyList<Token> tokens, int of) =>
        of > 0 && (tokens[of - 1].Kind == TokenKind.Number || Lexicon.ShareWords.Contains(tokens[of - 1].Text) || Lexicon.PeopleQuantities.Contains(tokens[of - 1].Text)
                   || FactExtractor.NumberWords.ContainsKey(tokens[of - 1].Text));
}
