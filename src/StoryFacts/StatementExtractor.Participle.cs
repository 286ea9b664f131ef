using StoryEngine;

namespace StoryFacts;

/// <summary>
/// The participle reading of a reporting verb ("..., saying that ...", "insisting ..."): the cue finder behind
/// <see cref="ReportingVerbCue"/> for participles.
/// </summary>
internal sealed partial class StatementExtractor
{
    /// <summary>
    /// "released a statement saying ...", "issued a letter warning ...", "sent a fundraising email Wednesday saying ...",
    /// "sent out a text message to supporters saying": the subject speaks through what it issued. Up to two words may
    /// describe the document and up to four (a time, the addressees) stand between it and the participle.
    /// </summary>
    private static bool IssuedDocumentParticiple(IReadOnlyList<Token> tokens, int i)
    {
        if (i < 3 || !Lexicon.ReportingParticiples.Contains(tokens[i].Text))
        {
            return false;
        }

        for (var d = i - 1; d >= 2 && d >= i - 5; d--)
        {
            var t = tokens[d];
            if (!t.IsWord && t.Kind != TokenKind.Number)
            {
                return false;
            }

            if (t.IsCapitalised || !Lexicon.DocumentNouns.Contains(t.Text))
            {
                continue;
            }

            // Back from the document over at most two describing words to its article and the verb that issued it.
            for (var a = d - 1; a >= 1 && a >= d - 3; a--)
            {
                if (tokens[a].Lower is "a" or "an")
                {
                    return tokens[a - 1].Lower is "released" or "issued" or "sent" or "put" or "posted" or "published" or "out" or "releases" or "issues" or "sends" or "posts";
                }

                if (!tokens[a].IsWord)
                {
                    return false;
                }
            }

            return false;
        }

        return false;
    }

    /// <summary>A comma right before the participle, or before one adverb that leads it (", eventually saying", ", also warning").</summary>
    private static bool CommaBefore(IReadOnlyList<Token> tokens, int i) =>
        (i >= 1 && tokens[i - 1].Text == ",")
        || (i >= 2 && tokens[i - 2].Text == "," && tokens[i - 1] is { IsWord: true, IsCapitalised: false } adverb
            && (Lexicon.SentenceAdverbs.Contains(adverb.Text) || adverb.Lower is "also" or "later" or "again" or "then" || IsAdverb(tokens, i - 1)));

    /// <summary>"... by saying ...", "while insisting ...", "after telling ...": a preposition leads the participle, as a comma would.</summary>
    private static bool PrepositionBefore(IReadOnlyList<Token> tokens, int i) =>
        i >= 2 && tokens[i - 1].Lower is "by" or "while" or "after" or "before" or "when" or "in" && !tokens[i - 1].IsCapitalised;

