using StoryEngine;

namespace StoryFacts;

/// <summary>
/// The finite reading of a reporting verb ("Ortiz said ...", ""...," said Ortiz", "Ortiz, who said ...") and the
/// coordinated one ("... arrived and said ..."): the cue finders behind <see cref="ReportingVerbCue"/> and, for
/// "called" phrases and requests, <see cref="CalledCue"/> and <see cref="Request"/>.
/// </summary>
internal sealed partial class StatementExtractor
{
    /// <summary>
    /// At <paramref name="close"/>, a ")" closing an aside that opens with a lower-case word ("(who has 25 delegates)",
    /// "(known locally as ...)"): the index of its "(", or -1. A party tag ("(R-Ohio)") is not an aside.
    /// </summary>
    private static int BracketedAsideStart(IReadOnlyList<Token> tokens, int close)
    {
        if (close < 3 || tokens[close].Text != ")")
        {
            return -1;
        }

        for (var open = close - 2; open >= 1 && close - open <= 16; open--)
        {
            if (tokens[open].Text == "(")
            {
                return tokens[open + 1] is { IsWord: true, IsCapitalised: false } && tokens[open - 1].IsWord ? open : -1;
            }

            if (tokens[open].Text is ")" or ";" || tokens[open].Kind == TokenKind.Quote)
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>From <paramref name="from"/> back, the first comma, semicolon or quotation: where an aside's segment starts after; -1 if none.</summary>
    private static int SegmentBoundaryBefore(IReadOnlyList<Token> tokens, int from)
    {
        var k = from;
        while (k >= 0 && tokens[k].Text != "," && tokens[k].Kind != TokenKind.Quote && tokens[k].Text != ";")
        {
            k--;
        }

        return k;
    }

    /// <summary>
    /// At <paramref name="comma"/>, a comma that closes a short quoted title inside an aside, American style with the
    /// comma inside the marks ("the author of "Rivers Run," a history"): the index of the title's opening mark, which
    /// follows a lower-case word; otherwise -1.
    /// </summary>
    private static int QuotedTitleOpening(IReadOnlyList<Token> tokens, int comma)
    {
        if (tokens[comma].Text != "," || comma + 1 >= tokens.Count || tokens[comma + 1].Text is not ("”" or "\"" or "’" or "'"))
        {
            return -1;
        }

        for (var open = comma - 1; open >= 1 && comma - open <= 7; open--)
        {
            if (tokens[open].Text is "“" or "\"" or "‘" or "'")
            {
                return tokens[open - 1] is { IsWord: true, IsCapitalised: false } ? open : -1;
            }

            if (tokens[open].Text is "," or ";" || tokens[open].Kind == TokenKind.Quote)
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// After an inverted speaker ending at <paramref name="end"/> (its comma), with at most one lower-case aside, a verb
    /// that the words before the attribution (up to <paramref name="comma"/>, with no verb of their own) are the subject
    /// of: where the report resumes, or -1.
    /// </summary>
    private static int ResumedAfterInvertedSpeaker(IReadOnlyList<Token> tokens, int comma, int end)
    {
        if (end + 2 >= tokens.Count || tokens[end].Text != ",")
        {
            return -1;
        }

        var resume = end + 1;
        if (tokens[resume] is { IsWord: true, IsCapitalised: false } && tokens[resume].Lower is "a" or "an" or "the" or "who" or "its" or "his" or "her")
        {
            var close = resume + 1;
            while (close < tokens.Count && close - resume <= 14 && tokens[close].Text is not ("," or ";" or ".") && tokens[close].Kind != TokenKind.Quote)
            {
                close++;
            }

            if (close >= tokens.Count - 1 || tokens[close].Text != ",")
            {
                return -1;
            }

            resume = close + 1;
        }

        static bool IsVerbWord(Token t) => t is { IsWord: true, IsCapitalised: false } && (Lexicon.FiniteMarkers.Contains(t.Text) || Lexicon.BeForms.Contains(t.Text));
        var start = DatelineEnd(tokens);
        return IsVerbWord(tokens[resume]) && comma - start >= 2 && !tokens.Skip(start).Take(comma - start).Any(t => IsVerbWord(t) || t.Kind == TokenKind.Quote) ? resume : -1;
    }

    /// <summary>
    /// Where a hedge on a number or share that opens the subject starts ("as many as", "more than", "about", "at least",
    /// "nearly" before "40 percent", "half", "4 in 10"), or -1.
    /// </summary>
    private static int QuantifierBefore(IReadOnlyList<Token> tokens, List<Token> subject, int subjectStart)
    {
        if (subject.Count == 0 || subjectStart < 1)
        {
            return -1;
        }

        // ("a quarter", "a third": the article before a share is part of it.)
        var head = subject.Count > 1 && subject[0].Lower is "a" or "an" && Lexicon.ShareWords.Contains(subject[1].Lower) ? subject[1] : subject[0];
        var counted = head.Kind == TokenKind.Number || (head.IsWord && (Lexicon.ShareWords.Contains(head.Lower) || head.Lower is "least" or "most"
            || (head.Lower.Contains('-', StringComparison.Ordinal) && Lexicon.ShareWords.Contains(head.Lower[(head.Lower.LastIndexOf('-') + 1)..]))));
        if (!counted)
        {
            return -1;
        }

        string Word(int k) => k >= 0 && tokens[k].IsWord ? tokens[k].Lower : string.Empty;
        var k = subjectStart - 1;
        if (head.Lower is "least" or "most")
        {
            return Word(k) == "at" ? k : -1;
        }

        if (Word(k) == "as" && Word(k - 1) is "many" or "few" or "much" && Word(k - 2) == "as")
        {
            return k - 2;
        }

        if (Word(k) == "than" && Word(k - 1) is "more" or "fewer" or "less")
        {
            return Word(k - 2) is "slightly" or "much" or "far" or "well" or "just" ? k - 2 : k - 1;
        }

        if (Word(k) is "over" or "under" && Word(k - 1) is "just" or "well")
        {
            return k - 1;
        }

        return Word(k) is "about" or "around" or "roughly" or "nearly" or "almost" or "approximately" or "some" or "only" or "just" or "barely" ? k : -1;
    }

    /// <summary>
    /// "Lena Ortiz, the chief of staff, urged a tough response": the sentence opens with a name and its appositive up to
    /// <paramref name="comma"/>, so the verb after it is theirs, not an inverted "..., said the mayor".
    /// </summary>
    private static bool NameThenAppositive(IReadOnlyList<Token> tokens, int comma)
    {
        var start = DatelineEnd(tokens);
        var k = start;
        while (k < comma && ((tokens[k].IsWord && tokens[k].IsCapitalised) || IsTitleDot(tokens, k)) && k - start < 5)
        {
            k++;
        }

        if (k == start || k >= comma || tokens[k].Text != "," || k + 1 >= comma)
        {
            return false;
        }

        var first = tokens[k + 1];
        return first.IsWord && (!first.IsCapitalised || first.Lower is "the" or "a" or "an")
            && tokens.Skip(k + 1).Take(comma - k - 1).All(t => t.IsWord || t.Text is "'s" or "’s" || t.Kind == TokenKind.Number)
            && comma - k - 1 <= 10;
    }

    /// <summary>
    /// Where a list of plural people ending in the subject starts ("Friends, lobbyists and former foes"), or -1: each item
    /// ends in a plural of people and holds no verb.
    /// </summary>
    private static int PeopleListBefore(IReadOnlyList<Token> tokens, List<Token> subject, int subjectStart)
    {
        if (subjectStart < 2 || tokens[subjectStart - 1].Lower != "and" || subject.Count == 0 || subject.Count > 3
            || !(subject[^1].IsWord && Lexicon.IsPeoplePlural(subject[^1].Text)))
        {
            return -1;
        }

        var start = -1;
        var k = subjectStart - 2;
        if (k >= 1 && tokens[k].Text == ",")
        {
            k--; // "Labor unions, environmental groups, and many lawmakers say": the serial comma before "and"
        }

        while (k >= 0)
        {
            // One item, back to a comma or the clause's start.
            var itemEnd = k;
            while (k >= 0 && tokens[k].Text != "," && (tokens[k].IsWord || tokens[k].Text is "'s" or "’s"))
            {
                var t = tokens[k];
                if (t.IsWord && !t.IsCapitalised && (Lexicon.FiniteMarkers.Contains(t.Text) || Lexicon.BeForms.Contains(t.Text) || Lexicon.ReportingVerbs.Contains(t.Text)
                        || Lexicon.ClauseBoundaries.Contains(t.Text) || (t.Lower.EndsWith("ed", StringComparison.Ordinal) && t.Lower.Length > 4)))
                {
                    return start;
                }

                k--;
            }

            if (itemEnd - k > 4 || !(tokens[itemEnd].IsWord && Lexicon.IsPeoplePlural(tokens[itemEnd].Text)))
            {
                return start;
            }

            start = k + 1;
            if (tokens[start].Lower is "but" or "and" or "yet" or "so" && tokens[start].IsCapitalised && start < itemEnd)
            {
                start++; // "But attorneys and legal experts say"
            }

            if (k < 0 || tokens[k].Text != "," || k == 0)
            {
                break;
            }

            k--;
        }

        return start >= 0 && (start <= DatelineEnd(tokens) + 1 || tokens[start - 1].Text is "," or ":" or "—" or "–" || tokens[start - 1].Lower is "but" or "and" or "yet" or "so") ? start : -1;
    }

    private Attribution? Finite(ParagraphModel p, IReadOnlyList<Token> tokens, int i, IReadOnlyList<Attribution>? earlier = null)
    {
        var position = NameFinder.Position(p, tokens[i]);
        var j = i - 1;
        while (j >= 0)
        {
            if (tokens[j].IsWord && !tokens[j].IsCapitalised && (Lexicon.SkipBeforeVerb.Contains(tokens[j].Text) || IsAdverb(tokens, j)))
            {
                j--;
                continue;
            }

            // "Ortiz continued to insist", "Marsh went on to say": the verb that hands over belongs to the subject's clause.
            if (CatenativeStart(tokens, j) is var handOver and > 0)
            {
                j = handOver - 1;
                while (j > 0 && tokens[j].IsWord && !tokens[j].IsCapitalised && Lexicon.BeForms.Contains(tokens[j].Text))
                {
                    j--; // "is continuing to argue"
                }

                continue;
            }

            // "Kasimir Dolan (who has 25 delegates) said", "The agency (known locally as the Water Board) said": an
            // aside in brackets between the subject and its verb.
            if (BracketedAsideStart(tokens, j) is var open and > 0)
            {
                j = open - 1;
                continue;
            }

            // "House Speaker Lena Ortiz on Thursday declared", "the agency last week said": the time, not the subject.
            var time = TimePhraseStart(tokens, j);
            if (time < 0)
            {
                break;
            }

            j = time - 1;
        }

        if (j >= 2 && MarkAfterComma(tokens, j) && LooksLikeInvertedSpeaker(tokens, i) && !NameAppositiveBefore(tokens, j - 1) && !RelativeAppositiveBefore(tokens, j - 1))
        {
            // "The county failed to act and "should have moved sooner," said X": the comma before a quoted fragment's
            // closing mark is the one before the inverted verb.
            j--;
        }

        var inverted = j < 0 || tokens[j].Kind == TokenKind.Quote
            || (tokens[j].Text == "," && (j == 0 || tokens[j - 1].Kind == TokenKind.Quote
                || (LooksLikeInvertedSpeaker(tokens, i) && !NameAppositiveBefore(tokens, j) && !RelativeAppositiveBefore(tokens, j) && !NameThenAppositive(tokens, j))));
        if (inverted && tokens[i].Lower is "told" or "tells" or "informed" or "briefed")
        {
            // "..., the MP for X, told the House", "..., told the BBC": what follows "told" is the listener, never the speaker.
            if (j <= 0 || tokens[j].Kind == TokenKind.Quote || tokens[j - 1].Kind == TokenKind.Quote)
            {
                return null;
            }

            inverted = false;
        }

        if (inverted)
        {
            var end = i + 1;
            while (end < tokens.Count && (tokens[end].Text is not ("," or "." or ";" or ":" or "?" or "!") || IsTitleDot(tokens, end)) && tokens[end].Kind != TokenKind.Quote
                   && !(tokens[end].IsWord && !tokens[end].IsCapitalised && tokens[end].Lower is "in" or "on" or "at" or "after" or "when" or "who" or "as" or "during" or "before" or "while" or "outside" or "last" or "yesterday" or "today" or "to" or "that"))
            {
                end++;
            }

            var np = tokens.Skip(i + 1).Take(end - i - 1).Where(x => x.Text != ".").ToList();
            if (end < tokens.Count && tokens[end].Text == "." && ClosingBracketAfter(tokens, end) is var close and > 0)
            {
                // "said Rep. Ann Ruiz (D-N.M.), a member of ...": the party tag's full stops end nothing, and the phrase
                // goes on after the bracket.
                end = close + 1;
            }

            // "said former governor Lena Ortiz (D)": the name is before the bracket.
            np = [.. np.TakeWhile(x => x.Text != "(")];

            if (np.Count == 0 || np.Count > 8)
            {
                return null;
            }

            var invertedSpeaker = _resolver.Resolve(np, position);
            // ("said Ortiz's deputy campaign manager, Ray Lyle, who ...": a possessive name leads the role the same way.)
            if (end + 1 < tokens.Count && tokens[end].Text == "," && np.Count > 0
                && (np[0].Lower is "the" or "a" or "an" or "its" or "his" or "her" or "their" or "another" or "one"
                    || (np.Count > 2 && np[0].IsCapitalised && np[1].Text is "'s" or "’s" && np[2].IsWord && !np[2].IsCapitalised)))
            {
                // "said the study's lead author, Dr Annika X, a glaciologist": the name in apposition is the speaker.
                var nameEnd = end + 1;
                while (nameEnd < tokens.Count && (tokens[nameEnd].IsCapitalised || IsTitleDot(tokens, nameEnd)) && nameEnd - end <= 5)
                {
                    nameEnd++;
                }

                // "..., Dana Whitcombe of the firm Hale Lyon": the name may carry its affiliation.
                var named = nameEnd > end + 1 && (nameEnd >= tokens.Count || tokens[nameEnd].Text is "," or "." or ";" or "(" || tokens[nameEnd].Lower is "of" or "at")
                    ? _resolver.Resolve([.. tokens.Skip(end + 1).Take(nameEnd - end - 1).Where(x => x.Text != ".")], position)
                    : null;
                if (named?.Entity is { Kind: EntityKind.Person })
                {
                    invertedSpeaker = named;
                }
            }

            if (invertedSpeaker is null)
            {
                return null;
            }

            _resolver.Remember(position, invertedSpeaker);
            // "In other words, explained X: ...": an opening adverbial before the verb is no report of its own.
            var before = j >= 1 && tokens[j].Text == "," && tokens[j - 1].Kind != TokenKind.Quote && !(j == i - 1 && OpeningAdverbialBefore(tokens, i));
            if (before && ResumedAfterInvertedSpeaker(tokens, j, end) is var resumed and > 0)
            {
                // "Any fair reading of the budget, said X, an analyst at Y, would show ...": the attribution interrupts
                // the subject and its verb; the report goes on after the speaker's aside.
                return new Attribution(StatementSieve.Finite, i, tokens[i].Text, invertedSpeaker, false, i, resumed, resumed, true, -1, true);
            }

            return new Attribution(StatementSieve.Finite, i, tokens[i].Text, invertedSpeaker, false, i, end, before ? 0 : -1, before);
        }

        if (j >= 2 && tokens[j].Text == "," && tokens[j + 1].Lower == "then" && tokens[j - 1].IsWord)
        {
            // "Ruiz offered the man a job, then says he'll ...": a verb after ", then" shares the subject of the one before.
            return Coordinated(p, tokens, i, j, earlier, position);
        }

        var subjectEnd = j + 1;
        var k = j;
        if (tokens[k].Text is "–" or "—" && k > 2)
        {
            // "Omar Reed – who has run the shelter since 2010 – said": an aside between dashes.
            for (var m = k - 1; m > 0 && k - m <= 25 && tokens[m].Kind != TokenKind.Quote; m--)
            {
                if (tokens[m].Text == tokens[k].Text)
                {
                    k = m - 1;
                    subjectEnd = m;
                    break;
                }
            }
        }

        if (tokens[k].Text == ",")
        {
            // Skip appositives: "Halden Foods, the maker of ..., said"; "Okafor, who joined ..., said".
            var hops = 0;
            while (hops < 4 && k >= 0 && tokens[k].Text == ",")
            {
                var previousComma = SegmentBoundaryBefore(tokens, k - 1);
                while (previousComma > 0 && QuotedTitleOpening(tokens, previousComma) is var titleOpening and > 0)
                {
                    // "Dev Patel, the author of "Rivers Run," a history of the canal, said": the comma inside a quoted
                    // title closes it, not the aside; the aside began before the title.
                    previousComma = SegmentBoundaryBefore(tokens, titleOpening - 1);
                }

                var segmentStart = previousComma + 1;
                if (segmentStart >= k)
                {
                    return null;
                }

                var first = tokens[segmentStart];
                var appositive = previousComma >= 0 && tokens[previousComma].Text == ","
                    && (first.Kind == TokenKind.Number || (first.IsWord && !first.IsCapitalised) || first.Lower is "who" or "which" or "whose" or "a" or "an" or "the" or "its" or "his" or "her" or "their"
                        || (hops > 0 && IsPlaceBetween(tokens, segmentStart, k)));
                if (appositive && first.Lower is "a" or "an" or "the" && OpenerBefore(tokens, previousComma))
                {
                    // "However, a Government House source, who spoke ..., said": the sentence adverb before the first
                    // comma is no name, so the "a ..." segment is the subject itself.
                    appositive = false;
                }

                if (!appositive && previousComma >= 0 && tokens[previousComma].Text == "," && IsPartyTag(tokens, segmentStart, k))
                {
                    appositive = true; // "Sen. Mark Ellison, R-Ohio, told ...": the party and state tag
                }

                if (!appositive && previousComma >= 1 && tokens[previousComma].Text == "," && segmentStart + 2 < k && tokens[previousComma - 1].IsCapitalised
                    && Lexicon.PartyNouns.Contains(first.Text) && tokens[segmentStart + 1].Lower == "of" && tokens[segmentStart + 2].IsCapitalised)
                {
                    appositive = true; // "Senator Ann Ruiz, Republican of New Mexico, said": the party and state, written out
                }

                if (appositive && first.Lower is not ("who" or "which" or "whose") && k - segmentStart >= 3 && tokens[k - 1].IsCapitalised && tokens[k - 2].IsCapitalised
                    && _registry.FindPerson([tokens[k - 2].Text, tokens[k - 1].Text]) is not null
                    && !PrepositionBeforeName(tokens, segmentStart, k))
                {
                    // "Her friend, the producer Marcus Dean, told ...": the segment next to the verb names the speaker.
                    appositive = false;
                }

                // ("Mr. Obama's deputy adviser": a title may lead the owner's name.)
                var owner = segmentStart + 2 < k && Lexicon.TitleWords.Contains(first.Text.TrimEnd('.')) && first.IsCapitalised
                    ? (tokens[segmentStart + 1].Text == "." ? segmentStart + 2 : segmentStart + 1)
                    : segmentStart;
                if (!appositive && previousComma >= 1 && tokens[previousComma].Text == "," && tokens[owner].IsCapitalised && owner + 2 < k
                    && tokens[owner + 1].Text is "'s" or "’s" or "’" or "'" && tokens[owner + 2].IsWord && !tokens[owner + 2].IsCapitalised
                    && tokens[previousComma - 1].IsCapitalised && !Lexicon.CapitalisedFunctionWords.Contains(tokens[previousComma - 1].Text))
                {
                    // "Marcus Bell, Ohio's director of economic development, said", "Jo Lin, Harris' campaign manager,
                    // said": a possessive role after a name.
                    appositive = true;
                }

                if (!appositive && previousComma >= 1 && tokens[previousComma].Text == "," && first.IsCapitalised && tokens[previousComma - 1].IsCapitalised
                    && !Lexicon.CapitalisedFunctionWords.Contains(tokens[previousComma - 1].Text) && PlaceThenRole(tokens, segmentStart, k))
                {
                    // "Chris Lowe, South Carolina director for Harris, said": a role led by its place after a name.
                    appositive = true;
                }

                if (!appositive && previousComma >= 0 && tokens[previousComma].Text == "," && IsPlaceBetween(tokens, segmentStart, k))
                {
                    // "X, speaking in Hamilton, Ontario, said": the state or country closes the appositive before it.
                    var inner = previousComma - 1;
                    while (inner >= 0 && tokens[inner].Text != "," && tokens[inner].Kind != TokenKind.Quote)
                    {
                        inner--;
                    }

                    appositive = inner >= 0 && tokens[inner].Text == "," && inner + 1 < previousComma && tokens[inner + 1].IsWord && !tokens[inner + 1].IsCapitalised;
                }
                if (!appositive && previousComma >= 0 && tokens[previousComma].Text == "," && IsNameListSegment(tokens, segmentStart, k)
                    && RelativeOpenerBefore(tokens, previousComma) is var opener and >= 0)
                {
                    // "X, who sits on the Senate Health, Education, Labor and Pensions Committee, said": commas inside a
                    // name in the relative clause do not end the appositive.
                    appositive = true;
                    previousComma = opener;
                }

                if (!appositive)
                {
                    break;
                }

                k = previousComma;
                hops++;
            }

            subjectEnd = k;
            k--;
        }

        var subject = CollectBackward(tokens, k);
        if (subject.Count == 0)
        {
            // "Halden also cut its dividend and said ...": the verb shares the sentence's subject.
            return k >= 0 && tokens[k].Lower is "and" or "but" ? Coordinated(p, tokens, i, k, earlier, position) : null;
        }

        // The subject may have been found before a relative clause it owns ("The family of a cyclist who died ..."), so
        // its start is where its first token is, not a count back from the verb.
        var subjectStart = IndexOf(tokens, subject[0], k);
        if (StateAfterTown(tokens, subject, subjectStart))
        {
            // "Stacy Ruiz of Dover, Delaware says", "a woman in Dover, Delaware, told him": the state closes the place
            // named after the speaker ("in" ends a backward search, so the noun before it is taken).
            var before = tokens[subjectStart - 3].Lower == "in" ? subjectStart - 4 : subjectStart - 2;
            if (before >= 0 && CollectBackward(tokens, before) is { Count: > 0 } resident)
            {
                subject = resident;
                subjectStart = IndexOf(tokens, subject[0], before);
            }
        }

        if (subjectStart >= 3 && tokens[subjectStart - 1].Lower is "to" or "with" && Lexicon.ListeningParticiples.Contains(tokens[subjectStart - 2].Text)
            && CollectBackward(tokens, subjectStart - 3) is { Count: > 0 } talker)
        {
            // "A source speaking to Fox News said": the outlet spoken to listens; the one speaking to it speaks.
            subject = talker;
            subjectStart = IndexOf(tokens, subject[0], subjectStart - 3);
        }

        if (PeopleBeforePlace(tokens, subject, subjectStart) is { } people)
        {
            // "People in Dunmore said", "Many in the crowd said", "Most voters in Alabama, Georgia and Virginia said": those
            // in the place speak, not the place.
            subject = people;
            subjectStart = IndexOf(tokens, subject[0], subjectStart);
        }

        if (HeadBeforeInfinitive(tokens, subjectStart) is var infinitiveHead and >= 0)
        {
            // "The first woman to chair the ferry board said": the object of the infinitive is not who speaks.
            subject = [.. tokens.Skip(infinitiveHead).Take(subjectStart + subject.Count - infinitiveHead)];
            subjectStart = infinitiveHead;
        }

        if (SubjectBeforeItsModifier(tokens, subject, subjectStart) is { } clauseHead)
        {
            subject = clauseHead;
            subjectStart = IndexOf(tokens, subject[0], subjectStart);
        }

        if (PeopleListBefore(tokens, subject, subjectStart) is var listStart and >= 0)
        {
            // "Friends, neighbours and former rivals say", "Ortiz's close friends and allies have said": the whole list speaks.
            subject = [.. tokens.Skip(listStart).Take(subjectStart + subject.Count - listStart)];
            subjectStart = listStart;
        }

        if (QuantifierBefore(tokens, subject, subjectStart) is var quantifierStart and >= 0)
        {
            // "As many as 40 percent of voters said", "About 4 in 10 say", "at least 2,000 signed": the hedge is part of
            // who speaks, as written.
            subject = [.. tokens.Skip(quantifierStart).Take(subjectStart + subject.Count - quantifierStart)];
            subjectStart = quantifierStart;
        }

        if ((subject.Count is 2 or 3 && subject[0].Lower is "a" or "the" or "its" or "their" && Lexicon.DocumentNouns.Contains(subject[^1].Text)
                && subjectStart >= 2 && tokens[subjectStart - 1].Lower == "in")
            || OccasionAfterName(tokens, subject, subjectStart))
        {
            // "the CBI in a statement said": the phrase between the subject and its verb says how, not who.
            var before = CollectBackward(tokens, subjectStart - 2);
            if (before.Count > 0)
            {
                subject = before;
                subjectStart = IndexOf(tokens, subject[0], subjectStart - 2);
            }
        }

        if (Enumerable.Range(1, Math.Max(0, subject.Count - 2)).Any(x => subject[x].IsWord && !subject[x].IsCapitalised && !Lexicon.Determiners.Contains(subject[x - 1].Text)
                && (Lexicon.FiniteMarkers.Contains(subject[x].Text) || (subject[x].Lower.EndsWith("ed", StringComparison.Ordinal) && subject[x].Lower.Length > 4))
                && subject[x + 1].Lower is "its" or "the" or "a" or "an" or "his" or "her" or "their"))
        {
            // "after the chain cut its full-year sales forecast, ...": a verb with its object inside the "subject" means
            // the reporting word is a noun ("forecast"), not this clause's verb.
            return null;
        }
        var opening = DatelineEnd(tokens);
        var definiteRole = opening + 2 < tokens.Count && tokens[opening].Text == "The"
            && (Lexicon.RoleNouns.Contains(tokens[opening + 1].Text) || (tokens[opening + 1].IsWord && !tokens[opening + 1].IsCapitalised && Lexicon.RoleNouns.Contains(tokens[opening + 2].Text)))
            && !tokens[opening + 1].IsCapitalised;
        // "Some delegates at the convention in Philadelphia said", "The cities of Blackpool and Liverpool said": a plural
        // head before the subject's first preposition; the place after the preposition only says which ones.
        var firstPreposition = -1;
        for (var m = opening + 1; m < subjectStart; m++)
        {
            if (tokens[m].IsWord && !tokens[m].IsCapitalised && tokens[m].Lower is "of" or "in" or "at" or "from" or "across" or "on")
            {
                firstPreposition = m;
                break;
            }
        }

        var pluralGroup = firstPreposition > opening && opening < tokens.Count && Lexicon.IsPlural(tokens[firstPreposition - 1])
            && (!tokens[firstPreposition - 1].IsCapitalised || (firstPreposition - 1 == opening && Lexicon.GroupNouns.Contains(tokens[opening].Text)))
            && (firstPreposition - 1 == opening || !tokens[opening + 1].IsCapitalised);
        if (subjectStart > opening + 1 && opening < tokens.Count && (tokens[opening].Lower is "a" or "an" || definiteRole || pluralGroup) && tokens[opening].IsCapitalised && subjectStart - opening <= 18
            && tokens.Skip(opening).Take(subjectStart - opening).All(t => t.IsWord || t.Kind == TokenKind.Number || t.Text == "'s")
            && !tokens.Skip(opening + 1).Take(subjectStart - opening - 1).Any(t => !t.IsCapitalised && (Lexicon.FiniteMarkers.Contains(t.Text) || Lexicon.ReportingVerbs.Contains(t.Text) || Lexicon.BeForms.Contains(t.Text) || Lexicon.RelativePronouns.Contains(t.Text))))
        {
            // "A former finance manager of a logistics firm on trial for cheating its bank testified": a long
            // indefinite subject from the sentence start, prepositions and all.
            subject = [.. tokens.Skip(opening).Take(subjectStart - opening + subject.Count)];
            subjectStart = opening;
        }
        if (NameFinder.PortfolioStart(tokens, subjectStart) is var portfolioStart and >= 0)
        {
            // "..., Minister of Housing, Infrastructure and Communities X announced": the subject starts at the title.
            subjectStart = portfolioStart;
        }

        if (subjectStart > 0 && earlier is not null && earlier.Any(a => a.VerbIndex < subjectStart && a.Speaker is not null
                && (a.ContentStart == subjectStart || (a.ContentStart >= 0 && a.ContentStart < subjectStart && subjectStart >= 2 && tokens[subjectStart - 1].Lower == "that" && tokens[subjectStart - 2].Lower == "and"))))
        {
            // "said the alliance believed ...": a report inside reported speech belongs to the outer statement.
            return null;
        }

        if (subjectStart >= 3 && tokens[subjectStart - 1].Text == "," && subject.Count <= 4 && subject[0].IsCapitalised)
        {
            // "Sales have doubled, the company's finance chief, Olu Bade, told analysts": the role phrase before the
            // name belongs to the attribution, not to what was reported.
            var c = subjectStart - 2;
            while (c >= 0 && tokens[c].Text != "," && tokens[c].Kind != TokenKind.Quote)
            {
                c--;
            }

            var roleStart = c + 1;
            if (c >= 0 && tokens[c].Text == "," && roleStart < subjectStart - 1
                && (tokens[roleStart].Lower is "the" or "a" or "an" or "its" or "his" or "her" or "their" || (tokens[roleStart].IsCapitalised && roleStart + 1 < subjectStart && tokens[roleStart + 1].Text == "'s"))
                && Enumerable.Range(roleStart, subjectStart - 1 - roleStart).Any(m => tokens[m].IsWord && !tokens[m].IsCapitalised && (Lexicon.RoleNouns.Contains(tokens[m].Text) || Lexicon.TitleWords.Contains(tokens[m].Text))))
            {
                subjectStart = roleStart;
            }
        }

        var relative = subject[0].Lower == "which" ? subjectStart : subjectStart > 0 && tokens[subjectStart - 1].Lower == "which" ? subjectStart - 1 : -1;
        if (relative > 0 && tokens[relative - 1].IsWord && Lexicon.ClauseBoundaries.Contains(tokens[relative - 1].Text) && !tokens[relative - 1].IsCapitalised && subject[0].Lower != "which")
        {
            // "a recording in which he described ...": "which" after a preposition leaves the clause its own subject.
            relative = -2;
        }

        if (relative >= 0 && i + 1 < tokens.Count && IsGapVerb(tokens[i + 1]) && (subject.Count > 1 || relative < subjectStart))
        {
            // "its dividend, which analysts at X said was "at risk"": the relative clause reports a clause whose subject
            // is the antecedent; the statement is the antecedent with the rest of the clause.
            var voice = subject[0].Lower == "which" ? subject.Skip(1).ToList() : subject;
            var gapSpeaker = _resolver.Resolve(voice, position);
            if (gapSpeaker is null && voice.Count == 1 && voice[0].Lower == "it" && SentenceSubject(tokens) is { } owner)
            {
                // "Lumora ... unveiled a headset, which it said would ship in March": before anyone has spoken, "it" is
                // the organisation the sentence is about.
                gapSpeaker = _resolver.Resolve(owner, position) is { Kind: SpeakerKind.Organisation } organisation ? organisation : null;
            }

            var antecedent = Antecedent(tokens, relative);
            if (gapSpeaker is not null && earlier is not null && earlier.Any(a => a.Speaker?.Name == gapSpeaker.Name && a.VerbIndex < relative && !a.ContentBefore && a.ContentStart >= 0 && a.ContentStart <= relative))
            {
                // "He added that he had no part in the decision, which he said had been taken by ...": the speaker's
                // own aside inside what he is already reported to say.
                return null;
            }

            if (gapSpeaker is not null && antecedent.Length > 0)
            {
                _resolver.Remember(position, gapSpeaker);
                return new Attribution(StatementSieve.Finite, i, tokens[i].Text, gapSpeaker, false, subjectStart, i + 1, i + 1, false, -1, false, antecedent);
            }
        }

        if (subjectStart > 0 && tokens[subjectStart - 1].IsWord && tokens[subjectStart - 1].Lower is "who" or "whom" or "which" && relative != -2
            && !(subject.Count == 1 && Lexicon.RelativePronouns.Contains(subject[0].Text)))
        {
            // "a manager who prosecutors said lied to investors": a report embedded in a relative clause has no clause of its own.
            return null;
        }

        if (AmbiguousNounForms.Contains(tokens[i].Text) && !(subject[0].IsCapitalised || Lexicon.Pronouns.Contains(subject[0].Text) || Lexicon.Determiners.Contains(subject[0].Text)))
        {
            // "to face claims from ...": a plural noun, not a verb.
            return null;
        }

        Speaker? speaker;
        if (subject.Count == 1 && Lexicon.RelativePronouns.Contains(subject[0].Text) && !subject[0].IsCapitalised)
        {
            // "Steve Witkoff, who indicated that ...": the speaker is the phrase before the relative pronoun.
            var r = subjectStart - 1;
            if (r >= 0 && tokens[r].Text == ",")
            {
                r--;
            }

            var antecedent = CollectBackward(tokens, r);
            speaker = antecedent.Count == 0 ? null : _resolver.Resolve(antecedent, position);
        }
        else if (JointSpeaker(tokens, subject, subjectStart, position) is { } joint)
        {
            (speaker, subjectStart) = joint;
        }
        else
        {
            speaker = _resolver.Resolve(subject, position);
        }

        if (speaker is null)
        {
            return null;
        }

        if (Lexicon.BaseFormVerbs.Contains(tokens[i].Text) && !PluralSubject(subject) && speaker.Kind != SpeakerKind.Group && CatenativeStart(tokens, i - 1) < 0)
        {
            // "Police say", "experts warn", "Tom and Ann Fenwick say": the bare form needs a plural subject; "Neither claim could ..." is a noun.
            return null;
        }

        _resolver.Remember(position, speaker);
        var contentStart = ContentStartAfter(tokens, i);
        // "The plan, Varga told the Gazette, was never costed": the listener may stand between the verb and its comma.
        var asideEnd = Lexicon.TellVerbs.Contains(tokens[i].Text) && i + 1 < tokens.Count && tokens[i + 1].IsWord ? SkipNounPhrase(tokens, i + 1) : i + 1;
        for (var time = 0; time < 3 && asideEnd < tokens.Count && asideEnd > i + 1
             && (tokens[asideEnd].Lower is "on" or "last" or "late" or "early" || Lexicon.Weekdays.Contains(tokens[asideEnd].Text) || Lexicon.TimeWords.Contains(tokens[asideEnd].Text)); time++)
        {
            asideEnd++; // "told reporters on Monday,"
        }

        if (subjectStart >= 2 && tokens[subjectStart - 1].Text == "," && tokens[subjectStart - 2].Kind != TokenKind.Quote && subject.Count <= 4
            && asideEnd + 1 < tokens.Count && asideEnd - i <= 5 && tokens[asideEnd].Text == "," && tokens[asideEnd + 1].IsWord
            && tokens[asideEnd + 1].Lower is not ("and" or "but" or "according") && !Lexicon.ReportingParticiples.Contains(tokens[asideEnd + 1].Text)
            // "Turnover passed £400,000, Tomasz says, though he declines to ...": a clause about the speaker ends the
            // report, unless what came before is only an opening phrase ("In the early 1990s, she said, when she was ...,
            // the canal ...") and the report goes on after it.
            && !(tokens[asideEnd + 1].Lower is "though" or "although" or "while" or "whereas" or "because" or "as" or "when" or "if" or "unless" or "before" or "after"
                 && asideEnd + 2 < tokens.Count && tokens[asideEnd + 2].Lower is "he" or "she" or "they" or "it"
                 && !OpeningPhraseOnly(tokens, DatelineEnd(tokens), subjectStart - 1)))
        {
            // "His parents, he admits, were not pleased": the attribution interrupts what it reports.
            return new Attribution(StatementSieve.Finite, i, tokens[i].Text, speaker, false, subjectStart, asideEnd, asideEnd + 1, true, -1, true);
        }

        if (subjectStart >= 1 && (tokens[subjectStart - 1].Kind == TokenKind.Quote || (tokens[subjectStart - 1].Text == "," && subjectStart >= 2 && tokens[subjectStart - 2].Kind == TokenKind.Quote)))
        {
            // "“...,” Mr Shaw told a meeting ...": the clause attributes the quotation and reports nothing else.
            return new Attribution(StatementSieve.Finite, i, tokens[i].Text, speaker, false, subjectStart, Math.Max(i + 1, subjectEnd), -1, false);
        }

        // "..., officials said Monday, as mediators struggled ...": a comma straight after the verb ends the report.
        var reportsNothingAfter = contentStart >= tokens.Count || tokens[contentStart].Text is "." or "?" or "!" or ";" or ",";
        // "Farmers "know why the fees rose," Okafor said": a sentence that ends in a quoted fragment is reported before too.
        var contentBefore = reportsNothingAfter && subjectStart >= 2
            && ((tokens[subjectStart - 1].Text == "," && tokens[subjectStart - 2].Kind != TokenKind.Quote) || (subjectStart >= 3 && MarkAfterComma(tokens, subjectStart - 1)));
        if (reportsNothingAfter && !contentBefore && contentStart == i + 1 && contentStart < tokens.Count && tokens[contentStart].Text == "," && subjectStart <= DatelineEnd(tokens) + 1
            && ClauseAfterAside(tokens, i + 2) is var clause and > 0)
        {
            // "Mayor X says, win or lose in the primary, he is staying in the race": an aside after the verb's comma,
            // then the reported clause.
            return new Attribution(StatementSieve.Finite, i, tokens[i].Text, speaker, false, subjectStart, Math.Max(i + 1, subjectEnd), clause, false);
        }

        if (reportsNothingAfter && !contentBefore)
        {
            contentStart = -1;
        }

        return new Attribution(StatementSieve.Finite, i, tokens[i].Text, speaker, false, subjectStart, Math.Max(i + 1, subjectEnd), contentStart, contentBefore);
    }

    /// <summary>
    /// A verb coordinated with an earlier one ("X cut its dividend and said ...", "..., then says ..."): the speaker of the
    /// verb it is coordinated with, else the subject of the subordinate clause it sits in, else the sentence's subject.
    /// </summary>
    private Attribution? Coordinated(ParagraphModel p, IReadOnlyList<Token> tokens, int i, int link, IReadOnlyList<Attribution>? earlier, long position)
    {
        // "..., Hajiya X, described the vote as "..." and insisted that ...": the speaker of the verb this one is
        // coordinated with, before the sentence's opening phrase.
        var coordinatedWith = earlier?.LastOrDefault(a => a.Speaker is not null && a.VerbIndex < i && !a.ContentBefore && !a.Participle && a.Verb != "according to");
        var subordinate = ClauseSubjectBefore(tokens, link);
        var clauseSpeaker = subordinate is { } c && (coordinatedWith is null || coordinatedWith.VerbIndex < c.Opener) ? _resolver.Resolve(c.Subject, position) : null;
        var coordinated = clauseSpeaker ?? coordinatedWith?.Speaker;
        var shared = coordinated is null ? SentenceSubject(tokens) : null;
        var sharedSpeaker = coordinated ?? (shared is null ? null : _resolver.Resolve(shared, position));
        if (sharedSpeaker is null)
        {
            return null;
        }

        _resolver.Remember(position, sharedSpeaker);
        return new Attribution(StatementSieve.Coordinated, i, tokens[i].Text, sharedSpeaker, false, i, i + 1, ContentStartAfter(tokens, i), false);
    }
}
