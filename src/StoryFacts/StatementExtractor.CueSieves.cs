using StoryEngine;

namespace StoryFacts;

/// <summary>
/// Cue finding as an ordered list of named sieves (issue 11, after Stanford CoreNLP's quote attribution): at each word
/// of a sentence the sieves are tried in order, and the first that claims the word decides it, with or without an
/// attribution. The order is the rules' precedence: "as" and "according to" clauses before requests, requests before
/// "called" phrases, those before the plain reading of a reporting verb.
/// </summary>
internal sealed partial class StatementExtractor
{
    /// <summary>What one sieve made of a word.</summary>
    /// <param name="Claimed">The word is this sieve's cue; no later sieve tries it, whether or not it found an attribution.</param>
    /// <param name="Found">The attribution the cue makes, if any.</param>
    /// <param name="Last">The last token the sieve used: the search goes on after it (a whole "as" clause or quoted phrase is skipped).</param>
    private readonly record struct CueOutcome(bool Claimed, Attribution? Found, int Last)
    {
        public static CueOutcome NotMine { get; } = new(false, null, -1);

        public static CueOutcome Claim(Attribution? found, int last) => new(true, found, last);
    }

    /// <summary>A cue finder tried at token <c>i</c> of a sentence, given the attributions the sentence has so far.</summary>
    private sealed record CueSieve(string Name, Func<ParagraphModel, IReadOnlyList<Token>, int, List<Attribution>, CueOutcome> Find);

    /// <summary>The cue sieves in the order they are tried at each word.</summary>
    private IReadOnlyList<CueSieve> CueSieves() =>
    [
        new(nameof(AsReportedCue), AsReportedCue),
        new(nameof(AccordingToCue), AccordingToCue),
        new(nameof(RequestCue), RequestCue),
        new(nameof(CalledCue), CalledCue),
        new(nameof(CallingCue), CallingCue),
        new(nameof(ReducedRelativeCalledCue), ReducedRelativeCalledCue),
        new(nameof(ProgressiveCue), ProgressiveCue),
        new(nameof(ReportingVerbCue), ReportingVerbCue),
    ];

    private List<Attribution> FindAttributions(ParagraphModel p, IReadOnlyList<Token> tokens)
    {
        var result = new List<Attribution>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWord)
            {
                continue;
            }

