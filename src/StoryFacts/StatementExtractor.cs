using StoryEngine;

namespace StoryFacts;

/// <summary>
/// Finds who said what in one story: direct quotations bound to their attributions, and reported speech introduced
/// by reporting verbs ("said", "insisted", participles such as "stating that") or "according to". Speakers are
/// resolved to canonical names through the story's <see cref="EntityRegistry"/>, roles and pronouns.
/// </summary>
internal sealed partial class StatementExtractor
{
    /// <param name="Sieve">The cue finder that made it, carried to the statement so errors can be traced to it.</param>
    /// <param name="SubjectStart">First token of the attribution clause (the subject, or the verb when inverted).</param>
    /// <param name="ClauseEnd">Exclusive end of the attribution clause (after the verb, or after an inverted subject).</param>
    private sealed record Attribution(
        StatementSieve Sieve,
        int VerbIndex,
        string Verb,
        Speaker? Speaker,
        bool Participle,
        int SubjectStart,
        int ClauseEnd,
        int ContentStart,
        bool ContentBefore,
        int ContentEnd = -1,
        bool Parenthetical = false,
        string? ContentPrefix = null);

    private readonly IReadOnlyList<ParagraphModel> _paragraphs;
    private readonly EntityRegistry _registry;

    // What the story has established so far; the resolver reads it, and the extractor decides when it grows.
    private readonly DiscourseState _discourse;
    private readonly SpeakerResolver _resolver;

    // Bound to this extractor: the sieves resolve speakers and remember them as they go.
    private readonly IReadOnlyList<CueSieve> _cueSieves;

    /// <param name="pronounWeights">How speaking pronouns are resolved; null for the shipped weights.</param>
    /// <param name="pronounTrace">Told of each speaking "he" or "she" resolved (see <see cref="SpeakerResolver.Trace"/>); null for none.</param>
    public StatementExtractor(
        IReadOnlyList<ParagraphModel> paragraphs,
        EntityRegistry registry,
        IReadOnlyList<NameMention> mentions,
        PronounWeights? pronounWeights = null,
        Action<long, string, IReadOnlyList<PronounCandidate>, string?>? pronounTrace = null)
    {
        _paragraphs = paragraphs;
        _registry = registry;
        _discourse = new DiscourseState(mentions);
        _resolver = new SpeakerResolver(paragraphs, registry, _discourse, pronounWeights) { Trace = pronounTrace };
        _cueSieves = CueSieves();
    }

    public List<Statement> Extract()
    {
        var statements = new List<Statement>();
        Statement? openQuote = null;
        var lastDirect = -1;
        var lastDirectParagraph = -10;
        (ParagraphModel Paragraph, List<QuoteSpan> Spans)? carried = null;
        (int Paragraph, Speaker Speaker, string Verb)? handOver = null;
        foreach (var p in _paragraphs)
        {
            if (p.IsTitleLabel(_paragraphs.Count))
            {
                // The title line: headlines compress an attribution the body reports in full ("..., study finds").
                continue;
            }

            var inParagraph = -1;
            Attribution? boundBefore = null;
            var pending = new List<QuoteSpan>();
            var continuation = openQuote;
            openQuote = null;
            for (var s = 0; s < p.Sentences.Count; s++)
            {
                var tokens = p.Sentences[s];
                _resolver.RememberGroupSubject(p, SentenceSubject(tokens));
                var attributions = FindAttributions(p, tokens);
                foreach (var a in attributions)
                {
                    var content = Content(tokens, a, attributions) is { } found ? ThroughOpenQuote(p, tokens, found) : null;
                    // "called her "weak"": a name given in quotation marks says enough in two words.
                    var fewest = a.Sieve is StatementSieve.Called or StatementSieve.Calling && content?.IndexOfAny(['"', '“', '”', '\'', '‘', '’']) >= 0 ? 2 : 3;
                    if (a.Speaker is not null && content is not null && WordCount(content) >= fewest && !OnlyAPhraseAfterTheVerb(tokens, a, content))
                    {
                        statements.Add(new Statement(a.Speaker.Name, content, StatementKind.Indirect, a.Verb,
                            p.SentenceAt(tokens[a.VerbIndex].Start), a.Speaker.Kind, a.Speaker.AsWritten, a.Sieve));
                    }
                }

                for (var q = 0; q < tokens.Count; q++)
                {
                    if (tokens[q].Kind != TokenKind.Quote)
                    {
                        continue;
                    }

                    var span = p.QuoteAt(tokens[q]);
                    var attribution = BindQuote(q, attributions) ?? ColonAttribution(p, tokens, q);
                    if (attribution is not null && attribution == boundBefore && inParagraph >= 0 && pending.Count == 0)
                    {
                        // "A," he said, "B." in one sentence: both halves belong to the one attribution.
                        var previous = statements[inParagraph];
                        statements[inParagraph] = previous with { Text = previous.Text + " " + span.Inner };
                    }
                    else if (attribution?.Speaker is { } speaker)
                    {
                        boundBefore = attribution;
                        var text = string.Join(' ', pending.Select(x => x.Inner).Append(span.Inner));
                        var at = pending.Count > 0 ? pending[0].Start + 1 : span.Start + 1;
                        if (carried is { } c && c.Paragraph.Index == p.Index - 1 && s == 0 && q == 0 && pending.Count == 0)
                        {
                            // A paragraph that opened a quotation and left it open, continued here where it is attributed:
                            // the earlier paragraph is a statement of its own by the same speaker.
                            statements.Add(new Statement(speaker.Name, string.Join(' ', c.Spans.Select(x => x.Inner)), StatementKind.Direct, attribution.Verb,
                                c.Paragraph.SentenceAt(c.Spans[0].Start + 1), speaker.Kind, speaker.AsWritten, attribution.Sieve));
                        }

                        if (pending.Count == 0)
                        {
                            text += QuoteRunsOn(tokens, q, attribution, attributions);
                        }

                        pending.Clear();
                        statements.Add(new Statement(speaker.Name, text, StatementKind.Direct, attribution.Verb,
                            p.SentenceAt(at), speaker.Kind, speaker.AsWritten, attribution.Sieve));
                        inParagraph = lastDirect = statements.Count - 1;
                        lastDirectParagraph = p.Index;
                    }
                    else if (inParagraph >= 0)
                    {
                        // The second half of a quote split by its attribution: "A," she said. "B."
                        var previous = statements[inParagraph];
                        statements[inParagraph] = previous with { Text = previous.Text + " " + span.Inner };
                    }
                    else if (continuation is not null && q == 0 && s == 0)
                    {
                        // A quote the previous paragraph left open continues here.
                        statements.Add(continuation with { Text = span.Inner, Sentence = p.SentenceAt(span.Start + 1), Sieve = StatementSieve.ContinuedQuote });
                        inParagraph = lastDirect = statements.Count - 1;
                        lastDirectParagraph = p.Index;
                    }
                    else
                    {
                        pending.Add(span);
                    }

                    if (span.Open && inParagraph >= 0)
                    {
                        openQuote = statements[inParagraph];
                    }
                }
            }

            // "MacLeod laughs at that. "…"": an unattributed quotation after a sentence about a named person in the same
            // paragraph is that person's.
            var quoteAt = pending.Count > 0 ? ((long)p.Index << 24) + pending[0].Start : -1;
            var introduced = _discourse.Subjects.Where(x => quoteAt >= 0 && x.Position >> 24 == p.Index && x.Position < quoteAt).Select(x => x.Entity).LastOrDefault();

            // "The book, "This Kind of War", sold well.": a quotation that only names a work is not the latest speaker's
            // statement. Nor does it end their run of quotations: the next paragraph's may still be theirs.
            // After a sentence about a named person too ("John Oliver, who hosts "Last Week Tonight", ..."): the title is
            // his show's name, not his words; the run of quotations goes on through the paragraph all the same.
            if (pending.RemoveAll(x => !x.Open && QuotedTitle(x.Inner)) > 0 && pending.Count == 0 && lastDirect >= 0 && p.Index - lastDirectParagraph <= 2)
            {
                lastDirectParagraph = p.Index;
            }
            if (pending.Count > 0 && handOver is { } colon && colon.Paragraph == p.Index - 1 && p.Text[..pending[0].Start].Trim().Length == 0)
            {
                // "Cruz continued:" closing one paragraph and a quotation opening the next: the colon hands over to it.
                statements.Add(new Statement(colon.Speaker.Name, string.Join(' ', pending.Select(x => x.Inner)), StatementKind.Direct, colon.Verb,
                    p.SentenceAt(pending[0].Start + 1), colon.Speaker.Kind, colon.Speaker.AsWritten, StatementSieve.ColonParagraph));
                lastDirect = statements.Count - 1;
                lastDirectParagraph = p.Index;
                if (pending[^1].Open)
                {
                    openQuote = statements[^1];
                }
            }
            else if (pending.Count > 0 && introduced is not null && SaysEnoughUnattributed(pending))
            {
                statements.Add(new Statement(introduced.Name, string.Join(' ', pending.Select(x => x.Inner)), StatementKind.Direct, "quoted",
                    p.SentenceAt(pending[0].Start + 1), SpeakerKind.Person, introduced.Name, StatementSieve.IntroducedSubject));
                lastDirect = statements.Count - 1;
                lastDirectParagraph = p.Index;
                if (pending[^1].Open)
                {
                    openQuote = statements[^1];
                }
            }
            else if (pending.Count > 0 && lastDirect >= 0 && SaysEnoughUnattributed(pending)
                     && (p.Index - lastDirectParagraph <= 1 || (p.Index - lastDirectParagraph == 2 && ReportedJustBefore(statements, lastDirect, p))))
            {
                // Two paragraphs on, only when the speaker was reported in the paragraph between ("He is not, he insists,
                // sentimental ..."): otherwise a quotation that far from its speaker's last is more often someone
                // else's (PolNeAR dev and held out: P up, R about the same).
                // The latest speaker, even one reported indirectly in the paragraph just before ("X said her group had
                // counted ..." then a paragraph that is only a quotation).
                var latest = statements.Count - 1;
                var previous = statements[latest].Kind == StatementKind.Indirect && latest > lastDirect && statements[latest].SpeakerKind == SpeakerKind.Person
                    && statements[latest].Sentence.Paragraph >= p.Paragraph.Number - 1
                    ? statements[latest] with { Kind = StatementKind.Direct, Verb = "quoted" }
                    : statements[lastDirect];
                statements.Add(previous with { Text = string.Join(' ', pending.Select(x => x.Inner)), Sentence = p.SentenceAt(pending[0].Start + 1), Sieve = StatementSieve.LatestSpeaker });
                lastDirect = statements.Count - 1;
                lastDirectParagraph = p.Index;
                if (pending[^1].Open)
                {
                    openQuote = statements[^1];
                }
            }

            // An unattributed quotation left open at the paragraph's end waits for the next paragraph's attribution.
            carried = pending.Count > 0 && pending[^1].Open && openQuote is null ? (p, [.. pending]) : null;
            handOver = ColonHandOver(p);
        }

        IdentifyDelayedLead(statements);

        // A "speaker" that is really a clause fragment ("which analysts said", "the chain cut its forecast") never spoke.
        statements.RemoveAll(x => !PlausibleSpeaker(x.Speaker));

        // "The audit found ...", "She believes ...": a finding or a belief reported, not something said (the cue list
        // is fitted on PolNeAR dev; the sentence was still read, its speaker still remembered).
        statements.RemoveAll(x => x.Kind == StatementKind.Indirect && Lexicon.NonSpeechCues.Contains(x.Verb.Split(' ')[^1]));

        // A quotation that ran on into its attribution ("…court," Holt said) keeps no trailing comma.
        return [.. statements.Select(x => x.Kind == StatementKind.Direct ? x with { Text = x.Text.TrimEnd(',', ' ') } : x)];
    }

    /// <summary>
    /// "Cruz continued:", "He told the meeting, to loud applause:", "Stated Adley:": a paragraph whose last sentence holds
    /// no quotation and ends with a colon after a speaker and a verb hands over to a quotation opening the next paragraph.
    /// </summary>
    private (int Paragraph, Speaker Speaker, string Verb)? ColonHandOver(ParagraphModel p)
    {
        if (p.Sentences.Count == 0 || p.Sentences[^1] is not { Count: >= 3 } tokens || tokens[^1].Text != ":" || tokens.Any(t => t.Kind == TokenKind.Quote))
        {
            return null;
        }

        var position = NameFinder.Position(p, tokens[^1]);
        if (tokens[0].IsCapitalised && Lexicon.ReportingVerbs.Contains(tokens[0].Lower) && tokens.Count <= 8)
        {
            // "Stated Stone:", "Added the mayor:": an inverted speaker.
            var named = _resolver.Resolve([.. tokens.Skip(1).Take(tokens.Count - 2).Where(t => t.Text != ".")], position);
            return named is null ? null : (p.Index, named, tokens[0].Lower);
        }

        var subject = SentenceSubject(tokens);
        if (subject is null || subject.Count > 6)
        {
            return null;
        }

        var verbAt = IndexOf(tokens, subject[^1], tokens.Count - 1) + 1;
        if (verbAt <= 0 || verbAt >= tokens.Count - 1 || tokens[verbAt] is not { IsWord: true, IsCapitalised: false } verb || !LooksLikeVerb(verb))
        {
            return null;
        }

        var speaker = _resolver.Resolve(subject, position);
        return speaker is null || (speaker.Entity is null && speaker.Kind != SpeakerKind.Group && !Lexicon.Pronouns.Contains(subject[0].Text) && !subject[0].IsCapitalised)
            ? null
            : (p.Index, speaker, verb.Text);

        // "continued", "told", "called", "says", "put it", "wrote": a verb, not a noun after the subject.
        static bool LooksLikeVerb(Token t) =>
            !Lexicon.BeForms.Contains(t.Text) && !Lexicon.Auxiliaries.Contains(t.Text)
            && (Lexicon.ReportingVerbs.Contains(t.Text) || t.Lower.EndsWith("ed", StringComparison.Ordinal) || Lexicon.FiniteMarkers.Contains(t.Text)
                || (t.Lower.Length > 3 && t.Lower.EndsWith('s') && !t.Lower.EndsWith("ss", StringComparison.Ordinal)) || t.Lower is "put" or "told" or "wrote" or "said");
    }

    /// <summary>
    /// "Lock her up!", "A healthy environment.", "Send them home": four words or fewer that no cue attributes are a chant,
    /// a slogan or a phrase the story mentions, more often than the latest speaker's words (PolNeAR dev: 11 of 13).
    /// </summary>
    private static bool SaysEnoughUnattributed(List<QuoteSpan> pending) => WordCount(string.Join(' ', pending.Select(x => x.Inner))) >= 5;

    /// <summary>The latest statement reports a person, after the last direct one, in the paragraph just before <paramref name="p"/>.</summary>
    private static bool ReportedJustBefore(List<Statement> statements, int lastDirect, ParagraphModel p) =>
        statements.Count - 1 > lastDirect && statements[^1] is { Kind: StatementKind.Indirect, SpeakerKind: SpeakerKind.Person } latest
        && latest.Sentence.Paragraph >= p.Paragraph.Number - 1;

    /// <summary>
    /// "This Kind of War", "The Big Short": a few words, each capitalised but the minor ones, with no sentence stop —
    /// the name of a book, film or report, not something said.
    /// </summary>
    private static bool QuotedTitle(string inner)
    {
        var words = inner.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 8
            && inner.IndexOfAny(['.', '!', '?', ';']) < 0
            && char.IsUpper(words[0][0])
            && words.All(w => char.IsUpper(w[0]) || char.IsDigit(w[0]) || Lexicon.TitleMinorWords.Contains(w));
    }

