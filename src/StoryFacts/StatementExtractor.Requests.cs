namespace StoryFacts;

/// <summary>
/// Cues beyond "said" that US news uses for reported speech (issue 11): requests and questions ("called for a ban",
/// "urged the board to act", "asked whether ..."), and the progressive of a reporting verb ("is telling voters that ...").
/// Each is one small step that <see cref="FindAttributions"/> tries before the finite and participle readings.
/// </summary>
internal sealed partial class StatementExtractor
{
    /// <summary>
    /// "called for a ban on ...", "called on the board to resign", "urged voters to turn out", "asked whether the plant
    /// would close": what the subject asked for, from after the cue to the clause's end, is what it said. Null when the
    /// words are no such request, or when they sit inside what an earlier attribution of the sentence reports.
    /// </summary>
    private Attribution? Request(ParagraphModel p, IReadOnlyList<Token> tokens, int i, List<Attribution> earlier)
    {
        var start = RequestContentStart(tokens, i);
        if (start < 0 || start >= tokens.Count || tokens[start].Kind is not (TokenKind.Word or TokenKind.Number) || InsideReportedContent(tokens, earlier, i))
        {
            return null;
        }

        if (AccordingToAfter(tokens, i))
        {
            // "Reeves urged restraint, according to a readout": the readout reports the whole clause.
            return null;
        }

        var attribution = tokens[i].Lower.EndsWith("ing", StringComparison.Ordinal)
            ? Progressive(p, tokens, i, earlier) ?? ParticipleRequest(p, tokens, i, earlier)
            : !IsVerbUse(tokens, i) ? null
            : IsCoordinated(tokens, i, earlier) ? CoordinatedRequest(p, tokens, i) : Finite(p, tokens, i, earlier);
        if (attribution is not { Speaker: not null, ContentBefore: false, Parenthetical: false })
        {
            return null;
        }

        var verb = start == i + 2 && tokens[i + 1].Lower is "for" or "on" or "upon" ? tokens[i].Text + " " + tokens[i + 1].Text : tokens[i].Text;
        // The inner reading says how the request was found; a plain finite one (or its coordination) is a request as such.
        var sieve = attribution.Sieve switch
        {
            StatementSieve.Progressive => StatementSieve.ProgressiveRequest,
            StatementSieve.ParticipleRequest or StatementSieve.CoordinatedRequest => attribution.Sieve,
            _ => StatementSieve.Request,
        };
        attribution = attribution with { Sieve = sieve, VerbIndex = i, Verb = verb, ContentStart = start, ContentEnd = -1 };
        return attribution with { ContentEnd = NextPredicate(tokens, start, EndOfContent(tokens, start, earlier, attribution)) };
    }

    /// <summary>
    /// "called for calm and called off the parade", "urged leaders to act and praised the bill": what was asked for is a
    /// noun phrase or an infinitive, so "and" with a finite verb starts the speaker's next act; a "whether" question keeps
    /// its own verbs.
    /// </summary>
    private static int NextPredicate(IReadOnlyList<Token> tokens, int start, int end)
    {
        if (tokens[start].Lower is "whether" or "if")
        {
            return end;
        }

        for (var k = start + 1; k + 1 < end; k++)
        {
            var next = tokens[k + 1];
            if (tokens[k].Lower is "and" or "but" && next is { IsWord: true, IsCapitalised: false }
                && (Lexicon.FiniteMarkers.Contains(next.Text) || Lexicon.ReportingVerbs.Contains(next.Text) || (next.Lower.EndsWith("ed", StringComparison.Ordinal) && next.Lower.Length > 4)))
            {
                return tokens[k - 1].Text == "," ? k - 1 : k;
            }
        }

        return end;
    }

    /// <summary>Where a request cue's content starts ("for"/"on" skipped), or -1 when the verb at <paramref name="i"/> is no request cue.</summary>
    private static int RequestContentStart(IReadOnlyList<Token> tokens, int i)
    {
        var t = tokens[i];
        if (!t.IsWord || t.IsCapitalised)
        {
            return -1;
        }

        foreach (var follows in Lexicon.RequestCues[t.Text])
        {
            if (follows == "object" && ObjectThenInfinitiveOrQuestion(tokens, i + 1))
            {
                return i + 1;
            }

            if (follows == "object" && QuestionAfterListener(tokens, i + 1) is var question and > 0)
            {
                return question;
            }

            if (follows != "object" && i + 2 < tokens.Count && tokens[i + 1].Lower == follows
                // "called on the mayor to resign", not "called on Monday" or "called on the phone".
                && (follows == "for" || (InfinitiveWithin(tokens, i + 2, 12) && !Lexicon.Weekdays.Contains(tokens[i + 2].Text))))
            {
                return i + 2;
            }
        }

        return -1;
    }

