using StoryEngine;

namespace StoryFacts;

/// <summary>
/// Cues that frame a clause or a quotation rather than heading it with a verb: "as" clauses (<see cref="AsReportedCue"/>),
/// "according to" (<see cref="AccordingToCue"/>), and a colon handing over to a quotation, tried by Extract when no
/// attribution of the sentence binds the quote.
/// </summary>
internal sealed partial class StatementExtractor
{
    /// <summary>
    /// "As The Daily Ledger reported, the mayor gave ...", "As reported by the Gazette, ...", "..., as Ortiz noted.": an
    /// "as" clause with a reporting verb attributes the clause it is attached to; null when the words are no such clause.
    /// </summary>
    private Attribution? AsReported(ParagraphModel p, IReadOnlyList<Token> tokens, int i)
    {
        var opens = i == 0 || tokens[i - 1].Text is "(" or "—" or "–" || i == DatelineEnd(tokens);
        var trails = i >= 2 && tokens[i - 1].Text == "," && !tokens[i].IsCapitalised;
        if (!opens && !trails)
        {
            return null;
        }

        int npStart, npEnd, verb, comma;
        if (i + 3 < tokens.Count && Lexicon.AsReportedVerbs.Contains(tokens[i + 1].Text) && tokens[i + 2].Lower == "by")
        {
            // "As reported by the Hill Gazette, ...": the agent after "by" is the source.
            verb = i + 1;
            npStart = i + 3;
            npEnd = npStart;
            while (npEnd < tokens.Count && npEnd - npStart < 10 && (tokens[npEnd].IsWord || tokens[npEnd].Text == "'s" || IsTitleDot(tokens, npEnd)))
            {
                npEnd++;
            }

            comma = npEnd;
        }
        else
        {
            npStart = i + 1;
            verb = npStart;
            while (verb < tokens.Count && verb - npStart <= 8 && (tokens[verb].IsWord || tokens[verb].Text == "'s" || IsTitleDot(tokens, verb))
                   && !(Lexicon.AsReportedVerbs.Contains(tokens[verb].Text) && !tokens[verb].IsCapitalised))
            {
                verb++;
            }

            npEnd = verb;
            while (npEnd > npStart && tokens[npEnd - 1].IsWord && !tokens[npEnd - 1].IsCapitalised && (Lexicon.SkipBeforeVerb.Contains(tokens[npEnd - 1].Text) || IsAdverb(tokens, npEnd - 1)))
            {
                npEnd--;
            }

            comma = verb + 1;
            if (comma < tokens.Count && tokens[comma].Lower == "out" && tokens[verb].Lower is "pointed")
            {
                comma++;
            }
        }

        if (npEnd <= npStart || verb >= tokens.Count || !Lexicon.AsReportedVerbs.Contains(tokens[verb].Text)
            || tokens.Skip(npStart).Take(npEnd - npStart).Any(x => x.IsWord && !x.IsCapitalised && (Lexicon.FiniteMarkers.Contains(x.Text) || Lexicon.BeForms.Contains(x.Text) || Lexicon.Pronouns.Contains(x.Text) && x.Lower is not ("he" or "she" or "they" or "it"))))
        {
            return null;
        }

        var closes = comma >= tokens.Count || tokens[comma].Text is "," or "." or ")" or ";";
        if (!closes || (opens && (comma >= tokens.Count || tokens[comma].Text != ",")))
        {
            return null;
        }

        var position = NameFinder.Position(p, tokens[i]);
        var np = tokens.Skip(npStart).Take(npEnd - npStart).Where(x => x.Text != ".").ToList();
        var speaker = _resolver.Resolve(np, position);
        if (speaker is null)
        {
            return null;
        }

        _resolver.Remember(position, speaker);
        if (trails && comma < tokens.Count && tokens[comma].Text == "," && comma + 1 < tokens.Count)
        {
            // "Just weeks ago, as the Ledger reported, the two were ...": the report runs on both sides of the aside.
            return new Attribution(StatementSieve.AsReported, verb, tokens[verb].Text, speaker, false, i, comma, comma + 1, false, -1, true);
        }

        if (trails)
        {
            return new Attribution(StatementSieve.AsReported, verb, tokens[verb].Text, speaker, false, i, comma, 0, true);
        }

        // "(As Metro News first reported, the fund lost $2 million.)": the bracket ends the report.
        var end = -1;
        if (i > 0 && tokens[i - 1].Text == "(")
        {
            for (var m = comma + 1; m < tokens.Count; m++)
            {
                if (tokens[m].Text == ")")
                {
                    end = m;
                    while (end > comma + 1 && tokens[end - 1].Text is "." or "!" or "?")
                    {
                        end--;
                    }

                    break;
                }
            }
        }

        return new Attribution(StatementSieve.AsReported, verb, tokens[verb].Text, speaker, false, i, comma + 1, comma + 1, false, end);
    }