    /// <summary>
    /// False for speaker text that is a clause fragment: it opens with a relative pronoun or holds a finite verb before any
    /// relative clause of its own ("a source who spoke on condition of anonymity" is still a speaker).
    /// </summary>
    private static bool PlausibleSpeaker(string speaker)
    {
        var words = speaker.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words[0] is "which" or "that" or "who" or "whom" or "whose" || (words.Length == 1 && JunkSingleWord(words[0])))
        {
            return false;
        }

        // Leftovers of a subject misread: "Monday" (a month may be a name: "May said"), "China's" (the owner without
        // what it owns), "He's comparing", "when I", "For many", "Some seek to", "She's a", "the deal and how it".
        var last = words[^1];
        if ((words.Length == 1 && Lexicon.Weekdays.Contains(last)) || last.EndsWith("'s", StringComparison.Ordinal) || last.EndsWith("’s", StringComparison.Ordinal) || last is "a" or "an" or "to"
            || IsContractedPronoun(words[0])
            || Lexicon.SubordinateOpeners.Contains(words[0])
            || (words.Length > 1 && words[0].ToLowerInvariant() is "for" or "in" or "with" or "by" or "during" or "inside" or "despite" or "amid" or "among")
            || words.Skip(1).Any(w => w is "how" or "why" or "whether"))
        {
            return false;
        }

        var afterRecord = false;
        foreach (var w in words)
        {
            if (w is "who" or "which" or "that" or "whose")
            {
                break;
            }

            // After a record come its author and date, in participles ("estimates by Morgan analysts", "a poll released
            // Thursday"), and no verb of saying of its own.
            if (char.IsLower(w[0]) && (Lexicon.FiniteMarkers.Contains(w) || Lexicon.BeForms.Contains(w)
                || (!afterRecord && Lexicon.ReportingVerbs.Contains(w) && !Lexicon.IsSourceDocument(w) && w is not ("found" or "show" or "shows"))))
            {
                return false;
            }

            afterRecord |= Lexicon.IsSourceDocument(w);
        }