    /// <summary>"the board to act", "voters not to travel", "whether the plant would close", "if he would run": an object then an infinitive, or a question.</summary>
    private static bool ObjectThenInfinitiveOrQuestion(IReadOnlyList<Token> tokens, int start) =>
        start < tokens.Count && (tokens[start].Lower is "whether" or "if" || (tokens[start].Lower != "to" && InfinitiveWithin(tokens, start, 10)));

    /// <summary>
    /// "asked the governor Friday whether ...", "asked Ortiz how high the wall would be": a short listener, then a question
    /// word; the question's index, or -1.
    /// </summary>
    private static int QuestionAfterListener(IReadOnlyList<Token> tokens, int start)
    {
        for (var k = start + 1; k < tokens.Count && k <= start + 6; k++)
        {
            var t = tokens[k];
            if (!t.IsWord || Lexicon.BeForms.Contains(t.Text) || (t.IsWord && !t.IsCapitalised && Lexicon.RelativePronouns.Contains(t.Text)))
            {
                return -1;
            }

            if (t is { IsCapitalised: false } && t.Lower is "whether" or "if" or "how" or "why" or "what" or "when" or "where" or "who")
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>A "to" before a verb within <paramref name="span"/> words, with no clause boundary before it.</summary>
    private static bool InfinitiveWithin(IReadOnlyList<Token> tokens, int start, int span)
    {
        for (var k = start; k < tokens.Count && k < start + span; k++)
        {
            var t = tokens[k];
            if (IsTitleDot(tokens, k))
            {
                continue; // "called on Gov. Ray Lyle to resign": a title's full stop ends nothing
            }

            if (t.Text == "(" && PartyTagEnd(tokens, k) is var close and > 0)
            {
                span += close - k; // "called on Gov. Ray Lyle (R) to resign": the party tag does not count against the span
                k = close;
                continue;
            }

            if (t.Text is "," or ";" or ":" or "." || t.Kind == TokenKind.Quote || (t.IsWord && !t.IsCapitalised && (Lexicon.RelativePronouns.Contains(t.Text) || Lexicon.BeForms.Contains(t.Text))))
            {
                return false;
            }

            // "to "cease and desist"": a quoted infinitive counts too.
            if (t.Lower == "to" && k + 1 < tokens.Count && (tokens[k + 1] is { IsWord: true, IsCapitalised: false } || tokens[k + 1].Kind == TokenKind.Quote || IsQuoteMark(tokens[k + 1].Text)))
            {
                return !Lexicon.Determiners.Contains(tokens[k + 1].Text) && !Lexicon.Pronouns.Contains(tokens[k + 1].Text);
            }
        }

        return false;
    }

    /// <summary>"..., calling for a recount", "..., urging voters to ...": the participle voices the sentence's speaker or subject.</summary>
    private Attribution? ParticipleRequest(ParagraphModel p, IReadOnlyList<Token> tokens, int i, List<Attribution> earlier)
    {
        if (i == 0 || tokens[i - 1].Text != ",")
        {
            return null;
        }

        var main = earlier.LastOrDefault(a => a.Speaker is not null && a.Verb != "according to")?.Speaker;
        var subject = main is null ? SentenceSubject(tokens) : null;
        var voiced = main ?? (subject is null ? null : _resolver.Resolve(subject, NameFinder.Position(p, tokens[i])));
        return voiced is null ? null : new Attribution(StatementSieve.ParticipleRequest, i, tokens[i].Text, voiced, true, i, i + 1, i + 1, false);
    }

    /// <summary>
    /// "Ortiz is telling voters that ...", "the group is calling for ...": a reporting participle after a form of "be" is
    /// the verb of its clause, so the subject is found before the "be".
    /// </summary>
    private Attribution? Progressive(ParagraphModel p, IReadOnlyList<Token> tokens, int i, List<Attribution> earlier)
    {
        // "were adding 71 runs": "adding" in the progressive describes, it does not report.
        if (i < 2 || !tokens[i].IsWord || tokens[i].IsCapitalised || tokens[i].Lower == "adding" || tokens[i - 1].Lower is not ("is" or "are" or "was" or "were" or "been"))
        {
            return null;
        }

        var a = Finite(p, tokens, i - 1, earlier);
        return a is { Speaker: not null, ContentBefore: false, Parenthetical: false }
            ? a with { Sieve = StatementSieve.Progressive, VerbIndex = i, Verb = tokens[i - 1].Text + " " + tokens[i].Text, ClauseEnd = i + 1, ContentStart = ContentStartAfter(tokens, i) }
            : null;
    }

    private static bool AccordingToAfter(IReadOnlyList<Token> tokens, int i)
    {
        for (var k = i + 1; k + 1 < tokens.Count; k++)
        {
            if (tokens[k].Lower == "according" && tokens[k + 1].Lower == "to")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Outside the court, students held a vigil and called for a retrial", "Ada Kim, who thanked the crew and called on
    /// fans to ...": a second verb of the clause; its subject is the relative pronoun's antecedent or the sentence's
    /// subject, not the words just before "and". Null when the verb is not so coordinated or an earlier attribution speaks.
    /// </summary>
    private Attribution? CoordinatedRequest(ParagraphModel p, IReadOnlyList<Token> tokens, int i)
    {
        var k = ConjunctionBefore(tokens, i);

        var position = NameFinder.Position(p, tokens[i]);
        var who = -1;
        for (var w = k - 1; w > 0; w--)
        {
            if (tokens[w] is { IsWord: true, IsCapitalised: false } && tokens[w].Lower is "who" or "which")
            {
                who = w;
                break;
            }
        }

        var subject = who > 0 ? CollectBackward(tokens, tokens[who - 1].Text == "," ? who - 2 : who - 1)
            : OpeningPrepositions.Contains(tokens[0].Text) ? SubjectAfterOpeningPhrase(tokens, k) : SentenceSubject(tokens);
        var speaker = subject is { Count: > 0 } ? _resolver.Resolve(subject, position) : null;
        if (speaker is null)
        {
            return null;
        }

        _resolver.Remember(position, speaker);
        return new Attribution(StatementSieve.CoordinatedRequest, i, tokens[i].Text, speaker, false, i, i + 1, i + 1, false);
    }

    /// <summary>The verb at <paramref name="i"/> follows "and"/"but" and no earlier attribution of the sentence speaks for it.</summary>
    private static bool IsCoordinated(IReadOnlyList<Token> tokens, int i, List<Attribution> earlier) =>
        ConjunctionBefore(tokens, i) >= 1 && !earlier.Any(a => a.Speaker is not null && !a.ContentBefore && a.Verb != "according to");

    /// <summary>The "and"/"but" just before the verb (adverbs such as "also" skipped), or -1.</summary>
    private static int ConjunctionBefore(IReadOnlyList<Token> tokens, int i)
    {
        var k = i - 1;
        while (k >= 0 && tokens[k] is { IsWord: true, IsCapitalised: false } && (Lexicon.SkipBeforeVerb.Contains(tokens[k].Text) || IsAdverb(tokens, k)))
        {
            k--;
        }

        return k >= 0 && tokens[k].Lower is "and" or "but" ? k : -1;
    }

    /// <summary>
    /// "Outside the statehouse, dozens of nurses held ...": after an opening prepositional phrase and its comma, the words up
    /// to the first finite verb; null when the sentence does not open so.
    /// </summary>
    private static List<Token>? SubjectAfterOpeningPhrase(IReadOnlyList<Token> tokens, int before)
    {
        if (tokens.Count == 0 || !tokens[0].IsWord || !OpeningPrepositions.Contains(tokens[0].Text))
        {
            return null;
        }

        var comma = -1;
        for (var k = 1; k < before && k < 10; k++)
        {
            if (tokens[k].Text == ",")
            {
                comma = k;
                break;
            }
        }

        var subject = new List<Token>();
        for (var k = comma + 1; comma > 0 && k < before && subject.Count < 12; k++)
        {
            var t = tokens[k];
            if (t is { IsWord: true, IsCapitalised: false } && (Lexicon.FiniteMarkers.Contains(t.Text) || (t.Lower.EndsWith("ed", StringComparison.Ordinal) && t.Lower.Length > 4)))
            {
                return subject.Count > 0 ? subject : null;
            }

            subject.Add(t);
        }

        return null;
    }

    private static readonly HashSet<string> OpeningPrepositions = new(
        ["outside", "inside", "in", "at", "on", "after", "before", "during", "near", "across", "from", "within", "beyond", "later", "earlier"], StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the cue at <paramref name="i"/> lies inside what an earlier attribution of the sentence reports ("Police said the mayor called for calm").</summary>
    private static bool InsideReportedContent(IReadOnlyList<Token> tokens, List<Attribution> earlier, int i) =>
        earlier.Any(a => !a.ContentBefore && !a.Parenthetical && a.ContentStart >= 0 && a.ContentStart <= i
                         && i < (a.ContentEnd > 0 ? a.ContentEnd : EndOfContent(tokens, a.ContentStart, earlier, a)));
}