    private Attribution? AccordingTo(ParagraphModel p, IReadOnlyList<Token> tokens, int i)
    {
        var start = i + 2;
        var end = start;
        while (end < tokens.Count && (tokens[end].Text is not ("," or "." or ";" or ":" or "?" or "!" or "(") || IsTitleDot(tokens, end)) && tokens[end].Kind != TokenKind.Quote && end - start < 12
               // "an Egyptian security official who spoke on condition of anonymity ...": the reason for anonymity is
               // no part of the source's name (a short descriptive clause, "who watched from the street", is).
               && !(end > start && tokens[end].Lower is "who" && !tokens[end].IsCapitalised
                    && tokens.Skip(end + 1).Take(8).Any(x => x.Lower is "anonymity" or "condition" or "named" or "authorised" or "authorized" or "identified"))
               // "market sources citing X figures on Tuesday": a time phrase ends the source, unless it dates a
               // participle that belongs to it ("a study published on Wednesday in The Lancet").
               && !(end > start && !Enumerable.Range(start, end - start).Any(x => tokens[x].IsWord && tokens[x].Lower.EndsWith("ed", StringComparison.Ordinal) && tokens[x].Lower.Length > 4)
                    && (Lexicon.Weekdays.Contains(tokens[end].Text)
                        || (tokens[end].Lower is "on" or "in" or "last" or "this" && end + 1 < tokens.Count && (Lexicon.Weekdays.Contains(tokens[end + 1].Text) || Lexicon.MonthSet.Contains(tokens[end + 1].Text) || tokens[end + 1].Lower is "week" or "month" or "year")))))
        {
            end++;
        }

        var np = tokens.Skip(start).Take(end - start).Where(x => x.Text != ".").ToList();
        var written = np;
        // "figures from the health ministry", "a statement by the club": the organisation is who speaks through them.
        var from = np.FindIndex(x => x.Lower is "from" or "by" or "of");
        if (from > 0 && from <= 3 && np.Take(from).Any(x => x.Lower == "sources" || Lexicon.IsSourceDocument(x.Lower)))
        {
            np = np.Skip(from + 1).ToList();
        }

        var position = NameFinder.Position(p, tokens[i]);
        var speaker = _resolver.Resolve(np, position) ?? (np.Count != written.Count ? _resolver.Resolve(written, position) : null);
        if (speaker is null)
        {
            return null;
        }

        if (NamesADocument(written))
        {
            // "according to a count by the AP", "according to data from the ministry": the source is the record, as the
            // story names it (its author stays the speaker's entity, for the people the story quotes).
            speaker = speaker with { Name = NameFinder.Join(written) };
        }

        _resolver.Remember(position, speaker);
        var atStart = i == 0 || (i <= 2 && tokens.Take(i).All(x => x.Kind == TokenKind.Punct || x.Lower is "but" or "and" or "yet")) || OpeningAdverbialBefore(tokens, i)
            // "It has not gone unnoticed: according to recent polls, ...", "... years ago after, according to him, the
            // network censured ...": a clause opening after a colon or a conjunction's comma is what the source reports.
            || (i >= 1 && tokens[i - 1].Text == ":")
            || (i >= 2 && tokens[i - 1].Text == "," && tokens[i - 2] is { IsWord: true, IsCapitalised: false } opener
                && opener.Lower is "after" or "because" or "since" or "that" or "when" or "while" or "although" or "though" or "as" or "if" or "before" or "until");
        if (atStart)
        {
            var after = end;
            if (after < tokens.Count && tokens[after].Text == "(")
            {
                // "According to the International Cocoa Organization (ICCO), ...": past the bracketed abbreviation.
                while (after < tokens.Count && tokens[after].Text != ")")
                {
                    after++;
                }

                after = Math.Min(tokens.Count, after + 1);
            }

            var contentStart = after < tokens.Count && tokens[after].Text == "," ? after + 1 : after;
            return new Attribution(StatementSieve.AccordingTo, i, "according to", speaker, false, i, end, contentStart, false);
        }

        return new Attribution(StatementSieve.AccordingTo, i, "according to", speaker, false, i, end, 0, true);
    }

    /// <summary>
    /// "a count by the AP", "the average of recent polls compiled by X", "Crowdpac data": a record heads the phrase, before
    /// its author ("from", "by", "of") or the participle that dates it ("released Friday").
    /// </summary>
    private static bool NamesADocument(IReadOnlyList<Token> phrase)
    {
        for (var k = 0; k < Math.Min(phrase.Count, 6); k++)
        {
            var word = phrase[k];
            if (word.Lower is "from" or "by" or "of" || IsDatingParticiple(word))
            {
                return false;
            }

            // "an interview his brother gave to ITV": a clause after the record names its author, who is the source.
            if (word.IsWord && !word.IsCapitalised && Lexicon.IsSourceDocument(word.Lower)
                && (k + 1 == phrase.Count || phrase[k + 1].Lower is "from" or "by" or "of" or "for" or "in" or "on" or "at" or "with" or "about" || IsDatingParticiple(phrase[k + 1])))
            {
                return true;
            }
        }

        return false;

        static bool IsDatingParticiple(Token x) =>
            x.IsWord && !x.IsCapitalised && x.Lower.Length > 4 && x.Lower.EndsWith("ed", StringComparison.Ordinal) && !x.Lower.Contains('-', StringComparison.Ordinal);
    }

    /// <summary>"Jones disagreed: "…"": a sentence that hands over to a quotation with a colon introduces its subject's words.</summary>
    private Attribution? ColonAttribution(ParagraphModel p, IReadOnlyList<Token> tokens, int q)
    {
        if (q < 3 || tokens[q - 1].Text != ":" || !tokens[q - 2].IsWord)
        {
            return null;
        }

        var subject = SentenceSubject(tokens);
        if (subject is null || subject.Count > 6 || subject[^1].End > tokens[q - 1].Start)
        {
            return null;
        }

        var position = NameFinder.Position(p, tokens[q - 1]);
        var speaker = _resolver.Resolve(subject, position);
        if (speaker is null || (speaker.Entity is null && speaker.Kind != SpeakerKind.Group && !Lexicon.Pronouns.Contains(subject[0].Text) && !subject[0].IsCapitalised))
        {
            return null;
        }

        _resolver.Remember(position, speaker);
        return new Attribution(StatementSieve.Colon, q - 2, tokens[q - 2].Text, speaker, false, 0, q - 1, -1, false);
    }
}