    private Attribution? Participle(ParagraphModel p, IReadOnlyList<Token> tokens, int i, List<Attribution> earlier)
    {
        var main = earlier.LastOrDefault(a => a.Speaker is not null && a.Verb != "according to");
        var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
        var issued = IssuedDocumentParticiple(tokens, i) && next is { Kind: TokenKind.Word or TokenKind.Quote };
        var reports = issued || (next is not null && (next.Lower == "that" || next.Kind == TokenKind.Quote || next.Text is "," or ":"));
        // ", claiming Adebayo had pushed him": a clause straight after the participle, without "that".
        reports |= next is not null && (CommaBefore(tokens, i) || PrepositionBefore(tokens, i)) && next.Kind is TokenKind.Word or TokenKind.Number
            && (ReportsClause(tokens, i + 1) || FiniteVerbAhead(tokens, i + 1));
        var withSubject = CollectBackward(tokens, i - 1);
        var withAt = i - 1 - withSubject.Count;
        if (withSubject.Count is > 0 and <= 6 && withAt >= 0 && tokens[withAt].Lower == "with"
            && (reports || (next is not null && (Lexicon.Determiners.Contains(next.Text) || Lexicon.Pronouns.Contains(next.Text)))))
        {
            // "..., with union leaders warning that ...": the absolute phrase names its own speaker.
            var absolute = _resolver.Resolve(withSubject, NameFinder.Position(p, tokens[i]));
            if (absolute is not null)
            {
                _resolver.Remember(NameFinder.Position(p, tokens[i]), absolute);
                return new Attribution(StatementSieve.Participle, i, tokens[i].Text, absolute, true, withAt + 1, i + 1, ContentStartAfter(tokens, i), false);
            }
        }

        if ((reports || Lexicon.TellVerbs.Contains(tokens[i].Text)) && WithSubjectBefore(tokens, i) is var with and > 0
            && _resolver.Resolve([.. tokens.Skip(with + 1).Take(i - with - 1).Where(x => x.Text != ".")], NameFinder.Position(p, tokens[i])) is { } withNamed)
        {
            // "..., with Republican Senator John McCain telling reporters ...": titles and roles before the name.
            _resolver.Remember(NameFinder.Position(p, tokens[i]), withNamed);
            return new Attribution(StatementSieve.Participle, i, tokens[i].Text, withNamed, true, with + 1, i + 1, ContentStartAfter(tokens, i), false);
        }

        if (withSubject.Count == 0 && reports && i >= 4 && tokens[i - 1].Text == ",")
        {
            // "..., with the Speaker, Rt. Hon. Musa Tanko, saying ...": a name between commas after "with NP".
            var c2 = i - 2;
            while (c2 >= 0 && tokens[c2].Text != "," && tokens[c2].Kind != TokenKind.Quote)
            {
                c2--;
            }

            var np = c2 > 0 && tokens[c2].Text == "," ? CollectBackward(tokens, c2 - 1) : [];
            var npStart = np.Count > 0 ? IndexOf(tokens, np[0], c2 - 1) : -1;
            if (npStart > 0 && tokens[npStart - 1].Lower == "with" && np.Count <= 5 && !ClauseBetween(tokens, c2 + 1, i - 1))
            {
                var position = NameFinder.Position(p, tokens[i]);
                var inner = tokens.Skip(c2 + 1).Take(i - 1 - (c2 + 1)).Where(x => x.Text != ".").ToList();
                var named = inner.Count is > 0 and <= 6 && inner[0].IsCapitalised ? _resolver.Resolve(inner, position) : null;
                var absolute = named?.Entity is { Kind: EntityKind.Person } ? named : _resolver.Resolve(np, position);
                if (absolute is not null)
                {
                    _resolver.Remember(position, absolute);
                    return new Attribution(StatementSieve.Participle, i, tokens[i].Text, absolute, true, npStart, i + 1, ContentStartAfter(tokens, i), false);
                }
            }
        }

        if (i >= 2 && tokens[i - 1].Lower == "as" && tokens[i - 2].Lower == "quoted" && tokens[i].Lower == "saying")
        {
            // "X was quoted as saying the deal was dead": the subject of "was quoted" said it.
            var quotedSubject = SentenceSubject(tokens);
            var quoted = quotedSubject is null ? null : _resolver.Resolve(quotedSubject, NameFinder.Position(p, tokens[i]));
            if (quoted is not null)
            {
                _resolver.Remember(NameFinder.Position(p, tokens[i]), quoted);
                return new Attribution(StatementSieve.Participle, i, tokens[i].Text, quoted, true, i, i + 1, ContentStartAfter(tokens, i), false);
            }
        }

        Speaker? speaker = main?.Speaker;
        if (speaker is null)
        {
            // "..., saying that ..." with no reporting verb before it: the sentence's subject speaks.
            if (!reports || i == 0 || (!CommaBefore(tokens, i) && !issued && !PrepositionBefore(tokens, i)))
            {
                return null;
            }

            // "Shares fell after the salad chain cut its forecast, saying ...": the subject of the clause the participle
            // closes speaks, before the sentence's own subject.
            var clauseSubject = SubordinateSubject(tokens, i);
            var fromClause = clauseSubject is null ? null : _resolver.Resolve(clauseSubject, NameFinder.Position(p, tokens[i]));
            var subject = fromClause is null ? SentenceSubject(tokens) : null;
            speaker = fromClause is { Kind: SpeakerKind.Organisation or SpeakerKind.Person } ? fromClause : subject is null ? null : _resolver.Resolve(subject, NameFinder.Position(p, tokens[i]));
        }

        if (speaker is null || (main is null && !reports))
        {
            return null;
        }

        if (tokens[i].Lower is "describing" or "pointing" && !reports)
        {
            return null;
        }

        return new Attribution(StatementSieve.Participle, i, tokens[i].Text, speaker, true, i, i + 1, ContentStartAfter(tokens, i), false);
    }
}