            foreach (var sieve in _cueSieves)
            {
                var outcome = sieve.Find(p, tokens, i, result);
                if (!outcome.Claimed)
                {
                    continue;
                }

                if (outcome.Found is { } found)
                {
                    result.Add(found);
                }

                i = outcome.Last;
                break;
            }
        }

        return result;
    }

    /// <summary>"As The Daily Ledger reported, ...", "..., as the mayor noted.", "As reported by the Gazette, ...".</summary>
    private CueOutcome AsReportedCue(ParagraphModel p, IReadOnlyList<Token> tokens, int i, List<Attribution> earlier) =>
        tokens[i].Lower == "as" && AsReported(p, tokens, i) is { } asReported
            ? CueOutcome.Claim(asReported, asReported.ClauseEnd - 1)
            : CueOutcome.NotMine;

    /// <summary>"according to the ministry, ...": the phrase is claimed even when it names no speaker.</summary>
    private CueOutcome AccordingToCue(ParagraphModel p, IReadOnlyList<Token> tokens, int i, List<Attribution> earlier) =>
        tokens[i].Lower == "according" && i + 1 < tokens.Count && tokens[i + 1].Lower == "to"
            ? CueOutcome.Claim(AccordingTo(p, tokens, i), i)
            : CueOutcome.NotMine;

    /// <summary>"called for a ban", "urged the board to act", "asked whether ...": a request voiced is reported speech.</summary>
    private CueOutcome RequestCue(ParagraphModel p, IReadOnlyList<Token> tokens, int i, List<Attribution> earlier) =>
        Request(p, tokens, i, earlier) is { } request ? CueOutcome.Claim(request, i) : CueOutcome.NotMine;

    /// <summary>
    /// "called the move "reckless"", "described him as "a born teacher"": naming something in quotation marks is an
    /// opinion voiced.
    /// </summary>
    private CueOutcome CalledCue(ParagraphModel p, IReadOnlyList<Token> tokens, int i, List<Attribution> earlier)
    {
        var t = tokens[i];
        // "Others call it the nerd prom": the plain form only before a pronoun object, where it cannot be the noun.
        var plainCall = t.Lower == "call" && i + 1 < tokens.Count && tokens[i + 1].Lower is "him" or "her" or "them" or "it" or "himself" or "herself" or "themselves" or "itself";
        if (!((t.Lower is "called" or "calls" or "termed" or "terms" or "dubbed" or "branded" or "labelled" or "labeled" || plainCall || (t.Lower is "described" or "describes" && DescribedAs(tokens, i)))
            && IsVerbUse(tokens, i) && CalledPhraseEnd(tokens, i) is var calledEnd and > 0))
        {
            return CueOutcome.NotMine;
        }

        var called = Finite(p, tokens, i, earlier);
        if (called is null || called.ContentStart < 0 || called.ContentBefore)
        {
            return CueOutcome.Claim(null, i);
        }

        // "called it a "paperwork error" that was reported in ...", "called the plan "urgent," at a time when ...": the
        // clause goes on after the quoted phrase.
        var clauseEnd = calledEnd < tokens.Count && tokens[calledEnd].IsWord && !tokens[calledEnd].IsCapitalised && tokens[calledEnd].Lower is not ("and" or "but")
            && !ParticipleAfterQuotedComma(tokens, calledEnd)
            ? Math.Max(calledEnd, EndOfContent(tokens, calledEnd, earlier, called))
            : calledEnd;

        // Words inside the quoted phrase ("... to everyone who still believes ...") are not attributions.
        return CueOutcome.Claim(called with { Sieve = StatementSieve.Called, ContentStart = i + 1, ContentEnd = clauseEnd }, calledEnd - 1);
    }

    /// <summary>
    /// "called Ruiz the "last honest man," citing ...": a participle after the comma that closes the quoted phrase
    /// (inside its marks, as American papers put it) is the speaker's next act, not part of the naming.
    /// </summary>
    private static bool ParticipleAfterQuotedComma(IReadOnlyList<Token> tokens, int end) =>
        end >= 2 && IsQuoteMark(tokens[end - 1].Text) && tokens[end - 2].Text == ","
        && tokens[end].Lower.EndsWith("ing", StringComparison.Ordinal) && tokens[end].Lower.Length > 5;

    /// <summary>
    /// "praised the crowd, describing the last minutes as "..."", "..., calling the ruling "a disgrace"": the participle
    /// voices the subject's opinion even when the main verb reports nothing.
    /// </summary>
    private CueOutcome CallingCue(ParagraphModel p, IReadOnlyList<Token> tokens, int i, List<Attribution> earlier)
    {
        var t = tokens[i];
        var with = WithSubjectBefore(tokens, i);
        if (!((t.Lower is "calling" || (t.Lower is "describing" && DescribedAs(tokens, i))) && i > 0 && (tokens[i - 1].Text == "," || with > 0)
            && CalledPhraseEnd(tokens, i) is var participleEnd and > 0))
        {
            return CueOutcome.NotMine;
        }

        if (with > 0 && _resolver.Resolve([.. tokens.Skip(with + 1).Take(i - with - 1).Where(x => x.Text != ".")], NameFinder.Position(p, t)) is { } withSpeaker)
        {
            // "..., with former governor Ed Marrow calling the plan a disgrace": the one named after "with" calls it that.
            var named = new Attribution(StatementSieve.Calling, i, t.Text, withSpeaker, true, i, i + 1, i + 1, false, participleEnd);
            return CueOutcome.Claim(named, i);
        }

        var main = earlier.LastOrDefault(a => a.Speaker is not null && a.Verb != "according to")?.Speaker;
        var subject = main is null ? SentenceSubject(tokens) : null;
        var voiced = main ?? (subject is null ? null : _resolver.Resolve(subject, NameFinder.Position(p, t)));
        if (voiced is null)
        {
            return CueOutcome.Claim(null, i);
        }

        var calling = new Attribution(StatementSieve.Calling, i, t.Text, voiced, true, i, i + 1, i + 1, false, participleEnd);
        var clauseEnd = participleEnd < tokens.Count && tokens[participleEnd].IsWord && !tokens[participleEnd].IsCapitalised && tokens[participleEnd].Lower is not ("and" or "but")
            && !ParticipleAfterQuotedComma(tokens, participleEnd)
            ? Math.Max(participleEnd, EndOfContent(tokens, participleEnd, earlier, calling))
            : participleEnd;
        return CueOutcome.Claim(calling with { ContentEnd = clauseEnd }, i);
    }

    /// <summary>
    /// "with former governor Ed Marrow calling ...": the index of "with" when a name (titles and lower-case role words
    /// allowed, ending in a capitalised word) runs from it to the participle at <paramref name="i"/>; -1 otherwise.
    /// </summary>
    private static int WithSubjectBefore(IReadOnlyList<Token> tokens, int i)
    {
        if (i < 2 || !tokens[i - 1].IsCapitalised)
        {
            return -1;
        }

        for (var k = i - 2; k >= 0 && i - k <= 8; k--)
        {
            if (tokens[k].Lower == "with" && !tokens[k].IsCapitalised)
            {
                return k + 1 < i - 1 || tokens[k + 1].IsCapitalised ? k : -1;
            }

            if (!(tokens[k].IsWord || tokens[k].Text is "." or "'s" or "’s"))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// "in a ruling campaigners called a victory for ...": the opinion sits in a relative clause without quotation marks;
    /// the words after the verb, to the end of the clause, are what its subject said.
    /// </summary>
    private CueOutcome ReducedRelativeCalledCue(ParagraphModel p, IReadOnlyList<Token> tokens, int i, List<Attribution> earlier)
    {
        var t = tokens[i];
        if (!(t.Lower is "called" or "described" && ReducedRelativeCalled(tokens, i) is { } relative))
        {
            return CueOutcome.NotMine;
        }

        var position = NameFinder.Position(p, t);
        var voiced = _resolver.Resolve(relative.Subject, position);
        if (voiced is null)
        {
            return CueOutcome.Claim(null, i);
        }

        _resolver.Remember(position, voiced);
        return CueOutcome.Claim(new Attribution(StatementSieve.ReducedRelativeCalled, i, t.Text, voiced, false, relative.SubjectStart, i + 1, i + 1, false, relative.End), i);
    }

    /// <summary>"Ortiz is telling voters that ...": a reporting participle after "be" is the clause's verb.</summary>
    private CueOutcome ProgressiveCue(ParagraphModel p, IReadOnlyList<Token> tokens, int i, List<Attribution> earlier) =>
        ReportingVerbAt(tokens, i).Participle && Progressive(p, tokens, i, earlier) is { } progressive
            ? CueOutcome.Claim(progressive, i)
            : CueOutcome.NotMine;

    /// <summary>
    /// Whether the word is a reporting verb used finitely (""...," the statement read", ""...," she continued") or a
    /// reporting participle; never both.
    /// </summary>
    private static (bool Finite, bool Participle) ReportingVerbAt(IReadOnlyList<Token> tokens, int i)
    {
        var t = tokens[i];
        // ""...," the statement read": a written statement's words.
        var finite = Lexicon.ReportingVerbs.Contains(t.Text) || (t.Lower is "read" or "reads" && i > 0 && Lexicon.DocumentNouns.Contains(tokens[i - 1].Text) && QuoteRightBefore(tokens, i))
            // ""...," she continued", ""Who knows?" he shrugged": speech tags that attribute only a quotation just before.
            || (Lexicon.QuoteOnlyVerbs.Contains(t.Text) && QuoteRightBefore(tokens, i) && (i + 1 >= tokens.Count || tokens[i + 1].Text is "." or "," or ";" || tokens[i + 1].IsCapitalised))
            // "He continued, "...", "She jokes: "..."": or one that opens right after them.
            || (Lexicon.QuoteOnlyVerbs.Contains(t.Text) && QuoteRightAfter(tokens, i));
        return (finite, !finite && Lexicon.ReportingParticiples.Contains(t.Text));
    }

    /// <summary>
    /// The last sieve: a reporting verb read plainly, finite ("Ortiz said ...", with its coordinated and inverted forms)
    /// or a participle ("..., saying that ..."), then the checks that its words are really reported speech. It claims
    /// every word it sees.
    /// </summary>
    private CueOutcome ReportingVerbCue(ParagraphModel p, IReadOnlyList<Token> tokens, int i, List<Attribution> earlier)
    {
        var t = tokens[i];
        var (finite, participle) = ReportingVerbAt(tokens, i);
        if ((!finite && !participle) || !IsVerbUse(tokens, i))
        {
            return CueOutcome.Claim(null, i);
        }

        if (t.Lower == "asked" && !QuoteRightBefore(tokens, i) && !QuoteRightAfter(tokens, i))
        {
            // "asked" reports only a quotation before it (""How will we manage?" she asked"); "asked the council to
            // act" and "Asked what ..., she laughs" are requests and questions, not statements (and name no speaker).
            return CueOutcome.Claim(null, i);
        }

        if (participle && i > 0 && tokens[i - 1].IsWord && tokens[i - 1].Lower is "by" or "of" or "for" or "from" or "without" or "about" or "in" or "on"
            && !(tokens[i - 1].Lower is "by" or "in" && i + 1 < tokens.Count && (tokens[i + 1].Lower == "that" || ReportsClause(tokens, i + 1))))
        {
            // "delayed exchanges by adding names": a gerund after a preposition reports nothing; but "by saying that
            // ...", "in arguing the fences would ..." report the clause after them.
            return CueOutcome.Claim(null, i);
        }

        var attribution = participle ? Participle(p, tokens, i, earlier) : Finite(p, tokens, i, earlier);
        // "vowed to veto the bill", "promising to cut taxes": a commitment reports what the subject said it would do.
        var commitment = attribution is { ContentBefore: false, Parenthetical: false } && attribution.ContentStart == i + 1 && CommitmentAhead(tokens, i);
        if (commitment && InsideReportedContent(tokens, earlier, i))
        {
            // "Kramer said he and Ortiz had promised to cut the fees": the promise is part of what Kramer said.
            return CueOutcome.Claim(null, i);
        }

        if (attribution is { ContentBefore: false, Parenthetical: false, ContentEnd: < 0, ContentStart: >= 0 } && attribution.ContentStart < tokens.Count && !commitment
            && Lexicon.NounObjectVerbs.Contains(tokens[i].Text) && tokens[attribution.ContentStart].Kind is TokenKind.Word or TokenKind.Number
            && !ReportsClause(tokens, attribution.ContentStart, DataSubject(tokens, attribution)))
        {
            // "announced a share buyback", "forecast slower growth", "urged caution": an object, not reported speech;
            // except for the verbs whose object the annotators of real news count as said ("announced his candidacy").
            // An object inside what someone else reports ("X said the council announced a freeze", "... announced
            // job cuts, according to a tracker") is theirs to report, as a request's is.
            var spoken = Lexicon.ObjectIsSpeech(tokens[i].Text) && !InsideReportedContent(tokens, earlier, i) && !AccordingToAfter(tokens, i);
            attribution = spoken ? attribution with { Sieve = StatementSieve.PlainObject } : attribution with { ContentStart = -1 };
        }

        if (attribution is { ContentBefore: false, Parenthetical: false, ContentStart: > 0 } && !commitment && Lexicon.TellVerbs.Contains(tokens[i].Text)
            && attribution.ContentStart < tokens.Count && tokens[attribution.ContentStart - 1].Lower != "that" && RequestAhead(tokens, attribution.ContentStart))
        {
            // "warned supporters without tickets not to travel", "told residents to stay indoors": a request, not a report.
            attribution = attribution with { ContentStart = -1 };
        }

        if (attribution is not null && t.Lower == "asked" && !QuoteRightBefore(tokens, attribution.VerbIndex))
        {
            // "asked" reports only a quotation before it (""How will we manage?" she asked"); "asked the council to
            // act" and "asked whether ..." are requests and questions, not statements.
            attribution = null;
        }

        if (attribution is not null && t.Lower == "adding" && attribution is { ContentBefore: false, ContentStart: >= 0 } && attribution.ContentStart < tokens.Count
            && tokens[attribution.ContentStart].Lower is "a" or "an" or "his" or "her" or "their" && !ReportsClause(tokens, attribution.ContentStart))
        {
            // "posted on X, adding a winking emoji": a participle with a plain object describes, it does not report.
            attribution = null;
        }

        return CueOutcome.Claim(attribution, i);
    }
}