        return true;
    }

    /// <summary>
    /// News leads often describe before they name: "A former finance manager of a logistics firm testified that ..."
    /// and then "Mr Lim Boon Keng, 46, was the prosecution's main witness ...". An indefinite descriptor speaking in the
    /// first body paragraph is the person the next paragraph opens with.
    /// </summary>
    private void IdentifyDelayedLead(List<Statement> statements)
    {
        var body = _paragraphs.Where(p => !p.IsTitleLabel(_paragraphs.Count) && p.Sentences.Count > 0).Take(2).ToList();
        if (body.Count < 2)
        {
            return;
        }

        var lead = body[0];
        var descriptors = statements.Where(x => x.Sentence.Paragraph == lead.Paragraph.Number && x.SpeakerKind == SpeakerKind.Person
                && (x.Speaker.StartsWith("a ", StringComparison.Ordinal) || x.Speaker.StartsWith("an ", StringComparison.Ordinal) || x.Speaker.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
                && _registry.FindPerson(x.Speaker.Split(' ')) is null)
            .Select(x => x.Speaker).Distinct().ToList();
        if (descriptors.Count != 1)
        {
            return;
        }

        // "The director of one of the last hospitals in Gaza said ..." and, a paragraph or two on, "Dr. X, director of
        // the al-Karama Medical Complex, told ...": the first person given the descriptor's role.
        var words = descriptors[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var cut = Array.FindIndex(words, w => w is "of" or "at" or "in" or "for" or "from" or "with" or "who");
        var roleHead = (cut > 0 ? words[cut - 1] : words[^1]).ToLowerInvariant();
        var laterParagraphs = _paragraphs.Where(p => p.Index > lead.Index && p.Index <= lead.Index + 2).Select(p => (long)p.Index).ToList();
        var holder = Lexicon.RoleNouns.Contains(roleHead) && descriptors[0].StartsWith("the ", StringComparison.OrdinalIgnoreCase)
            ? _discourse.People.Where(m => laterParagraphs.Contains(m.Position >> 24) && m.Entity.Roles.Any(r => EntityRegistry.RoleWords(r.Role).Contains(roleHead, StringComparer.OrdinalIgnoreCase)))
                .Select(m => m.Entity).FirstOrDefault()
            : null;
        if (holder is not null)
        {
            for (var i = 0; i < statements.Count; i++)
            {
                if (statements[i].Speaker == descriptors[0])
                {
                    statements[i] = statements[i] with { Speaker = holder.Name, Sieve = StatementSieve.DelayedLead };
                }
            }

            return;
        }

        if (descriptors[0].StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var next = body[1];
        var subject = SentenceSubject(next.Sentences[0]);
        if (subject is null || subject.Count == 0 || IndexOf(next.Sentences[0], subject[0], next.Sentences[0].Count - 1) > 1)
        {
            // The next paragraph must open with the name itself ("Mr Lim Boon Keng, 46, was ..."); one that opens with
            // its own role ("The party's spokesperson, X, ...") introduces someone else.
            return;
        }

        var named = subject is null ? null : _resolver.Resolve(subject, NameFinder.Position(next, next.Sentences[0][0]));
        if (named?.Entity is not { Kind: EntityKind.Person } person || person.NameTokens.Count < 2)
        {
            return;
        }

        for (var i = 0; i < statements.Count; i++)
        {
            if (statements[i].Speaker == descriptors[0])
            {
                statements[i] = statements[i] with { Speaker = person.Name, Sieve = StatementSieve.DelayedLead };
            }
        }
    }

    /// <summary>
    /// "said of the senator", "said about Latinos in the last year", "told Chris Wallace of Fox News", "said as the crowd
    /// roared": the words after the verb are a phrase about the speaking, not what was said. A short "of/about/with"
    /// phrase with no "that" (not "about 300 people"), or an "as/while" time clause with no comma, straight after a plain
    /// verb of saying ("warned about X", "said that while ..." keep theirs).
    /// </summary>
    private static bool OnlyAPhraseAfterTheVerb(IReadOnlyList<Token> tokens, Attribution a, string content)
    {
        var words = content.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var afterThat = a.ContentStart > 0 && a.ContentStart <= tokens.Count && tokens[a.ContentStart - 1].Lower == "that";
        if (words.Length < 2 || a.ContentBefore || afterThat || !Lexicon.PlainSpeechVerbs.Contains(a.Verb))
        {
            return false;
        }

        var first = words[0];
        if (Lexicon.PhraseAfterVerbOpeners.Contains(first) && first == first.ToLowerInvariant())
        {
            return WordCount(content) <= 6 && !words.Contains("that") && !char.IsDigit(words[1][0]);
        }

        return first is "as" or "while" && !content.Contains(',', StringComparison.Ordinal)
            && (Lexicon.Pronouns.Contains(words[1]) || Lexicon.Determiners.Contains(words[1]) || words[1].EndsWith("ing", StringComparison.Ordinal));
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    // The attribution nearest the quotation, preferring one that reports nothing else.
    private static Attribution? BindQuote(int q, IReadOnlyList<Attribution> attributions) =>
        attributions
            .Where(a => a.Speaker is not null)
            .OrderBy(a => a.ContentStart < 0 || a.ContentBefore || a.ContentStart > q ? 0 : 1)
            .ThenBy(a => Math.Min(Math.Abs(a.VerbIndex - q), Math.Abs(a.SubjectStart - q)))
            .FirstOrDefault();

    /// <summary>
    /// For a participle closing "... after the chain cut its forecast, saying": the noun phrase after the nearest
    /// "after"/"as"/"when"/"because"/"while" before it, up to that clause's verb; null when there is none.
    /// </summary>
    private static List<Token>? SubordinateSubject(IReadOnlyList<Token> tokens, int participle)
    {
        for (var m = participle - 2; m >= 0 && participle - m <= 20; m--)
        {
            if (tokens[m].Kind == TokenKind.Quote || tokens[m].Text is ";" or ",")
            {
                return null;
            }

            if (tokens[m].IsWord && !tokens[m].IsCapitalised && tokens[m].Lower is "after" or "as" or "when" or "because" or "while" or "since")
            {
                var np = new List<Token>();
                var verb = false;
                for (var n = m + 1; n < participle - 1 && np.Count < 6; n++)
                {
                    var t = tokens[n];
                    if (!t.IsWord || (!t.IsCapitalised && (Lexicon.FiniteMarkers.Contains(t.Text) || Lexicon.ReportingVerbs.Contains(t.Text) || (t.Lower.EndsWith("ed", StringComparison.Ordinal) && t.Lower.Length > 4 && np.Count > 0 && !Lexicon.Determiners.Contains(np[^1].Text)))))
                    {
                        verb = t.IsWord;
                        break;
                    }

                    np.Add(t);
                }

                // "pointed to China as the regional enforcer, remarking ...": "as" with a noun phrase and no verb is no
                // clause, so its noun phrase is not the one remarking.
                return verb && np.Count > 0 && (Lexicon.Determiners.Contains(np[0].Text) || np[0].IsCapitalised) ? np : null;
            }
        }

        return null;
    }

    /// <summary>
    /// ", saying slowing growth and subdued inflation gave it room": a finite verb within the next words, before any
    /// punctuation, even past an "and" joining the clause's subject.
    /// </summary>
    private static bool FiniteVerbAhead(IReadOnlyList<Token> tokens, int start)
    {
        for (var k = start + 1; k < Math.Min(tokens.Count, start + 10); k++)
        {
            var t = tokens[k];
            if (!t.IsWord)
            {
                return false;
            }

            if (!t.IsCapitalised && (Lexicon.FiniteMarkers.Contains(t.Text) || (t.Lower.EndsWith("ed", StringComparison.Ordinal) && t.Lower.Length > 4 && !Lexicon.Determiners.Contains(tokens[k - 1].Text))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"LME data showed stocks rose ...", "Figures show prices fell": data reports a finding without "that".</summary>
    private static bool DataSubject(IReadOnlyList<Token> tokens, Attribution a) =>
        a.SubjectStart < a.VerbIndex && Enumerable.Range(a.SubjectStart, a.VerbIndex - a.SubjectStart)
            .Any(k => tokens[k].Lower is "data" or "figures" or "statistics" or "numbers" or "survey" or "poll" or "records" or "estimates" or "analysis" or "research" or "study" or "tests" or "results");

    /// <summary>An infinitive ("to travel", "not to travel") comes before any finite verb in the next few words.</summary>
    private static bool RequestAhead(IReadOnlyList<Token> tokens, int start)
    {
        for (var k = start; k < Math.Min(tokens.Count - 1, start + 7); k++)
        {
            var t = tokens[k];
            // ("told the Gazette he'll work full-time to help": a pronoun with its contracted verb opens a clause.)
            if (!t.IsWord || (!t.IsCapitalised && (Lexicon.FiniteMarkers.Contains(t.Text) || Lexicon.BeForms.Contains(t.Text) && t.Lower != "not"))
                || IsContractedPronoun(t.Text))
            {
                return false;
            }

            if (t.Lower == "to" && tokens[k + 1].IsWord && !tokens[k + 1].IsCapitalised && !Lexicon.Determiners.Contains(tokens[k + 1].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// ""...," Varga added to reporters", "... added to People": after a quotation, "added to" and a listener reports
    /// what was said; elsewhere "added to" mostly means increased ("added to the pressure", "added to Ortiz's lead").
    /// </summary>
    private static bool AddedToAListener(IReadOnlyList<Token> tokens, int i)
    {
        var k = i + 2;
        if (tokens[i].Lower is not ("added" or "adds") || k >= tokens.Count || !tokens[k].IsWord || !tokens.Take(i).Any(t => t.Kind == TokenKind.Quote))
        {
            return false;
        }

        var owner = k + 1 < tokens.Count && tokens[k + 1].Text is "'s" or "’s";
        return Lexicon.ListenerNouns.Contains(tokens[k].Text) || (tokens[k].IsCapitalised && !owner);
    }

    /// <summary>
    /// "said to reporters", "said to cheers", "said to the crowd", "said to Mr. Ortiz": after "said to", whom it was said
    /// to (or how it was met), not an infinitive ("is said to be").
    /// </summary>
    private static bool ListenerAfterTo(IReadOnlyList<Token> tokens, int k) =>
        k < tokens.Count && tokens[k].IsWord
        && (tokens[k].IsCapitalised || Lexicon.Determiners.Contains(tokens[k].Text) || Lexicon.ListenerNouns.Contains(tokens[k].Text));

    /// <summary>
    /// Whether tokens <paramref name="start"/> to <paramref name="end"/> are an opening phrase with no clause of its own
    /// ("In a statement", "When asked about the vote", "On ABC's "This Week" Sunday"): a preposition or a subordinator
    /// first, and no finite verb or form of "be" after it.
    /// </summary>
    private static bool OpeningPhraseOnly(IReadOnlyList<Token> tokens, int start, int end)
    {
        if (start >= end || start >= tokens.Count || !tokens[start].IsWord
            || !(OpeningPrepositions.Contains(tokens[start].Text) || tokens[start].Lower is "when" or "while" or "as" or "asked" or "after" or "before" or "during" or "speaking" or "following" or "despite" or "since" or "earlier" or "later"))
        {
            return false;
        }

        return !tokens.Skip(start + 1).Take(end - start - 1).Any(t => t.IsWord && !t.IsCapitalised
            && (Lexicon.FiniteMarkers.Contains(t.Text) || Lexicon.BeForms.Contains(t.Text) || Lexicon.PlainSpeechVerbs.Contains(t.Text)));
    }

    /// <summary>"he continued, "..."", "she asked: "..."": a quotation opens right after the verb and its comma or colon.</summary>
    private static bool QuoteRightAfter(IReadOnlyList<Token> tokens, int verb) =>
        verb + 2 < tokens.Count && tokens[verb + 1].Text is "," or ":" && tokens[verb + 2].Kind == TokenKind.Quote;

    /// <summary>A quotation closes just before the verb and its short subject: ""…?" she asked", ""…?" asked Tom Reyes".</summary>
    private static bool QuoteRightBefore(IReadOnlyList<Token> tokens, int verb)
    {
        var next = verb + 1 < tokens.Count ? tokens[verb + 1] : null;
        if (next is not null && next.Text is not ("." or "," or ";") && !next.IsCapitalised && !Lexicon.Determiners.Contains(next.Text))
        {
            return false; // "everything Republicans asked for": the quotation is not what was asked
        }

        var j = verb - 1;
        while (j >= 0 && verb - j <= 6 && (tokens[j].IsWord || tokens[j].Text == ","))
        {
            j--;
        }

        return j >= 0 && (tokens[j].Kind == TokenKind.Quote || IsQuoteMark(tokens[j].Text));
    }

    /// <summary>
    /// "a decision campaigners called a victory", "what critics described as a betrayal": a relative clause (after a
    /// noun with its determiner, or after "what") whose short subject names an opinion without quotation marks.
    /// Returns the subject, where it starts, and the exclusive end of the opinion (the next comma or full stop).
    /// </summary>
    private static (List<Token> Subject, int SubjectStart, int End)? ReducedRelativeCalled(IReadOnlyList<Token> tokens, int i)
    {
        var k = i + 1;
        if (k < tokens.Count && tokens[i].Lower == "described" && tokens[k].Lower == "as")
        {
            k++;
        }

        if (k >= tokens.Count || tokens[k].Lower is not ("a" or "an" or "the"))
        {
            return null;
        }

        // The subject: one to three words, a plural group noun ("campaigners", "privacy advocates") or a name. When a
        // determiner and the relative's head noun come just before ("a decision privacy advocates called"), the
        // subject is everything between the head and the verb.
        var s = i - 1;
        while (s >= 0 && i - s <= 3 && tokens[s].IsWord && !Lexicon.Determiners.Contains(tokens[s].Text) && !Lexicon.ClauseBoundaries.Contains(tokens[s].Text)
               && !(tokens[s].IsWord && !tokens[s].IsCapitalised && s < i - 1))
        {
            s--;
        }

        for (var d = i - 3; d >= Math.Max(0, i - 5); d--)
        {
            if (tokens[d].IsWord && tokens[d].Lower is "a" or "an" or "the" or "this" or "its" or "their"
                && Enumerable.Range(d + 1, i - d - 1).All(x => tokens[x].IsWord && !tokens[x].IsCapitalised && !Lexicon.ClauseBoundaries.Contains(tokens[x].Text)))
            {
                s = d + 1; // the head noun; the subject starts after it
                break;
            }
        }

        var subjectStart = s + 1;
        if (subjectStart >= i || s < 1)
        {
            return null;
        }

        var subject = tokens.Skip(subjectStart).Take(i - subjectStart).ToList();
        var head = subject[^1];
        var named = subject.All(w => w.IsCapitalised) && !Lexicon.CapitalisedFunctionWords.Contains(subject[0].Text);
        var people = !head.IsCapitalised && Lexicon.IsPlural(head)
            && (Lexicon.GroupNouns.Contains(head.Text) || new[] { "ers", "ists", "ians", "ents", "ants", "ors", "ates", "ives" }.Any(x => head.Lower.EndsWith(x, StringComparison.Ordinal)));
        if (!named && !people)
        {
            return null;
        }

        // Before the subject: "what", or a lower-case noun with a determiner shortly before it.
        var before = tokens[s];
        var relativeHead = before.Lower == "what"
            || (before.IsWord && !before.IsCapitalised && !Lexicon.ClauseBoundaries.Contains(before.Text) && !Lexicon.Determiners.Contains(before.Text)
                && !Lexicon.ReportingVerbs.Contains(before.Text) && !Lexicon.BeForms.Contains(before.Text)
                && Enumerable.Range(Math.Max(0, s - 3), Math.Min(3, s)).Any(d => tokens[d].IsWord && tokens[d].Lower is "a" or "an" or "the" or "this" or "its" or "their"));
        if (!relativeHead)
        {
            return null;
        }

        var end = k;
        while (end < tokens.Count && tokens[end].Text is not ("," or "." or ";" or ":" or "?" or "!") && tokens[end].Kind != TokenKind.Quote)
        {
            end++;
        }

        return end - (i + 1) >= 2 ? (subject, subjectStart, end) : null;
    }

    /// <summary>"described NP as "…"": the word before the opening quotation mark is "as".</summary>
    private static bool DescribedAs(IReadOnlyList<Token> tokens, int i)
    {
        for (var k = i + 1; k < Math.Min(tokens.Count, i + 8); k++)
        {
            if (IsQuoteMark(tokens[k].Text))
            {
                return tokens[k - 1].Lower == "as";
            }
        }

        return false;
    }

    /// <summary>For "called NP "…"", the exclusive end of the quoted phrase; 0 when the verb is not used so.</summary>
    private static int CalledPhraseEnd(IReadOnlyList<Token> tokens, int i)
    {
        var k = i + 1;
        if (k >= tokens.Count || tokens[k].Lower is "for" or "on" or "off" or "up" or "in" or "out" or "back" or "upon")
        {
            return 0;
        }

        // "called the governor's handling of the flood warnings "a disgrace"": the object may be a long noun phrase, but
        // not a clause of its own.
        var words = 0;
        while (k < tokens.Count && words <= 12 && (tokens[k].IsWord || tokens[k].Text == "'s" || tokens[k].Kind == TokenKind.Number)
               && !(tokens[k].IsWord && !tokens[k].IsCapitalised && (Lexicon.BeForms.Contains(tokens[k].Text) || Lexicon.FiniteMarkers.Contains(tokens[k].Text) || tokens[k].Lower is "who" or "which" or "whom")))
        {
            k++;
            words++;
        }

        if (words == 0 || words > 12)
        {
            return 0;
        }

        if (k >= tokens.Count || !IsQuoteMark(tokens[k].Text))
        {
            return UnquotedNamingEnd(tokens, i, k);
        }

        var close = ClosingMark(tokens, k, 32);
        if (close < 0)
        {
            return 0;
        }

        // "called it "meritless" and "improper"": a second quoted name joined to the first.
        return close + 2 < tokens.Count && tokens[close + 1].Lower is "and" or "or" && IsQuoteMark(tokens[close + 2].Text) && ClosingMark(tokens, close + 2, 16) is var second and >= 0
            ? second + 1
            : close + 1;

        // The closing mark of the same kind as the one at open, within so many tokens, or -1: "the Houthis’ seriousness”"
        // has an apostrophe before the curly close.
        static int ClosingMark(IReadOnlyList<Token> tokens, int open, int within)
        {
            var opener = tokens[open].Text;
            for (var m = open + 1; m < Math.Min(tokens.Count, open + within); m++)
            {
                var closes = opener switch
                {
                    "“" => tokens[m].Text == "”",
                    "\"" => tokens[m].Text == "\"",
                    _ => IsQuoteMark(tokens[m].Text),
                };
                if (closes)
                {
                    return m;
                }
            }

            return -1;
        }
    }

    /// <summary>
    /// "calling the mayor a coward", "called Ellis an opportunist": an object and a noun phrase led by "a"/"an", without
    /// quotation marks, are still an opinion voiced. The object is a pronoun, a name or a short phrase led by a determiner
    /// ("called a meeting" has none); the naming runs to the end of the clause. Returns that end, or 0.
    /// </summary>
    private static int UnquotedNamingEnd(IReadOnlyList<Token> tokens, int verb, int end)
    {
        if (end < tokens.Count && tokens[end].Text is not ("," or "." or ";"))
        {
            return 0;
        }

        for (var m = verb + 2; m < end - 1 && m - verb <= 6; m++)
        {
            // "calls himself a democratic socialist", "others call it the nerd prom": after a pronoun, "the" names too.
            var pronounObject = m == verb + 2 && tokens[verb + 1].Lower is "him" or "her" or "them" or "it" or "himself" or "herself" or "themselves" or "itself";
            if (!(tokens[m].Lower is "a" or "an" || (pronounObject && tokens[m].Lower == "the")) || !tokens[m].IsWord)
            {
                continue;
            }

            var obj = tokens.Skip(verb + 1).Take(m - verb - 1).ToList();
            var first = obj[0];
            var isObject = (obj.Count == 1 && first.Lower is "him" or "her" or "them" or "it" or "this" or "that" or "himself" or "herself" or "themselves" or "itself")
                || obj.All(t => t.IsCapitalised || t.Text == "'s")
                || (obj.Count > 1 && obj.Count <= 4 && first.IsWord && !first.IsCapitalised && Lexicon.Determiners.Contains(first.Text) && obj.Skip(1).All(t => t.IsWord && !Lexicon.PostVerbPrepositions.Contains(t.Text)));
            // "called it a day", "called it a night": idioms, not a naming.
            var idiom = first.Lower == "it" && tokens[m + 1].Lower is "day" or "night";
            return isObject && !idiom ? end : 0;
        }

        return 0;
    }

    private static bool IsQuoteMark(string text) => text is "\"" or "“" or "”" or "'" or "‘" or "’";

    // "the added time", "a noted author", "was said to be", "reported to be": not reporting speech.
    private static bool IsVerbUse(IReadOnlyList<Token> tokens, int i)
    {
        var previous = i > 0 ? tokens[i - 1] : null;
        if (tokens[i].IsCapitalised && previous is { IsWord: true })
        {
            // Inside a name: "the United States", "Reports Editor".
            return false;
        }

        var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
        if (previous is { IsWord: true, IsCapitalised: false } && Lexicon.DocumentNouns.Contains(previous.Text) && tokens[i].Lower is "posted" or "tweeted" or "emailed" or "texted" or "reported" or "published")
        {
            // "a statement posted on X": a reduced relative clause, not the statement speaking. A capitalised "Post" is a
            // newspaper ("The Washington Post reported").
            return false;
        }

        if (previous is not null && (Lexicon.Determiners.Contains(previous.Text) || previous.Lower is "of" or "to" || Lexicon.BeForms.Contains(previous.Text))
            && CatenativeStart(tokens, i - 1) < 0)
        {
            return false;
        }

        if (next is not null && next.Lower is "to" && tokens[i].Lower is "added" or "adds" or "continued" or "found" or "reported" or "said" or "believed" or "estimated" or "claimed" or "agreed" or "promised" or "vowed" or "pledged" or "urged" or "declined"
            && !CommitmentAhead(tokens, i) && !(tokens[i].Lower is "said" or "says" && ListenerAfterTo(tokens, i + 2)) && !AddedToAListener(tokens, i))
        {
            return false;
        }

        if (tokens[i].Lower is "vows" or "pledges" or "promises"
            && ((!CommitmentAhead(tokens, i) && next?.Lower != "that")
                || previous is not { IsWord: true } || !(previous.IsCapitalised || previous.Lower is "he" or "she" or "it" or "who" or "which" or "that" or "also" or "now" or "still" or "again" || IsAdverb(tokens, i - 1))))
        {
            return false; // "broke many promises he made", "his promises to cut taxes": the noun; "Ortiz vows to veto" is the verb
        }

        if (tokens[i].Lower is "states" or "remarks" && next?.Lower != "that" && next?.Kind != TokenKind.Quote && next?.Text != ":")
        {
            return false; // "won six states", "her opening remarks": in US news these are the nouns unless a clause or quotation follows
        }

        if (tokens[i].Lower is "pointed" && next?.Lower != "out")
        {
            return false;
        }

        if (next is not null && (next.Lower is "against"
                                 || (next.Lower is "about" && tokens[i].Lower is not ("said" or "says" or "told" or "tells") && !(i + 2 < tokens.Count && tokens[i + 2].Kind == TokenKind.Number))
                                 || (next.Lower is "on" or "upon" && tokens[i].Lower is "insisted" or "insists" or "insisting")
                                 || (next.Lower == "of" && tokens[i].Lower is "warned" or "warns" or "warning" or "cautioned" or "cautions")))
        {
            return false; // "cautioned against speculating", "insisted on keeping its checkpoints": no clause reported
        }

        if (next is not null && next.Lower == "in" && tokens[i].Lower is "believes" or "believed" or "believe")
        {
            return false; // "who still believes in a quick peace"
        }

        if (next is not null && next.Lower is "for" or "of" or "on" or "about" && AmbiguousNounForms.Contains(tokens[i].Text)
            && previous is { IsWord: true, IsCapitalised: false } && !Lexicon.Pronouns.Contains(previous.Text) && !Lexicon.IsPlural(previous))
        {
            return false; // "the rain forecast for the afternoon", "claims of fraud": a noun with its complement
        }

        if (IssuedDocumentParticiple(tokens, i))
        {
            return true;
        }

        if (Lexicon.ReportingParticiples.Contains(tokens[i].Text) && i >= 2 && previous is { IsWord: true, IsCapitalised: false } && !Lexicon.IsPlural(previous)
            && tokens[i - 2].IsWord && tokens[i - 2].Lower is "a" or "an" or "the")
        {
            return false; // "a fresh warning from the adviser that ...": a noun after its adjective
        }

        if (Lexicon.ReportingParticiples.Contains(tokens[i].Text) && previous is { IsWord: true, IsCapitalised: false } && !Lexicon.IsPlural(previous)
            && !previous.Lower.EndsWith("ly", StringComparison.Ordinal) && !Lexicon.IsPlural(previous)
            && previous.Lower is not ("and" or "but" or "while" or "before" or "after" or "also" or "later" or "then" or "further" or "again" or "even" or "still" or "when" or "without" or "by")
            && Lexicon.RoleNouns.Contains(previous.Text) is false && !Lexicon.GroupNouns.Contains(previous.Text) && !Lexicon.Pronouns.Contains(previous.Text))
        {
            return false; // "a larger study confirming that ...": a participle right after a noun modifies it
        }

        // "said by phone that ...": the medium, not a passive's agent.
        return !(next is not null && next.Lower == "by"
                 && !(i + 2 < tokens.Count && tokens[i + 2].Lower is "phone" or "telephone" or "email" or "e-mail" or "text" or "video" or "videolink" or "letter" or "message"));
    }

    /// <summary>
    /// For a full stop inside a short bracket opened before it ("(D-S.C.)", "(R-Tex.)"), the index of the closing
    /// bracket; -1 otherwise.
    /// </summary>
    private static int ClosingBracketAfter(IReadOnlyList<Token> tokens, int dot)
    {
        var open = -1;
        for (var m = dot - 1; m >= 0 && dot - m <= 6; m--)
        {
            if (tokens[m].Text == ")")
            {
                return -1;
            }

            if (tokens[m].Text == "(")
            {
                open = m;
                break;
            }
        }

        if (open < 0)
        {
            return -1;
        }

        for (var m = dot + 1; m < tokens.Count && m - open <= 8; m++)
        {
            if (tokens[m].Text == ")")
            {
                return m;
            }

            if (tokens[m].Text is "(" or "," || tokens[m].Kind == TokenKind.Quote)
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>"South Carolina director for X": a known place of one to three words, then a lower-case role noun.</summary>
    private static bool PlaceThenRole(IReadOnlyList<Token> tokens, int start, int end)
    {
        for (var n = 1; n <= 3 && start + n < end; n++)
        {
            var role = tokens[start + n];
            if (role.IsWord && !role.IsCapitalised && Lexicon.IsAnyRoleNoun(role.Text)
                && Gazetteer.IsPlace([.. tokens.Skip(start).Take(n).Select(x => x.Text)]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// For the "to" of "continued to insist", "went on to say" or "was quick to note", where the handing-over words start;
    /// -1 when the words before the "to" are no such verb.
    /// </summary>
    private static int CatenativeStart(IReadOnlyList<Token> tokens, int to)
    {
        if (to < 1 || tokens[to].Lower != "to")
        {
            return -1;
        }

        var verb = to - 1;
        if (tokens[verb].Lower == "on" && verb >= 1 && tokens[verb - 1].Lower is "went" or "goes" or "go" or "going")
        {
            verb--;
        }
        else if (tokens[verb].Lower is "went" or "goes" or "go" or "going")
        {
            return -1; // "went to say goodbye": a journey, not a hand-over
        }

        // "was quick to note", "are likely to argue"; "took pains to stress".
        if (verb >= 1 && !tokens[verb].IsCapitalised
            && ((Lexicon.CatenativeAdjectives.Contains(tokens[verb].Text) && Lexicon.BeForms.Contains(tokens[verb - 1].Text))
                || (tokens[verb].Lower == "pains" && tokens[verb - 1].Lower is "took" or "take" or "takes" or "taking" or "taken")))
        {
            return verb - 1;
        }

        // "for continuing to insist": a gerund after a preposition has no subject of its own; "is continuing to" has.
        var gerund = tokens[verb].Lower.EndsWith("ing", StringComparison.Ordinal);
        return Lexicon.CatenativeVerbs.Contains(tokens[verb].Text) && !tokens[verb].IsCapitalised
            && (!gerund || (verb >= 1 && Lexicon.BeForms.Contains(tokens[verb - 1].Text))) ? verb : -1;
    }

    /// <summary>A commitment verb followed by an infinitive: "vowed to veto", "pledging to release" (not "promised to the voters").</summary>
    private static bool CommitmentAhead(IReadOnlyList<Token> tokens, int verb) =>
        Lexicon.CommitmentVerbs.Contains(tokens[verb].Text) && verb + 2 < tokens.Count && tokens[verb + 1].Lower == "to"
        && tokens[verb + 2] is { IsWord: true, IsCapitalised: false } next && !Lexicon.Determiners.Contains(next.Text) && !Lexicon.Pronouns.Contains(next.Text);

    /// <summary>
    /// After "says, ": a short aside ending in a comma ("win or lose in the primary,") and then a clause with its own
    /// subject and verb ("he is staying"); returns where the aside starts, or -1.
    /// </summary>
    private static int ClauseAfterAside(IReadOnlyList<Token> tokens, int start)
    {
        if (start >= tokens.Count || !tokens[start].IsWord || tokens[start].IsCapitalised || Lexicon.ReportingParticiples.Contains(tokens[start].Text)
            || tokens[start].Lower is "according" or "adding" or "and" or "but" or "as" or "while" or "though" or "although" or "however")
        {
            return -1;
        }

        for (var k = start + 1; k < tokens.Count && k - start <= 10; k++)
        {
            if (tokens[k].Kind == TokenKind.Quote || tokens[k].Text is ";" or "." or "(")
            {
                return -1;
            }

            if (tokens[k].Text == ",")
            {
                return k + 2 < tokens.Count && tokens[k + 1].Lower is "he" or "she" or "they" or "we" or "it" or "i"
                    && tokens[k + 2] is { IsWord: true, IsCapitalised: false } verb && (Lexicon.FiniteMarkers.Contains(verb.Text) || Lexicon.BeForms.Contains(verb.Text))
                    ? start
                    : -1;
            }
        }

        return -1;
    }

    /// <summary>The closing mark of a quoted fragment (not a masked whole quotation) right after a comma: ",”".</summary>
    private static bool MarkAfterComma(IReadOnlyList<Token> tokens, int k) =>
        k >= 1 && tokens[k].Kind == TokenKind.Punct && tokens[k].Text is "\"" or "”" or "’" && tokens[k - 1].Text == ",";

    /// <summary>"two weeks ago", "less than a year ago", "some 20 years ago": where the phrase ending in "ago" at <paramref name="ago"/> starts, or -1.</summary>
    private static int AgoPhraseStart(IReadOnlyList<Token> tokens, int ago)
    {
        var unit = tokens[ago - 1].Lower.TrimEnd('s');
        if (unit is not ("second" or "minute" or "hour" or "day" or "week" or "month" or "year" or "decade" or "century"))
        {
            return -1;
        }

        var start = ago - 1;
        if (start >= 1 && (tokens[start - 1].Kind == TokenKind.Number || FactExtractor.NumberWords.ContainsKey(tokens[start - 1].Text) || tokens[start - 1].Lower is "a" or "an" or "few" or "several" or "many"))
        {
            start--;
        }

        while (start >= 1 && tokens[start - 1].Lower is "a" or "few" or "than" or "less" or "more" or "nearly" or "almost" or "about" or "some" or "just" or "only" or "over" or "roughly")
        {
            start--;
        }

        return start;
    }

    /// <summary>
    /// Where a time phrase ending at <paramref name="end"/> starts ("on Thursday", "on March 3", "last week", "earlier
    /// this month", "Friday"); -1 when the words there are no time phrase.
    /// </summary>
    private static int TimePhraseStart(IReadOnlyList<Token> tokens, int end)
    {
        if (end < 1)
        {
            return -1;
        }

        var start = -1;
        if (Lexicon.Weekdays.Contains(tokens[end].Text))
        {
            start = end;
        }
        else if (tokens[end].Kind == TokenKind.Number && tokens[end].Text.Length <= 2 && Lexicon.MonthSet.Contains(tokens[end - 1].Text))
        {
            start = end - 1;
        }
        else if (tokens[end].Lower is "week" or "month" or "year" or "night" or "morning" or "afternoon" or "evening" or "weekend"
                 && (tokens[end - 1].Lower is "last" or "this" or "that" or "next" || Lexicon.Weekdays.Contains(tokens[end - 1].Text)))
        {
            start = tokens[end - 1].Lower == "this" && end >= 2 && tokens[end - 2].Lower is "earlier" or "later" ? end - 2 : end - 1;
        }
        else if (end >= 2 && tokens[end].Lower == "time" && tokens[end - 1].Lower is "the" or "that" && tokens[end - 2].Lower == "at")
        {
            start = end - 2; // "Ortiz at the time said": when, not who
        }
        else if (end >= 2 && tokens[end].Lower == "ago" && AgoPhraseStart(tokens, end) is var ago and > 0)
        {
            start = ago; // "The State Department less than two weeks ago said", "Ortiz a year ago said"
        }
        else if (end >= 2 && tokens[end - 2].Lower == "in" && (tokens[end - 1].Lower == "the" && tokens[end].Lower is "past" or "end" or "meantime"
                     || tokens[end - 1].Lower is "recent" or "past" or "previous" && tokens[end].Lower is "days" or "weeks" or "months" or "years" or "interviews"))
        {
            start = end - 2; // "allies have in the past said", "Ortiz in recent weeks said"
        }

        if (start < 0)
        {
            return -1;
        }

        // "on Thursday": the preposition belongs to the phrase; a bare day needs a subject before it ("Ortiz Friday said").
        if (start >= 1 && tokens[start - 1].Lower is "on" or "late" or "early")
        {
            start--;
        }

        // "Figures released on Wednesday showed": the date belongs to a participle, which the subject keeps.
        var before = start >= 1 ? tokens[start - 1] : null;
        return before is not null && ((before.IsWord && (before.IsCapitalised || !before.Lower.EndsWith("ed", StringComparison.Ordinal))) || before.Text is ")" or "'s") ? start : -1;
    }

    /// <summary>
    /// "..., when Rubin thanked the crowd and said ...", "while Ana Ruiz, the mayor, proposed a levy and said ...": a verb
    /// coordinated inside a subordinate clause shares that clause's named subject, not the sentence's. Null unless the
    /// nearest clause opener before <paramref name="and"/> is followed by a name, at most one appositive and then its verb.
    /// </summary>
    private static (List<Token> Subject, int Opener)? ClauseSubjectBefore(IReadOnlyList<Token> tokens, int and)
    {
        for (var s = and - 1; s >= 0; s--)
        {
            var t = tokens[s];
            if (t.Text == ";")
            {
                return null;
            }

            var opener = t.IsWord && (!t.IsCapitalised || s == 0) && Lexicon.SubordinateOpeners.Contains(t.Text);
            var coordinator = s > 0 && t.IsWord && !t.IsCapitalised && t.Lower is "and" or "but" && tokens[s - 1].Text == ",";
            if (!opener && !coordinator)
            {
                continue;
            }

            var end = s + 1;
            while (end < and && (tokens[end].IsCapitalised || IsTitleDot(tokens, end)))
            {
                end++;
            }

            var verb = end;
            if (verb < and && tokens[verb].Text == ",")
            {
                verb++;
                while (verb < and && tokens[verb].Text != ",")
                {
                    verb++;
                }

                verb++; // "Ana Ruiz, the mayor, proposed": past the appositive
            }

            var clauseOk = end > s + 1 && verb < and && tokens[verb].IsWord && !tokens[verb].IsCapitalised
                && !Lexicon.ClauseBoundaries.Contains(tokens[verb].Text) && !Lexicon.Determiners.Contains(tokens[verb].Text)
                && !tokens.Skip(verb).Take(and - verb).Any(x => x.Text == ",");
            return clauseOk ? ([.. tokens.Skip(s + 1).Take(end - s - 1).Where(x => x.Text != ".")], s) : null;
        }

        return null;
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Token token, int before)
    {
        for (var m = before; m >= 0; m--)
        {
            if (ReferenceEquals(tokens[m], token))
            {
                return m;
            }
        }

        return before;
    }

    /// <summary>
    /// "In an interview with X, Ruiz questioned the budget, saying ...": the words between the commas are a clause with its
    /// own verb, not a name in apposition ("with the Speaker, Musa Tanko, saying").
    /// </summary>
    private static bool ClauseBetween(IReadOnlyList<Token> tokens, int start, int end) =>
        Enumerable.Range(start, Math.Max(0, end - start)).Any(m => IsVerbLike(tokens[m]));

    /// <summary>A lower-case word that reads as a verb: a finite marker, a form of "be", a reporting verb, a past tense.</summary>
    private static bool IsVerbLike(Token t) =>
        t.IsWord && !t.IsCapitalised
        && (Lexicon.FiniteMarkers.Contains(t.Text) || Lexicon.ReportingVerbs.Contains(t.Text) || Lexicon.BeForms.Contains(t.Text)
            || (t.Lower.EndsWith("ed", StringComparison.Ordinal) && t.Lower.Length > 4));

    /// <summary>A finite verb straight after a reporting verb: the clause it reports has its subject elsewhere ("said was").</summary>
    private static bool IsGapVerb(Token t) =>
        t.IsWord && !t.IsCapitalised && (t.Lower is "was" or "were" or "is" or "are" or "would" or "will" or "had" or "has" or "have" or "could" or "can" or "may" or "might" or "should" or "must");

    /// <summary>The noun phrase a "which" refers back to: "its dividend, which ...", "the Lumora One, which ...".</summary>
    private static string Antecedent(IReadOnlyList<Token> tokens, int relative)
    {
        var end = relative > 0 && tokens[relative - 1].Text == "," ? relative - 1 : relative;
        var k = end - 1;
        var start = -1;
        while (k >= 0 && end - k <= 6 && (tokens[k].IsWord || tokens[k].Kind == TokenKind.Number || tokens[k].Text == "'s"))
        {
            if (tokens[k].IsWord && Lexicon.Determiners.Contains(tokens[k].Text))
            {
                start = k;
                break;
            }

            if (tokens[k].IsWord && !tokens[k].IsCapitalised && Lexicon.ClauseBoundaries.Contains(tokens[k].Text))
            {
                start = k + 1;
                break;
            }

            k--;
        }

        if (start < 0)
        {
            // No determiner close by: the last word, with the capitalised words before it ("Corvane shares").
            start = end - 1;
            while (start > 0 && tokens[start - 1].IsCapitalised && end - start < 4)
            {
                start--;
            }
        }

        return start >= 0 && start < end ? Slice(tokens, start, end) : string.Empty;
    }

    /// <summary>
    /// The words before a comma open the sentence as an adverbial ("However", "Also speaking", "Reacting"), not as a name
    /// an appositive could follow.
    /// </summary>
    private static bool OpenerBefore(IReadOnlyList<Token> tokens, int comma)
    {
        if (comma <= 0 || tokens[comma].Text != ",")
        {
            return false;
        }

        for (var m = comma - 1; m >= 0; m--)
        {
            if (!tokens[m].IsWord)
            {
                return false;
            }
        }

        var first = tokens[0];
        if (first.IsCapitalised && first.Lower is "outside" or "inside" or "at" or "in" or "near" or "among" or "during" or "across" or "along" or "behind" or "from" or "on" or "under" or "after" or "before" && comma <= 15)
        {
            return true; // "Outside a polling station in the city of X, a retired teacher ..., said"
        }

        if (first.Lower is "one" or "two" or "three" or "several" or "some" or "many" or "most" or "both" or "all" or "other" or "others" or "first" or "new" or "senior" or "former" or "local" or "top" or "veteran")
        {
            return false; // "One worker, a manager who ..., told Reuters": a quantified noun is the subject, not an opener
        }

        return comma <= 4 && (Lexicon.CapitalisedFunctionWords.Contains(first.Text) || first.Lower.EndsWith("ly", StringComparison.Ordinal)
            || (first.Lower.EndsWith("ing", StringComparison.Ordinal) && first.IsCapitalised)) && !tokens.Take(comma).Any(t => t.IsCapitalised && !Lexicon.CapitalisedFunctionWords.Contains(t.Text) && t != first);
    }

    /// <summary>An "-ly" adverb between a subject and its verb ("officials quickly said"), not a noun ending so ("his family said").</summary>
    private static bool IsAdverb(IReadOnlyList<Token> tokens, int j) =>
        tokens[j].Lower.EndsWith("ly", StringComparison.Ordinal) && tokens[j].Text.Length > 4 && !NounsEndingInLy.Contains(tokens[j].Text)
        && !(j > 0 && tokens[j - 1].IsWord && (Lexicon.Determiners.Contains(tokens[j - 1].Text) || tokens[j - 1].Text == "'s"));

    private static readonly HashSet<string> NounsEndingInLy = new(
        ["family", "assembly", "ally", "rally", "supply", "monopoly", "anomaly", "reply", "daily", "weekly", "quarterly", "italy", "july", "bully", "melancholy"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// "Tomasz, who looks after the ovens, says the first year ...": the comma before the verb closes a relative clause
    /// after the subject, so the verb is not inverted.
    /// </summary>
    private static bool RelativeAppositiveBefore(IReadOnlyList<Token> tokens, int comma)
    {
        var k = SegmentBoundaryBefore(tokens, comma - 1);
        return k >= 1 && tokens[k].Text == "," && tokens[k + 1].Lower is "who" or "which" or "whose" && tokens[k - 1].IsWord;
    }

    /// <summary>
    /// "a former adviser to Prime Minister Ruth Vale": the name closing an appositive follows a preposition (titles
    /// skipped), so it is someone the appositive mentions, not the speaker.
    /// </summary>
    private static bool PrepositionBeforeName(IReadOnlyList<Token> tokens, int segmentStart, int end)
    {
        var m = end - 1;
        while (m > segmentStart && (tokens[m].IsCapitalised || tokens[m].Text == "."))
        {
            m--;
        }

        // "a member of the hard-line Freedom Caucus": a preposition anywhere before the name makes it a mention.
        for (var x = m; x >= segmentStart; x--)
        {
            if (tokens[x].IsWord && !tokens[x].IsCapitalised && tokens[x].Lower is "of" or "for" or "at" or "from" or "with" or "in" or "to" or "by" or "under" or "on")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Capitalised words, with "and"/"of"/"for"/"the" between them: one item of a list inside a name.</summary>
    private static bool IsNameListSegment(IReadOnlyList<Token> tokens, int start, int end) =>
        end > start && tokens[start].IsCapitalised
        && Enumerable.Range(start, end - start).All(m => tokens[m].IsCapitalised || tokens[m].Lower is "and" or "of" or "for" or "the");

    /// <summary>
    /// Going back over list items ("Health, Education,") from <paramref name="comma"/>, the comma that opens a "who" or
    /// "which" clause; -1 when the list does not lead back to one.
    /// </summary>
    private static int RelativeOpenerBefore(IReadOnlyList<Token> tokens, int comma)
    {
        var back = comma;
        for (var guard = 0; guard < 5; guard++)
        {
            var pc = SegmentBoundaryBefore(tokens, back - 1);

            if (pc < 0 || tokens[pc].Text != ",")
            {
                return -1;
            }

            if (tokens[pc + 1].Lower is "who" or "which" or "whose")
            {
                return pc;
            }

            if (!IsNameListSegment(tokens, pc + 1, back))
            {
                return -1;
            }

            back = pc;
        }

        return -1;
    }

    /// <summary>"Eritrea's minister, Yemane Tesfay, denied ...": a bare name between commas is the subject, so the verb is not inverted.</summary>
    private static bool NameAppositiveBefore(IReadOnlyList<Token> tokens, int comma)
    {
        var k = comma - 1;
        var count = 0;
        while (k >= 0 && tokens[k].IsWord && tokens[k].IsCapitalised && count < 5)
        {
            k--;
            count++;
        }

        return count > 0 && k >= 1 && tokens[k].Text == "," && !Lexicon.CapitalisedFunctionWords.Contains(tokens[k + 1].Text);
    }

    /// <summary>US party and state tags: "R-Ohio", "D-Minn.", "I-Vt.".</summary>
    private static bool IsPartyTag(IReadOnlyList<Token> tokens, int start, int end)
    {
        if (end <= start || !tokens[start].IsWord || tokens[start].Text.Length < 3 || tokens[start].Text[0] is not ('R' or 'D' or 'I') || tokens[start].Text[1] != '-')
        {
            return false;
        }

        for (var k = start + 1; k < end; k++)
        {
            if (!(tokens[k].Text == "." || (tokens[k].IsWord && tokens[k].Text.All(c => char.IsUpper(c) || c == '.'))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>At <paramref name="open"/>, a "(" of a party tag ("(R)", "(D-Ohio)"): the index of its ")", or -1.</summary>
    private static int PartyTagEnd(IReadOnlyList<Token> tokens, int open)
    {
        for (var close = open + 1; close < tokens.Count && close - open <= 6; close++)
        {
            if (tokens[close].Text == ")")
            {
                return IsPartyTag(tokens, open + 1, close) || (close == open + 2 && tokens[open + 1].Text is "D" or "R" or "I") ? close : -1;
            }
        }

        return -1;
    }

    /// <summary>The full stop of an abbreviated title ("Dr.", "Sgt.") inside a name, not the end of a phrase.</summary>
    private static bool IsTitleDot(IReadOnlyList<Token> tokens, int k) =>
        tokens[k].Text == "." && k > 0 && k + 1 < tokens.Count && tokens[k + 1].IsCapitalised && tokens[k - 1].IsWord
        && (Lexicon.TitleWords.Contains(tokens[k - 1].Text) || Lexicon.TitleWords.Contains(tokens[k - 1].Text + "."));

    /// <summary>True when the words after a verb read as a clause ("that ...", "rates would fall"), not a bare object.</summary>
    private static bool ReportsClause(IReadOnlyList<Token> tokens, int start, bool bareFinding = false)
    {
        if (start > 0 && tokens[start - 1].Lower == "that")
        {
            return !DemonstrativeThat(tokens, start - 1);
        }

        if (start > 0 && Lexicon.ThatOnlyVerbs.Contains(tokens[start - 1].Text) && !bareFinding)
        {
            return false;
        }

        if (start < tokens.Count && tokens[start].Lower == "to")
        {
            return false; // "agreed to return", "urged them to stop": an infinitive, not a clause.
        }

        for (var k = start; k < Math.Min(tokens.Count, start + 12); k++)
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Quote || t.Text is ";" or ":" or "," || (t.IsWord && t.Lower is "and" or "but" or "after" or "before" or "when" or "because" or "as" or "while" or "if" or "since" or "until" or "although" or "though" or "where" or "who" or "which" or "according"))
            {
                break; // a verb inside an adverbial or relative clause, or after a comma, does not make the object a clause
            }

            if (k > start && t.IsWord && !t.IsCapitalised && (Lexicon.FiniteMarkers.Contains(t.Text) || (t.Lower.EndsWith("ed", StringComparison.Ordinal) && t.Lower.Length > 4))
                && tokens[k - 1].Lower != "to")
            {
                return true; // ("announced plans to cut jobs": a verb after "to" is an infinitive, not a clause's verb)
            }
        }

        return false;
    }

    /// <summary>
    /// "has promised that measure since the last election": "that" before a noun with no verb after it in the clause is
    /// a determiner, not the start of a reported clause.
    /// </summary>
    private static bool DemonstrativeThat(IReadOnlyList<Token> tokens, int that)
    {
        var next = that + 1 < tokens.Count ? tokens[that + 1] : null;
        if (next is null || !next.IsWord || next.IsCapitalised || Lexicon.Determiners.Contains(next.Text) || Lexicon.Pronouns.Contains(next.Text))
        {
            return false;
        }

        // The noun must be followed at once by the clause's end or a preposition: "that measure since ...", "that idea."
        var after = that + 2 < tokens.Count ? tokens[that + 2] : null;
        if (after is not null && !(after.Text is "." or "," or ";" || (after.IsWord && after.Lower is "since" or "in" or "at" or "for" or "on" or "during" or "before" or "after" or "until" or "by" or "last" or "this" or "again")))
        {
            return false;
        }

        for (var k = that + 2; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Quote || t.Text is "," or ";" or "." or ":")
            {
                break;
            }

            if (t.IsWord && !t.IsCapitalised && (Lexicon.FiniteMarkers.Contains(t.Text) || Lexicon.BeForms.Contains(t.Text) || (t.Lower.EndsWith("ed", StringComparison.Ordinal) && t.Lower.Length > 4)
                || (t.Lower.EndsWith('s') && k == that + 2 && !Lexicon.IsPlural(next))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The exclusive end of a dateline ("OTTAWA, March 4 (Reuters) -") that opens a paragraph, or 0.</summary>
    private static int DatelineEnd(IReadOnlyList<Token> tokens)
    {
        if (tokens.Count > 4 && tokens[0].Text == "(" && tokens[2].Text == ")" && tokens[1].IsCapitalised && tokens[3].Text is "-" or "—" or "–")
        {
            // "(Bloomberg) -- Bank Indonesia ...": an agency credit in brackets before the dash.
            var after = 4;
            while (after < tokens.Count && tokens[after].Text is "-" or "—" or "–")
            {
                after++;
            }

            return after;
        }

        if (AgencyDatelineEnd(tokens) is var agency and > 0)
        {
            return agency;
        }

        if (tokens.Count < 3 || !tokens[0].IsWord || tokens[0].Text.Length < 2 || !tokens[0].Text.All(c => char.IsUpper(c) || c == '.' || c == '-'))
        {
            return 0;
        }

        for (var k = 1; k < Math.Min(tokens.Count, 14); k++)
        {
            if (tokens[k].Text is "-" or "—" or "–" or "--")
            {
                return k + 1;
            }

            if (tokens[k].Text == "." && IsAbbreviationDot(tokens, k))
            {
                continue; // "WASHINGTON, Dec. 8 (UPI) —": a month's or state's short form
            }

            if (tokens[k].Kind == TokenKind.Quote || tokens[k].Text is "." or ";")
            {
                return 0;
            }
        }

        return 0;
    }

    private static bool IsAbbreviationDot(IReadOnlyList<Token> tokens, int dot) =>
        dot > 0 && tokens[dot - 1].IsWord && tokens[dot - 1].IsCapitalised && tokens[dot - 1].Text.Length <= 4;

    /// <summary>
    /// "Orlando, Fla. (Reuters) - ...", "Washington (AFP) – ...": a place in capitals and small letters, then an agency in
    /// brackets and a dash. The index after the dash, or -1.
    /// </summary>
    private static int AgencyDatelineEnd(IReadOnlyList<Token> tokens)
    {
        for (var k = 1; k + 3 < tokens.Count && k < 8; k++)
        {
            if (tokens[k].Text != "(")
            {
                continue;
            }

            var placeBefore = Enumerable.Range(0, k).All(m => (tokens[m].IsWord && tokens[m].IsCapitalised) || tokens[m].Text == ","
                || (tokens[m].Text == "." && IsAbbreviationDot(tokens, m)));
            if (!placeBefore || !tokens[k + 1].IsCapitalised || tokens[k + 2].Text != ")" || tokens[k + 3].Text is not ("-" or "—" or "–" or "--"))
            {
                return -1;
            }

            var after = k + 4;
            while (after < tokens.Count && tokens[after].Text is "-" or "—" or "–")
            {
                after++;
            }

            return after;
        }

        return -1;
    }

    // ", said a spokesman." / ", said Berg, whose ...": a short speaker phrase right after the verb, then punctuation.
    /// <summary>"political scientist Mina Okafor (in Leeds)": one to three lower-case words, then a given name and a surname.</summary>
    private static bool DescriptorBeforeName(List<Token> np)
    {
        // ("said lobbyist and GOP strategist Tom Reyes": two roles joined by "and", an acronym inside.)
        static bool Acronym(Token t) => t.IsWord && t.Text.Length is >= 2 and <= 5 && t.Text.All(char.IsUpper);
        var run = np.TakeWhile(t => t.IsWord && (!t.IsCapitalised || Acronym(t))).Count();
        var joined = np.Take(run).Any(t => t.Lower == "and");
        return run is >= 1 and <= 6 && (run <= 3 || joined) && run + 1 < np.Count && !Acronym(np[0]) && np[run - 1].Lower != "and"
            && np.Take(run).All(t => !Lexicon.Pronouns.Contains(t.Text) && !Lexicon.FiniteMarkers.Contains(t.Text) && !Lexicon.BeForms.Contains(t.Text)
                && !Lexicon.MentionPrepositions.Contains(t.Text) && !Lexicon.Determiners.Contains(t.Text) && t.Lower is not ("that" or "but" or "in")
                && (t.Lower != "and" || joined))
            && np[run].IsCapitalised && Lexicon.IsFirstName(np[run].Text) && np[run + 1].IsCapitalised;
    }

    private static bool LooksLikeInvertedSpeaker(IReadOnlyList<Token> tokens, int i)
    {
        var end = i + 1;
        // "says Prof Susan Jebb of the University of Oxford": a name with its affiliation runs to eleven words.
        while (end < tokens.Count && (tokens[end].Text is not ("," or "." or ";" or ":") || IsTitleDot(tokens, end)) && end - i <= 12)
        {
            end++;
        }

        if (end == i + 1 || end - i > 12)
        {
            return false;
        }

        var first = tokens[i + 1];
        var np = tokens.Skip(i + 1).Take(end - i - 1).Where(x => x.Text != ".").ToList();
        if (end - i > 7 && !np.Any(t => t.Lower is "of" or "at" or "from" or "for") && !DescriptorBeforeName(np))
        {
            return false;
        }

        // ", said the firm's chief executive, X." is a speaker; ", said the next day" is a time.
        var definiteSpeaker = first.Lower == "the" && np.Count >= 2 && !Lexicon.TimeWords.Contains(np[1].Text) && !Lexicon.Weekdays.Contains(np[1].Text)
            && !np.Any(t => t.Lower is "day" or "week" or "month" or "year" or "time" or "morning" or "afternoon" or "evening" or "night" or "weekend")
            // "said the Khan family deserved better": a past tense after the noun makes a clause ("the retired teacher" does not).
            && !np.Skip(2).Any(t => t.IsWord && !t.IsCapitalised && t.Lower.EndsWith("ed", StringComparison.Ordinal));
        if (Lexicon.Pronouns.Contains(first.Text) || first.Lower is "that" or "it" or "on" or "in" or "at"
            || Lexicon.Weekdays.Contains(first.Text) || Lexicon.MonthSet.Contains(first.Text) || (Lexicon.TimeWords.Contains(first.Text) && !definiteSpeaker))
        {
            return false;
        }

        // "said former governor Ed Marrow", "said journalist Mia Holt": a lower-case role before the name; "says political
        // scientist Mina Okafor": any one to three lower-case words before a given name and a surname.
        return (first.IsCapitalised || first.Lower is "a" or "an" or "the"
                || ((Lexicon.RoleModifiers.Contains(first.Text) || Lexicon.IsAnyRoleNoun(first.Text)) && np.Count >= 3 && np[^1].IsCapitalised)
                || DescriptorBeforeName(np))
            && np.All(t => t.IsWord || t.Text == "'s" || t.Kind == TokenKind.Number)
            // "X, a nurse, said the clinic should close": an auxiliary or finite verb makes the words a clause, not a speaker.
            && !np.Skip(1).Any(t => Lexicon.ReportingVerbs.Contains(t.Text) || Lexicon.BeForms.Contains(t.Text) || (!t.IsCapitalised && Lexicon.FiniteMarkers.Contains(t.Text)))
            // "said the players backed the coach": a past-tense verb with its own object is a clause, not a speaker
            // ("said the retired teacher" is still one).
            && !Enumerable.Range(1, Math.Max(0, np.Count - 2)).Any(x => !np[x].IsCapitalised && np[x].Lower.EndsWith("ed", StringComparison.Ordinal)
                && np[x + 1].Lower is "the" or "a" or "an" or "his" or "her" or "their" or "its" or "our" or "my");
    }

    /// <summary>Where the reported content starts: after the listener, time phrases and "that".</summary>
    private static int ContentStartAfter(IReadOnlyList<Token> tokens, int verb)
    {
        var k = verb + 1;
        if (CommitmentAhead(tokens, verb))
        {
            return k; // "promised to fix the roads": no listener, the infinitive is what was promised
        }

        var tell = Lexicon.TellVerbs.Contains(tokens[verb].Text);
        if (k < tokens.Count && tokens[k].Lower is "out" && tokens[verb].Lower is "pointed" or "pointing")
        {
            k++;
        }

        if (k + 2 < tokens.Count && tokens[k].Text == "," && tokens[k + 1].Lower is "however" or "though" or "meanwhile" or "too" && tokens[k + 2].Text == ",")
        {
            k += 3; // "cautioned, however, that ..."
        }

        var afterPreposition = false;
        for (var guard = 0; guard < 4 && k < tokens.Count; guard++)
        {
            var t = tokens[k];
            if (t.IsWord && !t.IsCapitalised && Lexicon.PostVerbPrepositions.Contains(t.Text) && !(t.Lower == "to" && k + 1 < tokens.Count && tokens[k + 1].IsWord && !tokens[k + 1].IsCapitalised && !Lexicon.Determiners.Contains(tokens[k + 1].Text) && !Lexicon.ListenerNouns.Contains(tokens[k + 1].Text)))
            {
                k++;
                k = SkipNounPhrase(tokens, k);
                afterPreposition = true;
                continue;
            }

            if (Lexicon.Weekdays.Contains(t.Text))
            {
                k++;
                continue;
            }

            if (t.Lower == "by" && k + 1 < tokens.Count && tokens[k + 1].Lower is "phone" or "telephone" or "email" or "e-mail" or "text" or "video" or "videolink" or "letter" or "message")
            {
                // "said by phone that ...": the medium.
                k += 2;
                afterPreposition = true;
                continue;
            }

            break;
        }

        // "wrote on social media that ...": the place phrase may be longer than one word before "that".
        if (afterPreposition)
        {
            k = ThatAfterPlacePhrase(tokens, k);
        }

        if (tell && k < tokens.Count && tokens[k].Lower != "that")
        {
            var that = -1;
            for (var m = k; m < Math.Min(tokens.Count, k + 6); m++)
            {
                if (tokens[m].Text is "," or ";" || tokens[m].Kind == TokenKind.Quote)
                {
                    break;
                }

                if (tokens[m].Lower == "that")
                {
                    that = m;
                    break;
                }
            }

            if (that >= 0)
            {
                k = that;
            }
            else
            {
                // "warning the strike could last": a noun phrase followed by a finite verb is the reported clause's
                // subject, not the listener.
                var listenerEnd = SkipNounPhrase(tokens, k);
                var clauseFollows = listenerEnd < tokens.Count && tokens[listenerEnd].IsWord && Lexicon.FiniteMarkers.Contains(tokens[listenerEnd].Text);
                k = clauseFollows ? k : listenerEnd;
            }
        }

        for (var guard = 0; guard < 3 && k < tokens.Count; guard++)
        {
            var t = tokens[k];
            if (t.IsWord && !t.IsCapitalised && Lexicon.PostVerbPrepositions.Contains(t.Text) && t.Lower is not "to")
            {
                k = SkipNounPhrase(tokens, k + 1);
                afterPreposition = true;
            }
            else if (Lexicon.Weekdays.Contains(t.Text))
            {
                k++;
            }
            else
            {
                break;
            }
        }

        // "telling fans in a video on Instagram that ...": look past the last place phrase for "that".
        if (afterPreposition)
        {
            k = ThatAfterPlacePhrase(tokens, k);
        }

        if (k < tokens.Count && tokens[k].Lower == "that")
        {
            k++;
            if (k + 1 < tokens.Count && tokens[k].Text == "," && tokens[k + 1].IsWord && !tokens[k + 1].IsCapitalised)
            {
                k++; // "say that, even if they wanted to, a recount could not be done": an aside opens the clause
            }
        }

        return k;
    }

    /// <summary>
    /// After a place phrase ("on social media", "in a video"), the reported clause may start with a "that" a few words
    /// on; returns its index, or <paramref name="k"/> when no "that" follows within the next words.
    /// </summary>
    private static int ThatAfterPlacePhrase(IReadOnlyList<Token> tokens, int k)
    {
        if (k >= tokens.Count || tokens[k].Lower == "that")
        {
            return k;
        }

        for (var m = k; m < Math.Min(tokens.Count, k + 4) && tokens[m].IsWord; m++)
        {
            if (tokens[m].Lower == "that")
            {
                return m;
            }
        }

        return k;
    }

    private static int SkipNounPhrase(IReadOnlyList<Token> tokens, int k)
    {
        if (k < tokens.Count && Lexicon.Determiners.Contains(tokens[k].Text))
        {
            k++;
            while (k < tokens.Count && tokens[k].Kind == TokenKind.Number)
            {
                k++; // "to his 20,000 followers"
            }

            if (k < tokens.Count && tokens[k].IsCapitalised)
            {
                while (k < tokens.Count && tokens[k].IsCapitalised)
                {
                    k++;
                }

                // "to his Twitter followers, ...": the noun the name qualifies, when the phrase ends there.
                if (k + 1 < tokens.Count && tokens[k].IsWord && !tokens[k].IsCapitalised && Lexicon.IsPlural(tokens[k])
                    && (tokens[k + 1].Text == "," || tokens[k + 1].Lower == "that" || tokens[k + 1].Kind == TokenKind.Quote))
                {
                    k++;
                }

                return k;
            }

            while (k < tokens.Count && tokens[k].IsWord && !tokens[k].IsCapitalised && tokens[k].Lower != "that" && k < tokens.Count - 1 && !IsClauseStart(tokens, k + 1)
                   && !Lexicon.FiniteMarkers.Contains(tokens[k + 1].Text) && !(tokens[k + 1].IsWord && !tokens[k + 1].IsCapitalised && Lexicon.ClauseBoundaries.Contains(tokens[k + 1].Text)))
            {
                k++;
            }

            return k < tokens.Count && tokens[k].IsWord && tokens[k].Lower != "that" ? k + 1 : k;
        }

        if (k < tokens.Count && tokens[k].IsCapitalised)
        {
            while (k < tokens.Count && (tokens[k].IsCapitalised || tokens[k].Kind == TokenKind.Number))
            {
                k++;
            }

            // "urged Kyiv's allies to ...": the possessed noun belongs to the phrase.
            if (k + 1 < tokens.Count && tokens[k].Text == "'s" && tokens[k + 1].IsWord && !tokens[k + 1].IsCapitalised)
            {
                k += 2;
            }

            return k;
        }

        return k < tokens.Count && (tokens[k].IsWord || tokens[k].Kind == TokenKind.Number) && tokens[k].Lower != "that" ? k + 1 : k;
    }

    private static bool IsClauseStart(IReadOnlyList<Token> tokens, int k) =>
        tokens[k].Lower is "that" or "the" or "a" or "an" or "it" or "he" or "she" or "they" or "we" || tokens[k].Text is "," or "." or ";" or ":" || tokens[k].IsCapitalised;

    /// <summary>The reported content of an attribution, or null when it reports a quotation or nothing.</summary>
    private static string? Content(IReadOnlyList<Token> tokens, Attribution a, IReadOnlyList<Attribution> all)
    {
        if (a.Parenthetical)
        {
            var from = 0;
            for (var k = a.SubjectStart - 2; k >= 0; k--)
            {
                if (tokens[k].Text == ";" || tokens[k].Kind == TokenKind.Quote)
                {
                    from = k + 1;
                    break;
                }
            }

            from = Math.Max(from, DatelineEnd(tokens));
            var head = Slice(tokens, from, a.SubjectStart - 1);
            var tail = Slice(tokens, a.ContentStart, EndOfContent(tokens, a.ContentStart, all, a));
            return head.Length == 0 || tail.Length == 0 ? null : (head + " " + tail).Trim();
        }

        if (a.ContentEnd > 0 && a.ContentStart >= 0)
        {
            return Slice(tokens, a.ContentStart, a.ContentEnd).Trim();
        }

        if (a.ContentBefore)
        {
            // (Past a listener too: "In a letter, Reyes wrote to the council, "...".)
            var listenerEnd = ContentStartAfter(tokens, a.VerbIndex);
            var quoteAfter = QuoteRightAfter(tokens, a.VerbIndex)
                || (listenerEnd > a.VerbIndex + 1 && listenerEnd + 1 < tokens.Count && tokens[listenerEnd].Text is "," or ":" && tokens[listenerEnd + 1].Kind == TokenKind.Quote);
            if (quoteAfter && OpeningPhraseOnly(tokens, DatelineEnd(tokens), a.SubjectStart - 1))
            {
                // "In a statement, X said, "..."", "When asked ..., he said: "..."": the quotation is what was said, not
                // the opening phrase before the speaker (a clause there is still a report: "Prices will rise, he said, "...").
                return null;
            }

            // "Rainfall ... average, the Met Office said." / "..., they said, and river levels ...".
            var start = 0;
            for (var k = a.SubjectStart - 1; k >= 0; k--)
            {
                if (tokens[k].Text == ";" || tokens[k].Kind == TokenKind.Quote)
                {
                    start = k + 1;
                    break;
                }
            }

            var previousAttribution = all.Where(x => x != a && x.ClauseEnd <= a.SubjectStart && !x.ContentBefore && x.ContentStart >= 0).Select(x => x.ClauseEnd).DefaultIfEmpty(0).Max();
            if (previousAttribution > start && !ReportsAReport(tokens, a, start))
            {
                return null;
            }

            var end = a.SubjectStart - 1;
            if (start == 0)
            {
                start = DatelineEnd(tokens);
            }

            if (start > 0 && tokens[start - 1].Kind == TokenKind.Quote)
            {
                return null;
            }

            // A quoted fragment closing before the attribution keeps its closing mark, not the comma inside it.
            var before = MarkAfterComma(tokens, end) && end - 1 > start ? Slice(tokens, start, end - 1) + tokens[end].Text : Slice(tokens, start, end);
            var after = a.ClauseEnd + 1 < tokens.Count && tokens[a.ClauseEnd].Text == "," && tokens[a.ClauseEnd + 1].Lower is "and" or "but"
                ? Slice(tokens, a.ClauseEnd + 1, EndOfContent(tokens, a.ClauseEnd + 1, all, a))
                : string.Empty;
            return (before + (after.Length > 0 ? ", " + after : string.Empty)).Trim();
        }

        if (a.ContentStart < 0 || a.ContentStart >= tokens.Count)
        {
            return null;
        }

        var first = tokens[a.ContentStart];
        if (first.Kind == TokenKind.Quote || first.Text is ":" or "," or "." or ";" || (first.Text is "," or ":" && a.ContentStart + 1 < tokens.Count && tokens[a.ContentStart + 1].Kind == TokenKind.Quote))
        {
            return null;
        }

        var text = Slice(tokens, a.ContentStart, EndOfContent(tokens, a.ContentStart, all, a)).Trim();
        return a.ContentPrefix is null ? text : a.ContentPrefix + " " + text;
    }

    /// <summary>
    /// "Quill said "it makes me angry" every time the ferry is cancelled", ""We are let down" by the closure, Quill
    /// said": the sentence goes on past the quotation in the reporter's words, and what was reported goes on with it, to
    /// the attribution after it or to the end of the report. Empty when the quotation ends the report.
    /// </summary>
    private static string QuoteRunsOn(IReadOnlyList<Token> tokens, int quote, Attribution attribution, IReadOnlyList<Attribution> all)
    {
        var next = quote + 1;
        // A quotation closed by its own comma or stop is a whole utterance ("We'll see," when asked ...); and what
        // follows "despite", "when" or "after" sets the scene of the speaking, not what was said.
        var inner = tokens[quote].Text.TrimEnd('"', '”', '’', '\'', ' ');
        if (next >= tokens.Count || !tokens[next].IsWord || tokens[next].IsCapitalised || Lexicon.Pronouns.Contains(tokens[next].Text)
            || inner.EndsWith(',') || inner.EndsWith('.') || inner.EndsWith('!') || inner.EndsWith('?')
            || tokens[next].Lower is "despite" or "when" or "while" or "after" or "before" or "although" or "though" or "amid" or "during" or "as"
            || Lexicon.ReportingVerbs.Contains(tokens[next].Text) || all.Any(a => a.SubjectStart <= next + 1 && a.VerbIndex >= next))
        {
            return string.Empty;
        }

        var end = attribution.SubjectStart > next ? attribution.SubjectStart - 1 : EndOfContent(tokens, next, all, attribution);
        while (end > next && tokens[end - 1].Text is "." or "," or ":" or ";")
        {
            end--;
        }

        var tail = Slice(tokens, next, end).Trim();
        return tail.Length == 0 ? string.Empty : " " + tail;
    }

    /// <summary>
    /// "Varga said the town "will fight this plan. We have the votes."": a report that opens a quotation and reaches the
    /// end of its sentence with the quotation still open goes on to where the quotation closes, up to three sentences on
    /// in the same paragraph. Otherwise <paramref name="content"/> as it is.
    /// </summary>
    private static string ThroughOpenQuote(ParagraphModel p, IReadOnlyList<Token> tokens, string content)
    {
        int opened = 0, closed = 0, straight = 0;
        foreach (var c in content)
        {
            opened += c == '“' ? 1 : 0;
            closed += c == '”' ? 1 : 0;
            straight += c == '"' ? 1 : 0;
        }

        var curly = opened > closed;
        if (!curly && straight % 2 == 0)
        {
            return content;
        }

        var sentenceStart = tokens[0].Start;
        var sentenceEnd = tokens[^1].End;
        var at = p.Text.IndexOf(content, sentenceStart, sentenceEnd - sentenceStart, StringComparison.Ordinal);
        if (at < 0 || p.Text.AsSpan(at + content.Length, sentenceEnd - at - content.Length).ContainsAnyExcept(".!?:;, ")
            || sentenceEnd >= p.Text.Length)
        {
            return content;
        }

        // The closing mark after the sentence, before any new opening one and within about three sentences.
        var rest = p.Text.AsSpan(sentenceEnd);
        var close = rest.IndexOf(curly ? '”' : '"');
        if (close < 0 || close > 600 || (curly && rest[..close].Contains('“')) || rest[..close].Count('.') + rest[..close].Count('?') + rest[..close].Count('!') > 3)
        {
            return content;
        }

        return content + p.Text[(at + content.Length)..(sentenceEnd + close)].TrimEnd();
    }

    /// <summary>
    /// "Ruiz acknowledged that the fund was badly run, the Ledger reported.", "He promised to win, Okafor said.": an
    /// attribution after the whole clause, past a comma and with nothing after it but a time, reports the report inside;
    /// so does "according to X" (its source may end in a clause: "..., according to two aides who asked not to be named").
    /// </summary>
    private static bool ReportsAReport(IReadOnlyList<Token> tokens, Attribution a, int start) =>
        start == 0 && a.SubjectStart >= 4 && tokens[a.SubjectStart - 1].Text == "," && tokens[a.SubjectStart - 2].Kind != TokenKind.Quote
        && (a.ClauseEnd >= tokens.Count - 4 || a.Verb == "according to") && tokens.Skip(a.ClauseEnd).All(t => t.Text is "." || (t.IsWord && !t.IsCapitalised) || Lexicon.Weekdays.Contains(t.Text) || t.Kind == TokenKind.Number)
        && a.Verb is "said" or "reported" or "reports" or "says" or "recalled" or "wrote" or "added" or "according to";

    private static int EndOfContent(IReadOnlyList<Token> tokens, int start, IReadOnlyList<Attribution> all, Attribution self)
    {
        var end = tokens.Count;
        for (var k = start; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (t.Text is ";" || t.Kind == TokenKind.Quote)
            {
                end = k;
                break;
            }

            if (t.Text == "," && k + 1 < tokens.Count && (Lexicon.ReportingParticiples.Contains(tokens[k + 1].Text) || tokens[k + 1].Lower == "according"))
            {
                end = k;
                break;
            }

            if (IsQuoteMark(t.Text) && k > start && tokens[k - 1].Text == "," && k + 1 < tokens.Count && (Lexicon.ReportingParticiples.Contains(tokens[k + 1].Text) || tokens[k + 1].Lower == "according"))
            {
                // "the ad was "false and he knows it," noting that ...": the quoted fragment's comma ends the report.
                end = k + 1;
                break;
            }

            if (t.Text == "," && TimeAfterClause(tokens, k + 1))
            {
                // "..., saying inflation was too high, a day after the IMF agreed ...": a time phrase closes the report.
                end = k;
                break;
            }

            if (all.Any(a => a != self && a.VerbIndex == k + 1 && t.Lower is "and" or "but"))
            {
                end = k;
                break;
            }

            if (t.Text == "," && k + 1 < tokens.Count && tokens[k + 1].Lower is "while" or "whereas" or "although" or "though" or "but" or "and"
                && all.Any(a => a != self && a.SubjectStart == k + 2))
            {
                // "X argued that taxes were too high, while Y insisted ...": the next speaker's clause ends this report.
                end = k;
                break;
            }

            if (t.Lower is "and" or "but" && k > start + 2 && tokens[k - 1].Text == "," && SpeakerClauseFollows(tokens, k + 1, self.Speaker))
            {
                // "said the plan was sound, and he railed against ...", "..., but she has bristled at ...", "..., but did
                // not say when": after the report is complete, the speaker's own next act in a clause of its own.
                end = k - 1;
                break;
            }

            if (t.Lower is "and" or "but" && k > start && SpeakerActionFollows(tokens, k + 1, self.Speaker))
            {
                // "said demand was "cyclical" and kept her rating on the stock": a second verb phrase of the speaker,
                // not part of what was reported.
                end = k;
                break;
            }

            if (all.Any(a => a != self && (a.SubjectStart == k + 1 || (a.VerbIndex == k + 1 && !a.Participle)) && (t.Text == "," || t.Lower is "and" or "but")))
            {
                end = k;
                break;
            }
        }

        while (end > start && tokens[end - 1].Text is "." or "," or ":" or "!" or "?")
        {
            end--;
        }

        return end;
    }

    /// <summary>"a day after", "hours before", "two weeks after": a time phrase opening a clause of its own.</summary>
    private static bool TimeAfterClause(IReadOnlyList<Token> tokens, int k)
    {
        for (var m = k; m < Math.Min(tokens.Count, k + 4); m++)
        {
            if (tokens[m].Lower is "after" or "before")
            {
                return m > k;
            }

            if (!(tokens[m].Kind == TokenKind.Number || tokens[m].Lower is "a" or "an" or "one" or "two" or "three" or "day" or "days" or "hours" or "hour" or "week" or "weeks"
                  or "month" or "months" or "year" or "years" or "minutes" or "just" or "only" or "shortly" or "moments" or "soon"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// At <paramref name="k"/>, after ", and" or ", but": the pronoun of the speaker and a past action verb ("he railed",
    /// "she has bristled"), or the speaker's verb phrase with "did not" ("did not say when"): the speaker's next act, not
    /// what was reported. Not "he was" or "she would" (back-shifted report).
    /// </summary>
    private static bool SpeakerClauseFollows(IReadOnlyList<Token> tokens, int k, Speaker? speaker)
    {
        if (k + 1 >= tokens.Count || speaker is null)
        {
            return false;
        }

        if (tokens[k].Lower is "did" or "does" && tokens[k + 1].Lower is "not" or "n't")
        {
            return true;
        }

        var pronounFits = tokens[k].Lower switch
        {
            "he" => speaker.Kind == SpeakerKind.Person && speaker.Entity?.Gender != Gender.Female,
            "she" => speaker.Kind == SpeakerKind.Person && speaker.Entity?.Gender != Gender.Male,
            _ => false,
        };
        if (!pronounFits)
        {
            return false;
        }

        var verb = k + 2 < tokens.Count && tokens[k + 1].Lower is "has" or "have" or "also" ? tokens[k + 2] : tokens[k + 1];
        return verb is { IsWord: true, IsCapitalised: false } && verb.Lower.EndsWith("ed", StringComparison.Ordinal) && verb.Lower.Length > 4;
    }

    /// <summary>
    /// A verb phrase the speaker goes on to do after "and": a past-tense verb with the speaker's own possessive
    /// ("kept her rating", "raised its forecast") or a refusal ("declined to comment", "refused to say more").
    /// </summary>
    private static bool SpeakerActionFollows(IReadOnlyList<Token> tokens, int k, Speaker? speaker)
    {
        if (k + 1 >= tokens.Count || !tokens[k].IsWord || tokens[k].IsCapitalised)
        {
            return false;
        }

        var verb = tokens[k].Lower;
        var next = tokens[k + 1].Lower;
        if (verb is "declined" or "refused" && next == "to")
        {
            return true;
        }

        var past = (verb.EndsWith("ed", StringComparison.Ordinal) && verb.Length > 4) || verb is "kept" or "left" or "cut" or "held" or "set" or "made" or "gave" or "took" or "put" or "sent";
        if (!past || speaker is null)
        {
            return false;
        }

        if (k >= 2 && IsQuoteMark(tokens[k - 2].Text) && next is "the" or "a" or "an")
        {
            // "said he had "never bowled better" and credited the groundstaff": after a quoted fragment, a past verb
            // with its object is the speaker's next act.
            return true;
        }

        // The possessive must fit the speaker: "her"/"his" a person of that sex, "its" an organisation, "their" a group.
        return next switch
        {
            "her" => speaker.Kind == SpeakerKind.Person && speaker.Entity?.Gender == Gender.Female,
            "his" => speaker.Kind == SpeakerKind.Person && speaker.Entity?.Gender == Gender.Male,
            "its" => speaker.Kind == SpeakerKind.Organisation,
            "their" => speaker.Kind == SpeakerKind.Group,
            _ => false,
        };
    }

    private static string Slice(IReadOnlyList<Token> tokens, int start, int end)
    {
        if (end <= start)
        {
            return string.Empty;
        }

        var parts = tokens.Skip(start).Take(end - start).ToList();
        return NameFinder.Join(parts.Select(t => t.Kind == TokenKind.Quote ? t with { Text = t.Text } : t));
    }

    /// <summary>The noun phrase that ends at <paramref name="k"/>, read backwards to the nearest clause boundary.</summary>
    // "who was", "who had", "who voted", and any other verb: "who spoke anonymously", "who want to ban it".
    private static bool OpensSubjectRelative(Token t) =>
        t.IsWord && !t.IsCapitalised && !Lexicon.Determiners.Contains(t.Text) && !Lexicon.Pronouns.Contains(t.Text)
        && !Lexicon.PostVerbPrepositions.Contains(t.Text) && t.Lower is not ("and" or "or" or "but" or "not");

    /// <summary>
    /// The index of a "who" that opens a subject's relative clause ("who was", "who lived") somewhere before
    /// <paramref name="k"/> with only words between; -1 when there is none.
    /// </summary>
    private static int SubjectRelativeBefore(IReadOnlyList<Token> tokens, int k)
    {
        for (var w = k - 1; w > 0 && k - w <= 16; w--)
        {
            if (!(tokens[w].IsWord || tokens[w].Kind == TokenKind.Number))
            {
                return -1;
            }

            if (tokens[w].Lower == "who" && w + 1 < tokens.Count && OpensSubjectRelative(tokens[w + 1]) && tokens[w - 1].IsWord)
            {
                // "a retired nurse who gave her name only as Branka, 68, said": the clause names the speaker.
                return GivesName(tokens, w + 1, Math.Min(tokens.Count, k + 3)) ? -1 : w;
            }
        }

        return -1;
    }

    /// <summary>"gave her name as X", "identified himself only as X": a relative clause that names its subject.</summary>
    private static bool GivesName(IReadOnlyList<Token> tokens, int start, int end)
    {
        for (var m = start; m + 1 < end; m++)
        {
            if (tokens[m].Lower == "as" && tokens[m + 1].IsCapitalised
                && tokens.Skip(start).Take(m - start).Any(t => t.Lower is "name" or "identified" or "named" or "called"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Nouns for people or bodies that speak, whose "at"/"in" phrase says where they are ("a source at the firm").</summary>
    private static readonly HashSet<string> SourceNouns = new(
        ["source", "sources", "official", "officials", "spokesperson", "spokesman", "spokeswoman", "embassy", "consulate", "office", "mission",
         "staff", "police", "authorities", "insider", "insiders", "executive", "executives", "analyst", "analysts", "researchers", "doctors", "engineers", "residents"],
        StringComparer.OrdinalIgnoreCase);

    private static List<Token> CollectBackward(IReadOnlyList<Token> tokens, int k)
    {
        if (k >= 2 && tokens[k].Text == ")")
        {
            // "Sen. Paul Whitaker (R-Texas) said": a short parenthesis between the subject and its verb.
            for (var open = k - 1; open >= Math.Max(0, k - 5); open--)
            {
                if (tokens[open].Text == "(")
                {
                    k = open - 1;
                    break;
                }
            }
        }

        k = BeforeDashedAside(tokens, k);
        var np = new List<Token>();
        // Long official names fit: "the U.S. Attorney's Office for the Southern District of New York" is 12 tokens.
        while (k >= 0 && np.Count < 14)
        {
            var t = tokens[k];
            if (t.Text == "." && k > 0 && tokens[k - 1].Text is "Co" or "Corp" or "Inc" or "Ltd" or "Bros" or "Cos" or "Pty" or "Plc")
            {
                // "Tohoku Electric Power Co. said": the abbreviation's full stop is part of the company's name.
                np.Insert(0, t);
                k--;
                continue;
            }

            if (np.Count > 0 && IsTitleDot(tokens, k))
            {
                // "..., Ms. Holt said": the full stop of a title belongs to the name.
                np.Insert(0, t);
                k--;
                continue;
            }

            if (t.Kind == TokenKind.Quote || t.Text is "," or ";" or ":" or "." or "(" or ")" or "—" or "–" or "-")
            {
                break;
            }

            if (t.IsWord && t.Lower is "at" or "in" && k > 0 && tokens[k - 1].IsWord && np.Count > 0
                && ((t.Lower == "at" && Lexicon.IsPlural(tokens[k - 1]) && np[0].IsCapitalised) || SourceNouns.Contains(tokens[k - 1].Text)))
            {
                // "Analysts at Kepler Research said", "A source at the company said", "Russia's embassy in Tallinn said":
                // the phrase keeps its "at"/"in".
                np.Insert(0, t);
                k--;
                continue;
            }

            if (t.IsWord && !t.IsCapitalised && t.Lower is "on" or "in" && k > 0 && tokens[k - 1].Lower is "released" or "published" or "issued" or "obtained" or "seen" or "filed"
                && np.Count > 0 && (Lexicon.Weekdays.Contains(np[0].Text) || Lexicon.MonthSet.Contains(np[0].Text) || np[0].Kind == TokenKind.Number))
            {
                // "Figures from the Commerce Department released on Friday showed ...": a reduced relative with its date
                // is dropped; the subject is the phrase before it.
                np.Clear();
                k -= 2;
                continue;
            }

            if (t.IsWord && !t.IsCapitalised && t.Lower == "to" && k > 0 && Lexicon.ServingRoles.Contains(tokens[k - 1].Text) && np.Count > 0)
            {
                // "Aides to the governor say": whom the role serves belongs to the subject.
                np.Insert(0, t);
                k--;
                continue;
            }

            if (t.IsWord && !t.IsCapitalised && t.Lower is "with" or "to" or "on" or "of" && k > 0 && tokens[k - 1].Lower is "familiar" or "close" or "knowledge" or "briefed" or "privy" && np.Count > 0)
            {
                // "a person familiar with the talks", "a source close to the family": one noun phrase.
                np.Insert(0, t);
                k--;
                continue;
            }

            if (t.IsWord && !t.IsCapitalised && t.Lower == "in" && k > 0 && tokens[k - 1].IsWord && (Lexicon.IsPlural(tokens[k - 1]) || IsShareHead(tokens[k - 1]))
                && np.Any(x => Lexicon.PollNouns.Contains(x.Text)))
            {
                // "78 percent of voters in a recent Harlow poll said": those polled speak, not the poll, so the share
                // keeps its "in".
                np.Insert(0, t);
                k--;
                continue;
            }

            if (FractionJoin(tokens, k, np) is var joined and > 0)
            {
                // "About four in 10 voters said", "more than six in 10 said": the fraction is one subject.
                np.InsertRange(0, tokens.Skip(k - joined + 1).Take(joined));
                k -= joined;
                continue;
            }

            if (t.IsWord && !t.IsCapitalised && Lexicon.ClauseBoundaries.Contains(t.Text))
            {
                // "Department of Health and Social Care": "and" inside an organisation's name.
                var joinsNames = t.Lower == "and" && k > 0 && tokens[k - 1].IsCapitalised && np.Count > 0 && np[0].IsCapitalised
                    && (np.Any(x => Lexicon.IsOrganisationWord(x.Text))
                        || Enumerable.Range(Math.Max(0, k - 4), Math.Min(4, k)).Any(m => tokens[m].IsCapitalised && Lexicon.IsOrganisationWord(tokens[m].Text))
                        || TheBeforeCapitalisedRun(tokens, k - 1));
                if (!joinsNames)
                {
                    // "A paramedic who was first on the scene of a crash on Route 9 told jurors": the words before the
                    // verb are the subject's own relative clause; the subject is the phrase before "who".
                    var who = SubjectRelativeBefore(tokens, k);
                    if (who > 0)
                    {
                        return CollectBackward(tokens, who - 1);
                    }

                    break;
                }
            }

            if (t.IsWord && t.Lower == "who" && !t.IsCapitalised && np.Count > 1 && k > 0 && tokens[k - 1].IsWord && OpensSubjectRelative(np[0])
                && !GivesName(tokens, k + 1, Math.Min(tokens.Count, k + 1 + np.Count + 4)))
            {
                // "A paramedic who was first on the scene told jurors": "who" opens the subject's own relative clause,
                // so the subject is the phrase before it.
                return CollectBackward(tokens, k - 1);
            }

            if (t.IsWord && t.Lower is "who" or "whom" && !t.IsCapitalised && np.Count > 0)
            {
                break; // "a manager who prosecutors said ...": the subject is "prosecutors", inside a relative clause
            }

            if (t.IsWord && t.IsCapitalised && Lexicon.ClauseBoundaries.Contains(t.Text) && t.Lower is not ("as" or "in" or "on"))
            {
                break;
            }

            if (t.IsWord && !t.IsCapitalised && np.Count > 0 && t.Lower is "said" or "says" or "told" or "tells" or "added" or "adds" or "wrote" or "writes" or "insisted" or "argued" or "warned" or "stated")
            {
                // "Fontenot said Hargrove had told the team ...": a reporting verb ends the subject of the verb after it.
                break;
            }

            np.Insert(0, t);
            if (Lexicon.RelativePronouns.Contains(t.Text) && !t.IsCapitalised && np.Count == 1)
            {
                break;
            }

            k--;
        }

        if (np.Count > 1 && np[^1].IsWord && np[^1].Lower is "he" or "she" or "they" or "we" or "i" or "it")
        {
            // "In a 2004 interview with the BBC she said": a subject pronoun right before the verb is the whole subject.
            np.RemoveRange(0, np.Count - 1);
        }

        // "In a statement on Monday the ministry": keep the phrase from its last determiner.
        for (var d = np.Count - 1; d > 0; d--)
        {
            if (np[d].IsWord && Lexicon.Determiners.Contains(np[d].Text) && np[d].Lower is "the" or "a" or "an"
                && np[d - 1].Lower is not ("of" or "for" or "from" or "at" or "with" or "to" or "on" or "in" or "about" or "by"))
            {
                np.RemoveRange(0, d);
                break;
            }
        }

        while (np.Count > 0 && np[0].Kind == TokenKind.Punct)
        {
            np.RemoveAt(0);
        }

        while (np.Count > 1 && np[0].IsWord && (Lexicon.Weekdays.Contains(np[0].Text) || np[0].Lower is "earlier" or "later" or "meanwhile" or "separately" or "yesterday" or "today" or "then" or "but" or "and" or "also" or "post" or "prior"))
        {
            np.RemoveAt(0);
        }

        return np;
    }

    /// <summary>
    /// "The HSE West and North West": capitalised words ending at <paramref name="k"/> that follow "the" name one body,
    /// so an "and" after them joins the name (two people, "Smith and Jones", have no "the").
    /// </summary>
    private static bool TheBeforeCapitalisedRun(IReadOnlyList<Token> tokens, int k)
    {
        var m = k;
        while (m >= 0 && tokens[m].IsCapitalised && !Lexicon.CapitalisedFunctionWords.Contains(tokens[m].Text))
        {
            m--;
        }

        return m < k && m >= 0 && tokens[m].Lower == "the" && k - m <= 3;
    }

    /// <summary>The noun phrase that opens a sentence, after any opening adverbial ("In retaliation, ...").</summary>
    private static List<Token>? SentenceSubject(IReadOnlyList<Token> tokens)
    {
        // "PARIS — Chloé Marchetti had never ...": the subject comes after the dateline.
        var start = DatelineEnd(tokens);
        var firstComma = -1;
        for (var k = start; k < Math.Min(tokens.Count, start + 12); k++)
        {
            if (tokens[k].Text == ",")
            {
                firstComma = k;
                break;
            }
        }

        // "Instead, he ...", "Shortly after the merger, the families ...": an adverb before a comma or a time clause.
        var adverbOpener = tokens.Count > start + 1 && SentenceAdverb(tokens[start])
            && (tokens[start + 1].Text == "," || tokens[start + 1].Lower is "after" or "before" or "since" or "when" or "as");
        if (firstComma < 0 && tokens.Count > start && tokens[start].IsWord && (Lexicon.ClauseBoundaries.Contains(tokens[start].Text) || adverbOpener || OpeningParticiple(tokens, start)))
        {
            // "As word of her wins rolled in on Tuesday, he gave ...": an opening clause may run past twelve words.
            for (var k = start + 12; k < Math.Min(tokens.Count, start + 20); k++)
            {
                if (tokens[k].Text == ",")
                {
                    firstComma = k;
                    break;
                }
            }
        }

        if (firstComma > start && tokens[start].IsWord && (Lexicon.ClauseBoundaries.Contains(tokens[start].Text) || adverbOpener
            || tokens[start].Lower is "asked" or "speaking" || TimePhraseStart(tokens, firstComma - 1) == start + 1 || TimePhraseStart(tokens, firstComma - 1) == start
            || OpeningTimePhrase(tokens, start, firstComma) || OpeningParticiple(tokens, start)
            || (firstComma - start <= 4 && tokens[firstComma - 1].Lower is "later" or "earlier" or "ago")))
        {
            // "However, ...", "Shortly after the merger, ...", "Last month, ...", "Minutes later, ...": an opening adverbial,
            // then the subject.
            start = PastPlaceAndTimeSegments(tokens, firstComma + 1);
        }

        while (start + 1 < tokens.Count && tokens[start].IsCapitalised && tokens[start + 1].IsWord
               && (tokens[start].Lower is "and" or "but" or "yet" or "so" || SentenceAdverb(tokens[start])))
        {
            // "Then he cut into Bush, calling him ...", "And Mr. Reyes gloated": the subject comes after the adverb.
            start++;
        }

        var np = new List<Token>();
        for (var k = start; k < tokens.Count && np.Count < 8; k++)
        {
            var t = tokens[k];
            if (np.Count > 0 && IsTitleDot(tokens, k))
            {
                // "Sen. Ruth Adler defended ...": the title's full stop is inside the name.
                continue;
            }

            if (np.Count > 0 && t.Text == "(" && PartyTagEnd(tokens, k) is var close and > 0)
            {
                // "Sen. Ruth Adler (D-Ore.) defended ...": the party tag after the name.
                k = close;
                continue;
            }

            if (t.Kind != TokenKind.Word && t.Text != "'s" && t.Kind != TokenKind.Number)
            {
                break;
            }

            if (t.Text == "'s" && np.Count > 0)
            {
                np.Add(t);
                continue;
            }

            if (np.Count > 1 && np[^1].Text == "'s" && t.IsWord && !t.IsCapitalised && !Lexicon.ClauseBoundaries.Contains(t.Text) && !Lexicon.FiniteMarkers.Contains(t.Text)
                && !(t.Lower.EndsWith("ed", StringComparison.Ordinal) && t.Lower.Length > 4))
            {
                // "Malawi's central bank kept ...": the possessed noun phrase is the subject.
                np.Add(t);
                while (k + 1 < tokens.Count && tokens[k + 1].IsWord && !tokens[k + 1].IsCapitalised && np.Count < 8 && !Lexicon.ClauseBoundaries.Contains(tokens[k + 1].Text)
                       && !Lexicon.FiniteMarkers.Contains(tokens[k + 1].Text) && !Lexicon.SkipBeforeVerb.Contains(tokens[k + 1].Text) && !tokens[k + 1].Lower.EndsWith("ly", StringComparison.Ordinal)
                       && !(tokens[k + 1].Lower.EndsWith("ed", StringComparison.Ordinal) && tokens[k + 1].Lower.Length > 4) && !Lexicon.ReportingVerbs.Contains(tokens[k + 1].Text))
                {
                    k++;
                    np.Add(tokens[k]);
                }

                break;
            }

            if (np.Count > 0 && t.IsWord && !t.IsCapitalised && Lexicon.IsPeoplePlural(t.Text) && np.All(w => w.IsCapitalised))
            {
                // "Union leaders warned ...", "Gulf sources believe ...": a capitalised modifier before a plural of people.
                np.Add(t);
                break;
            }

            if (np.Count > 0 && !t.IsCapitalised && (((Lexicon.TitleWords.Contains(t.Text) || Lexicon.IsAnyRoleNoun(t.Text) || t.Lower == "and") && TitleRunBeforeName(tokens, k))
                || (np.All(w => w.IsCapitalised) && RoleRunBeforeGivenName(tokens, k))))
            {
                // "Eastfield boss Sian Price", "Rovers manager Gary Holt", "Veritas founder and chief executive Ravi
                // Anand", "Conservative columnist and Fox News contributor George Will": role words inside the name phrase.
                np.Add(t);
                continue;
            }

            if (np.Count > 0 && !t.IsCapitalised && !(np.Count == 1 && Lexicon.Determiners.Contains(np[0].Text)) && t.Lower is not ("of" or "for") && !(np[^1].Lower is "of" or "for" or "the" or "a" or "an"))
            {
                // "The former Republican presidential candidate continued, saying ...", "Other Republican candidates have
                // followed, saying ...": a determiner or quantifier leads a description of up to six words.
                if ((Lexicon.Determiners.Contains(np[0].Text) || Lexicon.DescriptionQuantifiers.Contains(np[0].Text))
                    && np.Count < 6 && !Lexicon.SkipBeforeVerb.Contains(t.Text) && !t.Lower.EndsWith("ed", StringComparison.Ordinal)
                    && !Lexicon.FiniteMarkers.Contains(t.Text) && !Lexicon.BeForms.Contains(t.Text) && !Lexicon.ReportingVerbs.Contains(t.Text))
                {
                    np.Add(t);
                    continue;
                }

                break;
            }

            np.Add(t);
        }

        // "Vance's lawyer, Richard Stein, had asked ...": a name between the first two commas is the subject.
        var comma = -1;
        for (var k = start; k < Math.Min(tokens.Count, start + 9); k++)
        {
            if (tokens[k].Text == ",")
            {
                comma = k;
                break;
            }
        }

        // "The Liberal Democrats’ Cabinet Office spokesperson, Fergus Atterbury, ...": a role phrase with no verb in it,
        // then a name between commas.
        var roleBeforeComma = comma > start && tokens[comma - 1].IsWord && !tokens[comma - 1].IsCapitalised && !Lexicon.Pronouns.Contains(tokens[comma - 1].Text)
            && !Enumerable.Range(start, comma - start).Any(m => tokens[m].IsWord && !tokens[m].IsCapitalised
                && (Lexicon.BeForms.Contains(tokens[m].Text) || Lexicon.FiniteMarkers.Contains(tokens[m].Text) || Lexicon.ReportingVerbs.Contains(tokens[m].Text)
                    || Lexicon.ClauseBoundaries.Contains(tokens[m].Text) || (tokens[m].Lower.EndsWith("ed", StringComparison.Ordinal) && tokens[m].Lower.Length > 4)));
        var possessive = np.Count > 0 && ((start + np.Count < tokens.Count && tokens[start + np.Count].Text == "'s") || roleBeforeComma);
        if (possessive || (np.Count > 0 && comma > 0 && !np.Any(t => t.IsCapitalised && !Lexicon.CapitalisedFunctionWords.Contains(t.Text))))
        {
            var m = comma + 1;
            var name = new List<Token>();
            while (comma > 0 && m < tokens.Count && ((tokens[m].IsWord && tokens[m].IsCapitalised) || IsTitleDot(tokens, m)) && name.Count < 5)
            {
                if (tokens[m].Text != ".")
                {
                    name.Add(tokens[m]);
                }

                m++;
            }

            if (name.Count > 0 && m < tokens.Count && tokens[m].Text == ",")
            {
                return name;
            }
        }

        return np.Count == 0 ? null : np;
    }

    /// <summary>
    /// "Ruiz in her budget speech said", "Ortiz at a news conference said", "Bell during the hearing said": an occasion
    /// between a name and its verb is when, not who.
    /// </summary>
    private static bool OccasionAfterName(IReadOnlyList<Token> tokens, List<Token> subject, int subjectStart) =>
        subject.Count is >= 2 and <= 5 && subjectStart >= 2 && Lexicon.Determiners.Contains(subject[0].Text) && !subject[0].IsCapitalised
        && tokens[subjectStart - 1].Lower is "in" or "at" or "during" && tokens[subjectStart - 2].IsCapitalised && tokens[subjectStart - 2].IsWord
        && subject.Skip(1).All(t => t.IsWord && !t.IsCapitalised) && Lexicon.OccasionNouns.Contains(subject[^1].Text);

    /// <summary>
    /// The whole phrase "People in Dunmore" / "Many in the crowd" / "Most voters in Alabama, Georgia and Virginia" when the
    /// subject found is the place or crowd after "in" and a plural or a quantity of people stands before it; else null.
    /// </summary>
    private static List<Token>? PeopleBeforePlace(IReadOnlyList<Token> tokens, List<Token> subject, int subjectStart)
    {
        var words = subject.Where(t => t.Text != ".").Select(t => t.Text).ToList();
        var crowd = subject.Count is 2 or 3 && subject[0].Lower == "the" && subject.Skip(1).All(t => t.IsWord && !t.IsCapitalised);
        if (!crowd && !Gazetteer.IsPlace(words))
        {
            return null;
        }

        var s = subjectStart;
        while (s >= 3 && tokens[s - 1].Text is "," or "and" or "or" && tokens[s - 2].IsCapitalised)
        {
            var run = s - 2;
            while (run > 0 && tokens[run - 1].IsCapitalised)
            {
                run--;
            }

            if (!Gazetteer.IsPlace([.. tokens.Skip(run).Take(s - 1 - run).Select(t => t.Text)]))
            {
                break;
            }

            s = run; // "Alabama, Georgia and Virginia": a list of places
        }

        if (s < 2 || tokens[s - 1].Lower is not ("in" or "from" or "across") || !tokens[s - 2].IsWord
            || !(Lexicon.PeopleQuantities.Contains(tokens[s - 2].Text) || (Lexicon.IsPlural(tokens[s - 2]) && !Gazetteer.IsPlace([tokens[s - 2].Text]))))
        {
            return null;
        }

        var head = CollectBackward(tokens, s - 2);
        var start = head.Count == 0 ? -1 : IndexOf(tokens, head[0], s - 2);
        if (start < 0 || Enumerable.Range(start, s - 1 - start).Any(m => tokens[m].Text is "'s" or "’s" || (m > start && tokens[m].IsCapitalised)))
        {
            return null; // "Ruiz's supporters in Ohio", "Republican voters in Ohio": a name inside would be taken for the speaker
        }

        return [.. tokens.Skip(start).Take(subjectStart + subject.Count - start)];
    }

    private static bool StateAfterTown(IReadOnlyList<Token> tokens, List<Token> subject, int subjectStart) =>
        subjectStart >= 3 && tokens[subjectStart - 1].Text == "," && tokens[subjectStart - 2].IsCapitalised
        && tokens[subjectStart - 3].IsWord && !tokens[subjectStart - 3].IsCapitalised && tokens[subjectStart - 3].Lower is "of" or "from" or "in"
        && IsPlaceBetween(subject, 0, subject.Count);

    /// <summary>
    /// Whether the tokens from <paramref name="start"/> up to <paramref name="end"/> name a place, a full stop read as
    /// part of the word before it: "Nev." as news writes a state after a town ("of Reno, Nev., said").
    /// </summary>
    private static bool IsPlaceBetween(IReadOnlyList<Token> tokens, int start, int end)
    {
        var words = new List<string>(end - start);
        for (var k = start; k < end; k++)
        {
            if (tokens[k].Text == "." && words.Count > 0 && k > start && tokens[k - 1].IsWord)
            {
                words[^1] += ".";
            }
            else
            {
                words.Add(tokens[k].Text);
            }
        }

        return Gazetteer.IsPlace(words);
    }

    /// <summary>"Earlier this week, ...", "Last Thursday, ...", "Late Monday night, ...": a short time phrase opens the sentence.</summary>
    private static bool OpeningTimePhrase(IReadOnlyList<Token> tokens, int start, int comma) =>
        comma - start is >= 1 and <= 4 && tokens.Skip(start).Take(comma - start).All(t => t.IsWord || t.Kind == TokenKind.Number || t.Text == ".")
        && (Lexicon.Weekdays.Contains(tokens[comma - 1].Text) || Lexicon.TimeNouns.Contains(tokens[comma - 1].Text)
            || (tokens[comma - 1].Kind == TokenKind.Number && Lexicon.MonthSet.Contains(tokens[comma - 2].Text)))
        && tokens.Skip(start).Take(comma - start).All(t => !t.IsWord || Lexicon.TimeWords.Contains(t.Text) || Lexicon.Weekdays.Contains(t.Text)
            || Lexicon.TimeNouns.Contains(t.Text) || Lexicon.MonthSet.Contains(t.Text));

    /// <summary>
    /// "Citing the storm as a warning, Ruiz urged ...", "Responding to the audit, the board said ...": a participle opens the
    /// sentence; its subject comes after the comma. A first name ("Sterling Ruiz") or a verb after the word rules it out.
    /// </summary>
    private static bool OpeningParticiple(IReadOnlyList<Token> tokens, int start) =>
        start + 1 < tokens.Count && tokens[start].IsWord && tokens[start].IsCapitalised && tokens[start].Lower.EndsWith("ing", StringComparison.Ordinal)
        && tokens[start].Text.Length > 5 && tokens[start].Lower != "according" && !Lexicon.IsFirstName(tokens[start].Text) && tokens[start + 1].IsWord && !tokens[start + 1].IsCapitalised
        && !Lexicon.ReportingVerbs.Contains(tokens[start + 1].Text) && !Lexicon.FiniteMarkers.Contains(tokens[start + 1].Text) && !Lexicon.BeForms.Contains(tokens[start + 1].Text);

    /// <summary>
    /// "At a rally in Dover, Delaware, on Friday, Ruiz ...": the state after the town, and a time phrase, still belong to
    /// the opening adverbial. The index where the subject starts.
    /// </summary>
    private static int PastPlaceAndTimeSegments(IReadOnlyList<Token> tokens, int start)
    {
        for (var hops = 0; hops < 2; hops++)
        {
            var comma = start;
            while (comma < tokens.Count && comma - start <= 4 && tokens[comma].Text != ",")
            {
                comma++;
            }

            if (comma >= tokens.Count || tokens[comma].Text != "," || comma == start)
            {
                return start;
            }

            var words = tokens.Skip(start).Take(comma - start).Where(t => t.Text != ".").Select(t => t.Text).ToList();
            var time = comma - start <= 3 && (tokens[start].Lower is "on" or "last" or "this" || Lexicon.Weekdays.Contains(tokens[start].Text))
                && (Lexicon.Weekdays.Contains(tokens[comma - 1].Text) || tokens[comma - 1].Lower is "week" or "month" or "night" or "morning" or "afternoon" or "evening");
            if (!Gazetteer.IsPlace(words) && !time)
            {
                return start;
            }

            start = comma + 1;
        }

        return start;
    }

    /// <summary>
    /// An adverb opening a sentence before its subject ("Then", "Instead", "Shortly", "Even"): a word that stands before
    /// verbs, or an "-ly" word, that is no name.
    /// </summary>
    private static bool SentenceAdverb(Token t) =>
        t.IsWord && (Lexicon.SkipBeforeVerb.Contains(t.Text) || Lexicon.SentenceAdverbs.Contains(t.Text)
            || (t.Lower.EndsWith("ly", StringComparison.Ordinal) && t.Text.Length > 4 && !NounsEndingInLy.Contains(t.Text) && !Lexicon.IsFirstName(t.Text)));

    /// <summary>
    /// "Conservative columnist and Fox News contributor George Will", "Band member Anthony Kiedis": lower-case role
    /// words (any, not only titles) and capitalised ones run on to a given name before any verb.
    /// </summary>
    private static bool RoleRunBeforeGivenName(IReadOnlyList<Token> tokens, int k)
    {
        for (var m = k; m < Math.Min(tokens.Count, k + 8); m++)
        {
            var t = tokens[m];
            if (!t.IsWord)
            {
                return false;
            }

            if (t.IsCapitalised)
            {
                if (Lexicon.IsFirstName(t.Text) && m + 1 < tokens.Count && tokens[m + 1].IsCapitalised)
                {
                    return true;
                }

                continue;
            }

            if (t.Lower == "and")
            {
                continue;
            }

            if (IsVerbLike(t) || Lexicon.SkipBeforeVerb.Contains(t.Text) || Lexicon.ClauseBoundaries.Contains(t.Text) || t.Lower.EndsWith("ly", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>From <paramref name="k"/>, lower-case title words (joined by "and") run up to a capitalised name.</summary>
    private static bool TitleRunBeforeName(IReadOnlyList<Token> tokens, int k)
    {
        for (var m = k; m < Math.Min(tokens.Count, k + 5); m++)
        {
            if (tokens[m].IsCapitalised)
            {
                return m > k || !Lexicon.CapitalisedFunctionWords.Contains(tokens[m].Text);
            }

            if (!(tokens[m].IsWord && (Lexicon.TitleWords.Contains(tokens[m].Text) || Lexicon.IsAnyRoleNoun(tokens[m].Text) || tokens[m].Lower == "and")))
            {
                return false;
            }
        }

        return false;
    }

    private static readonly HashSet<string> AmbiguousNounForms = new(
        ["claims", "notes", "states", "estimates", "reports", "forecast", "posts", "comments", "projects", "maintains", "adds", "tells", "argues", "warns", "remarks", "answers", "replies", "counters"],
        StringComparer.OrdinalIgnoreCase);
    /// <summary>
    /// "Macron and Merz said", "Ms Patel and Mr Okoye told reporters": two named people speaking together are one
    /// speaker, the pair; the "and" would otherwise end the subject and give the words to the second alone.
    /// </summary>
    private (Speaker Speaker, int SubjectStart)? JointSpeaker(IReadOnlyList<Token> tokens, List<Token> subject, int subjectStart, long position)
    {
        // ("former senator Paul Dunn (R)": a role in lower case may lead either name.)
        if (subjectStart < 2 || tokens[subjectStart - 1].Lower != "and" || !subject.Exists(t => t.IsCapitalised))
        {
            return null;
        }

        var first = CollectBackward(tokens, subjectStart - 2);
        if (first.Count == 0 || !first.Exists(t => t.IsCapitalised) || _resolver.Pair(first, subject, position) is not { } pair)
        {
            return null;
        }

        return (pair, IndexOf(tokens, first[0], subjectStart - 2));
    }
}
