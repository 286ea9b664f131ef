using StoryEngine;

namespace StoryFacts;

/// <summary>A name found in the frame of a sentence (outside quotations).</summary>
internal sealed record NameMention(ParagraphModel Paragraph, int SentenceIndex, int TokenStart, int TokenEnd, Entity Entity)
{
    public long Position => NameFinder.Position(Paragraph, Paragraph.Sentences[SentenceIndex][TokenStart]);
}

/// <summary>
/// Finds capitalised name sequences and the roles that introduce them ("Vice President X", "Trump's envoy, X",
/// "X, a consumer analyst at Y") and files them in an <see cref="EntityRegistry"/>.
/// </summary>
internal static class NameFinder
{
    private static readonly HashSet<string> Connectors = new(["of", "for", "and", "de", "van", "von", "bin", "al", "la", "le", "du", "da", "on", "ten", "ter", "di", "del", "della", "dos", "das", "der", "den"], StringComparer.Ordinal);

    private static readonly HashSet<string> NameParticles = new(["van", "von", "de", "di", "da", "del", "della", "dos", "das", "du", "der", "den", "ter", "ten", "la", "le", "y", "bin", "binti", "ibn", "al"], StringComparer.Ordinal);

    /// <summary>
    /// Two lower-case particles between capitalised words ("van der", "de la", "von der"), or one after a capitalised
    /// particle ("Van der" at the start of a sentence).
    /// </summary>
    private static bool IsParticleGap(IReadOnlyList<Token> tokens, int gapStart, int gapEnd)
    {
        bool Particle(int k) => !tokens[k].IsCapitalised && NameParticles.Contains(tokens[k].Text);
        return (gapEnd - gapStart) switch
        {
            2 => Particle(gapStart) && Particle(gapStart + 1) && tokens[gapStart].Text is not ("y" or "al" or "le" or "la"),
            1 => gapStart > 0 && Particle(gapStart) && tokens[gapStart - 1].Text is "Van" or "Von" or "De" or "Di" or "Da" or "Del" or "Dos" or "Ter" or "Ten",
            _ => false,
        };
    }

    /// <summary>
    /// "MEC for Human Settlements Tasneem Motara", "Minister for Trade Don Farrell": after a title's "for"/"of"
    /// portfolio of more than two words, the last two words are the person's name unless they name a body.
    /// </summary>
    public static List<string> PersonAfterPortfolio(List<string> name)
    {
        if (name.Count > 3 && name[0] is "for" or "of" && !name.Skip(name.Count - 2).Any(w => Lexicon.IsOrganisationWord(w) || Lexicon.PlaceWords.Contains(w) || Connectors.Contains(w)))
        {
            return name.Skip(name.Count - 2).ToList();
        }

        // "Commissioner for Human Rights": a portfolio alone names no one.
        return name.Count > 0 && name[0] is "for" or "of" ? [] : name;
    }

    private static bool HasSurnameParticles(IReadOnlyList<Token> words)
    {
        if (words.Count < 3 || !words[0].IsCapitalised || !words[^1].IsCapitalised)
        {
            return false;
        }

        var inner = words.Skip(1).Take(words.Count - 2).Where(w => !w.IsCapitalised).ToList();
        return inner.Count > 0 && inner.All(w => NameParticles.Contains(w.Text))
            && (inner.Count >= 2 || inner[0].Text is "van" or "von" or "der" or "den" or "ter" or "ten" or "bin" or "binti" or "ibn" or "de" or "di" or "da" or "du" or "del" or "della" or "dos" or "das");
    }

    public static List<NameMention> Collect(IReadOnlyList<ParagraphModel> paragraphs, EntityRegistry registry)
    {
        var mentions = new List<NameMention>();
        var (lowerWords, capitalisedInside) = StoryVocabulary(paragraphs);
        // Two passes: titled and appositive names first, so that bare surnames later resolve to them.
        foreach (var pass in new[] { 0, 1 })
        {
            // The title line is a headline even when it is not title-cased: "Ten-man Carrow hold on" is no person.
            foreach (var p in paragraphs.Where(p => !p.Headline && !p.IsTitleLabel(paragraphs.Count)))
            {
                for (var s = 0; s < p.Sentences.Count; s++)
                {
                    var tokens = p.Sentences[s];
                    if (IsLabelLine(tokens))
                    {
                        continue;
                    }

                    foreach (var (runStart, end) in Runs(tokens))
                    {
                        // "Does Rubio ...?", "Outside Carrier's plant ...": a word capitalised only because it opens the
                        // sentence, which the story writes in lower case elsewhere and never capitalises inside a sentence.
                        var start = runStart == 0 && end - runStart >= 2 && tokens[0].IsWord && lowerWords.Contains(tokens[0].Lower) && !capitalisedInside.Contains(tokens[0].Text)
                            && !Lexicon.IsFirstName(tokens[0].Text) && !Lexicon.TitleWords.Contains(tokens[0].Text) && !Lexicon.IsOrganisationWord(tokens[0].Text)
                            && !Lexicon.IsAnyRoleNoun(tokens[0].Text) && Gazetteer.Find(tokens[0].Text) is null
                            ? 1
                            : runStart;
                        var entity = Classify(p, tokens, start, end, pass, registry);
                        if (pass == 1 && entity is not null)
                        {
                            mentions.Add(new NameMention(p, s, start, end, entity));
                        }
                    }
                }
            }
        }

        return mentions;
    }

    /// <summary>The story's words written in lower case, and its words capitalised inside a sentence (not first).</summary>
    private static (HashSet<string> Lower, HashSet<string> CapitalisedInside) StoryVocabulary(IReadOnlyList<ParagraphModel> paragraphs)
    {
        var lower = new HashSet<string>(StringComparer.Ordinal);
        var capitalised = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in paragraphs.Where(p => !p.Headline).SelectMany(p => p.Sentences))
        {
            for (var k = 0; k < sentence.Count; k++)
            {
                var t = sentence[k];
                if (!t.IsWord)
                {
                    continue;
                }

                if (!t.IsCapitalised)
                {
                    lower.Add(t.Text);
                }
                else if (k > 0 && sentence[k - 1].Kind != TokenKind.Quote && sentence[k - 1].Text is not ("\"" or "“" or "(" or ":" or "—" or "-"))
                {
                    capitalised.Add(t.Text);
                }
            }
        }

        return (lower, capitalised);
    }

    /// <summary>"ABSTRACT.", "FULL TEXT.": a section label of archive text in capitals, no sentence and no name.</summary>
    private static bool IsLabelLine(IReadOnlyList<Token> tokens) =>
        tokens.Count is > 0 and <= 4 && tokens.All(t => !t.IsWord || (t.Text.Length > 1 && t.Text.All(c => char.IsUpper(c) || c == '-')))
        && tokens.Count(t => t.IsWord) is >= 1 and <= 3 && tokens.All(t => t.IsWord || t.Text is "." or ":");

    private static readonly HashSet<string> TimeZones = new(["GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "PST", "PDT", "CST", "CDT", "AM", "PM", "IST", "JST", "AEST"], StringComparer.Ordinal);

    /// <summary>
    /// A weekday or month word at <paramref name="k"/> of a capitalised run, unless it is a name there: a given name
    /// before a surname ("Jan Brewer") or a surname after a given name ("Theresa May").
    /// </summary>
    private static bool IsDateWord(IReadOnlyList<string> run, int k)
    {
        var word = run[k];
        if (k >= 1 && k == run.Count - 1 && word is "Day" or "Eve" && !Lexicon.IsFirstName(run[k - 1]))
        {
            // "Election Day", "Christmas Eve", "Memorial Day" name a day ("Doris Day" is a person).
            return true;
        }

        if (!Lexicon.Weekdays.Contains(word) && !Lexicon.MonthSet.Contains(word))
        {
            return false;
        }

        var givenName = k == 0 && run.Count >= 2 && Lexicon.IsFirstName(word) && !Lexicon.MonthSet.Contains(run[1]) && !Lexicon.Weekdays.Contains(run[1]);
        var surname = k > 0 && k == run.Count - 1 && Lexicon.IsFirstName(run[k - 1]) && !Lexicon.MonthSet.Contains(run[k - 1]);
        return !givenName && !surname;
    }

    /// <summary>
    /// "Senate Minority Whip Richard Durbin", "Justice Department spokeswoman Ann Ruiz": in a run of three or more words,
    /// where a known given name starts a two- or three-word name after a role that holds a body's, a title's or a role's
    /// word; -1 when there is none.
    /// </summary>
    private static int FirstNameAfterRole(List<string> run)
    {
        for (var k = 1; k < run.Count - 1; k++)
        {
            if (!Lexicon.IsFirstName(run[k]) || run.Count - k is < 2 or > 3)
            {
                continue;
            }

            var roleWords = run.Take(k).Any(w => Lexicon.IsOrganisationWord(w) || Lexicon.TitleWords.Contains(w) || Lexicon.IsAnyRoleNoun(w));
            var nameWords = run.Skip(k).All(w => !Lexicon.IsOrganisationWord(w) && !Lexicon.TitleWords.Contains(w) && !Lexicon.PlaceWords.Contains(w));
            return roleWords && nameWords ? k : -1;
        }

        return -1;
    }

    public static bool IsNameToken(Token t) =>
        t.IsCapitalised && !(t.Text.Length > 2 && t.Text.All(char.IsUpper) && !t.Text.Contains('.'));

    public static bool IsAcronym(Token t) => t.IsWord && t.Text.Length >= 2 && t.Text.All(c => char.IsUpper(c) || c == '.');

    /// <summary>Maximal runs of capitalised words, joined over "of"/"for"/"and" when an organisation or title word asks for it.</summary>
    public static List<(int Start, int End)> Runs(IReadOnlyList<Token> tokens)
    {
        var basic = new List<(int Start, int End)>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (tokens[i].IsCapitalised)
            {
                var j = i;
                while (j < tokens.Count && tokens[j].IsCapitalised)
                {
                    j++;
                }

                basic.Add((i, j));
                i = j;
            }
            else
            {
                i++;
            }
        }

        var merged = new List<(int Start, int End)>();
        foreach (var run in basic)
        {
            if (merged.Count > 0)
            {
                var last = merged[^1];
                // "Tomas de la Cruz", "Ilse van der Meer", and "Van der Meer" opening a sentence: surname particles.
                if (run.End - run.Start <= 2 && IsParticleGap(tokens, last.End, run.Start))
                {
                    merged[^1] = (last.Start, run.End);
                    continue;
                }

                if (run.Start == last.End + 1 && tokens[last.End].Text == "'s" && IsPossessiveName(tokens, last, run))
                {
                    // "The King's Fund", "the Prince's Trust": an organisation whose name has a possessive inside.
                    merged[^1] = (last.Start, run.End);
                    continue;
                }

                if (run.Start == last.End + 2 && tokens[last.End].Lower is "for" or "of" && tokens[last.End + 1].Lower == "the" && Lexicon.IsOrganisationWord(tokens[last.End - 1].Text))
                {
                    // "Office for the Coordination of ...", "Ministry of the Interior": "the" inside an organisation's name.
                    merged[^1] = (last.Start, run.End);
                    continue;
                }

                if (run.Start == last.End + 1 && Connectors.Contains(tokens[last.End].Text))
                {
                    var connector = tokens[last.End].Text;
                    var leftLast = tokens[last.End - 1];
                    var rightHasOrg = Enumerable.Range(run.Start, run.End - run.Start).Any(k => Lexicon.IsOrganisationWord(tokens[k].Text));
                    var leftHasOrg = Enumerable.Range(last.Start, last.End - last.Start).Any(k => Lexicon.IsOrganisationWord(tokens[k].Text));
                    var join = connector is "and"
                        ? (rightHasOrg && !leftHasOrg)
                          // "Department of Health and Social Care": a short tail after an organisation is part of its name.
                          || (leftHasOrg && Enumerable.Range(last.Start, last.End - last.Start).Any(k => tokens[k].Lower is "of" or "for")
                              && run.End - run.Start <= 2 && !Lexicon.MaleFirstNames.Contains(tokens[run.Start].Text) && !Lexicon.FemaleFirstNames.Contains(tokens[run.Start].Text))
                        : Lexicon.IsOrganisationWord(leftLast.Text) || Lexicon.TitleWords.Contains(leftLast.Text)
                          || (connector == "of" && leftHasOrg && run.End - run.Start <= 3)
                          || (connector is not ("of" or "for" or "on") && run.End - run.Start == 1);
                    if (join)
                    {
                        merged[^1] = (last.Start, run.End);
                        continue;
                    }
                }
            }

            merged.Add(run);
        }

        // Drop sentence-opening function words ("In Ludlow", "The Environment Agency").
        var result = new List<(int Start, int End)>();
        foreach (var (start, end) in merged)
        {
            var s = start;
            // "New" opens "New Hampshire Democrat": a function word that begins a place's name stays.
            while (s < end && Lexicon.CapitalisedFunctionWords.Contains(tokens[s].Text) && !(s + 1 < end && Lexicon.TitleWords.Contains(tokens[s].Text) && tokens[s].Text.Length > 3)
                   && !(s + 1 < end && Gazetteer.Find([tokens[s].Text, tokens[s + 1].Text]) is { IsDemonym: false }))
            {
                s++;
            }

            if (s < end)
            {
                result.Add((s, end));
            }
        }

        return result;
    }

    /// <summary>
    /// "the King's Fund", "The Children's Society": after "the", one or two capitalised words, "'s", and a short run with
    /// an organisation word. "Britain's Labour Party" (a place) and "the BBC's News team" (an acronym) stay apart.
    /// </summary>
    private static bool IsPossessiveName(IReadOnlyList<Token> tokens, (int Start, int End) left, (int Start, int End) right)
    {
        var leftStart = tokens[left.Start].Text == "The" ? left.Start + 1 : left.Start;
        var afterThe = tokens[left.Start].Text == "The" || (left.Start > 0 && tokens[left.Start - 1].Lower == "the");
        var leftWords = tokens.Skip(leftStart).Take(left.End - leftStart).Select(t => t.Text).ToList();
        return afterThe && leftWords.Count is 1 or 2 && !tokens.Skip(leftStart).Take(left.End - leftStart).Any(IsAcronym) && Gazetteer.Find(leftWords) is null
            && right.End - right.Start <= 3 && Enumerable.Range(right.Start, right.End - right.Start).Any(k => Lexicon.IsOrganisationWord(tokens[k].Text));
    }

    /// <summary>
    /// Where a title with a listed portfolio starts ("Minister of Housing, Infrastructure and ..."), when the name run at
    /// <paramref name="start"/> follows the list's "and" or comma; -1 otherwise.
    /// </summary>
    public static int PortfolioStart(IReadOnlyList<Token> tokens, int start)
    {
        if (start < 4 || tokens[start - 1].Text is not ("and" or ",") || !tokens[start - 2].IsCapitalised)
        {
            return -1;
        }

        for (var m = start - 2; m >= 1 && start - m <= 14; m--)
        {
            var t = tokens[m];
            if (t.Lower is "of" or "for" && !t.IsCapitalised)
            {
                return tokens[m - 1].IsWord && Lexicon.TitleWords.Contains(tokens[m - 1].Text) && tokens[m - 1].IsCapitalised ? m - 1 : -1;
            }

            if (!(t.IsCapitalised || t.Text == "," || t.Lower == "and"))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The words of a name, with a possessive kept on its word ("King's", "Fund").</summary>
    public static List<string> Texts(IEnumerable<Token> words)
    {
        var texts = new List<string>();
        foreach (var w in words)
        {
            if (w.Text == "'s" && texts.Count > 0)
            {
                texts[^1] += "'s";
            }
            else
            {
                texts.Add(w.Text);
            }
        }

        return texts;
    }

    private static Entity? Classify(ParagraphModel p, IReadOnlyList<Token> tokens, int start, int end, int pass, EntityRegistry registry)
    {
        var sentence = p.SentenceAt(tokens[start].Start);
        var words = tokens.Skip(start).Take(end - start).ToList();
        while (words.Count > 1 && Lexicon.PostNominals.Contains(words[^1].Text))
        {
            words.RemoveAt(words.Count - 1);
        }

        var texts = Texts(words);
        var portfolio = PortfolioStart(tokens, start);
        if (portfolio >= 0 && words.Count >= 3 && texts.Count == words.Count)
        {
            // "Minister of Housing, Infrastructure and Communities Geneviève Thibodeau": the last portfolio word and the
            // name run together; the name is the last two words, the role the title with its portfolio.
            var person = registry.AddPerson(texts.Skip(texts.Count - 2).ToList(), sentence);
            person.AddRole(Join(tokens.Skip(portfolio).Take(end - portfolio - 2)), sentence);
            return person;
        }

        // Title before a name: "U.S. President Donald Trump", "Republican House Speaker Mike Johnson".
        var lastTitle = -1;
        for (var k = 0; k < words.Count - 1 && texts.Count == words.Count; k++)
        {
            if (Lexicon.TitleWords.Contains(words[k].Text))
            {
                lastTitle = k;
            }
        }

        if (lastTitle < 0 && words.Count >= 3 && texts.Count == words.Count && Lexicon.OtherRoleNouns.Contains(texts[0])
            && !Lexicon.IsFirstName(texts[0]) && Lexicon.IsFirstName(texts[1]))
        {
            // "Forecaster Alex Deakin": a role that is no title, capitalised because it opens the sentence, before a given name.
            lastTitle = 0;
        }

        if (lastTitle < 0 && words.Count >= 3 && texts.Count == words.Count && FirstNameAfterRole(texts) is var given and > 0)
        {
            // "Senate Minority Whip Richard Durbin": a role led by a body's name, with no listed title word in it.
            lastTitle = given - 1;
        }

        var name = lastTitle >= 0 ? PersonAfterPortfolio(texts.Skip(lastTitle + 1).ToList()) : texts;
        // After a title, a surname that is also a place word ("Mayor Jo Park") is still a name.
        var nameLooksPersonal = name.Count is >= 1 and <= 4
            && name.Select((n, k) => (n, k)).All(x => !Lexicon.IsOrganisationWord(x.n) && (!Lexicon.TitleWords.Contains(x.n) || IsTitleWordSurname(name, x.k)) && (lastTitle >= 0 || !Lexicon.PlaceWords.Contains(x.n)) && !IsDateWord(name, x.k))
            && !IsAcronym(words[^1]) && !Lexicon.PartyNouns.Contains(name[^1])
            // "Rep. Ann Corso of Ohio, a lawyer,": the role after the comma is the person's, not the place's.
            && !(lastTitle < 0 && start > 0 && tokens[start - 1].Lower is "of" or "from" or "in" && Gazetteer.IsPlace(name));

        var rolePrefix = lastTitle >= 0 ? string.Join(' ', texts.Take(lastTitle + 1)) : null;
        var before = RoleBefore(tokens, start);
        if (before is not null)
        {
            rolePrefix = rolePrefix is null ? before : before + " " + rolePrefix;
        }

        var apposition = AppositionRole(tokens, start, end);

        if (nameLooksPersonal && (lastTitle >= 0 || before is not null || apposition is not null))
        {
            var person = registry.AddPerson(name, sentence);
            if (rolePrefix is not null)
            {
                person.AddRole(rolePrefix, sentence);
            }

            if (apposition is not null)
            {
                person.AddRole(apposition, sentence);
            }

            return person;
        }

        if (pass == 0)
        {
            return null;
        }

        if (texts.Where((_, k) => IsDateWord(texts, k)).Any() || texts.Any(TimeZones.Contains))
        {
            return null;
        }

        var place = Gazetteer.Find(texts);
        if (place is not null)
        {
            // "Jordan" may be the first name of someone the story has named; a known person wins.
            var named = texts.Count == 1 ? registry.FindPerson(texts) : null;
            return named ?? registry.AddNonPerson(EntityKind.Place, place.Name.Split(' '), sentence);
        }

        // "Shares of X", "shares in X", "X shares": only companies have shares.
        var sharesBefore = start >= 2 && tokens[start - 1].Lower is "of" or "in" && tokens[start - 2].Lower is "shares" or "stock" or "stake";
        var sharesAfter = end < tokens.Count && tokens[end].Lower is "shares" or "stock";
        if (texts.Any(t => Lexicon.IsOrganisationWord(t)) || (words.Count == 1 && IsAcronym(words[0]) && !words[0].Text.Contains('.'))
            || ((sharesBefore || sharesAfter) && registry.FindPerson(texts) is null))
        {
            return registry.FindPerson(texts) ?? registry.AddNonPerson(EntityKind.Organisation, texts, sentence);
        }

        var known = registry.FindPerson(texts);
        if (known is not null)
        {
            if (texts.Count > 1)
            {
                known.Offer(texts);
            }

            return known;
        }

        var organisation = registry.FindOrganisation(texts);
        if (organisation is not null)
        {
            return organisation;
        }

        if (texts.Where((_, k) => IsDateWord(texts, k)).Any() || texts.Any(TimeZones.Contains))
        {
            return null;
        }

        var previous = start > 0 ? tokens[start - 1].Lower : string.Empty;
        if (previous is "of" or "at" && start >= 2 && tokens[start - 2].IsWord && !tokens[start - 2].IsCapitalised && Lexicon.EmployerRoles.Contains(tokens[start - 2].Text)
            && !(Lexicon.MaleFirstNames.Contains(texts[0]) || Lexicon.FemaleFirstNames.Contains(texts[0])))
        {
            // "the co-founder of Fungal Works", "an analyst at Brook Capital": people work for organisations.
            return registry.AddNonPerson(EntityKind.Organisation, texts, sentence);
        }

        var knownFirstName = texts.Count is 2 or 3 && (Lexicon.MaleFirstNames.Contains(texts[0]) || Lexicon.FemaleFirstNames.Contains(texts[0]));
        if (nameLooksPersonal && knownFirstName && words.All(IsNameToken))
        {
            // "two goals from Sam Okafor": a first name outweighs the preposition that usually introduces a place.
            return registry.AddPerson(texts, sentence);
        }

        if (nameLooksPersonal && HasSurnameParticles(words))
        {
            // "Ilse van der Meer", "Tomas de la Cruz", "Aziz bin Osman": Dutch, Spanish and Malay surname particles name people.
            return registry.AddPerson(texts, sentence);
        }

        if (texts.Any(t => Lexicon.PlaceWords.Contains(t)) || previous is "in" or "at" or "near" or "from" or "across" or "to" or "into" or "outside" or "towards")
        {
            return registry.AddNonPerson(EntityKind.Place, texts, sentence);
        }

        if (nameLooksPersonal && start > 0 && tokens[start - 1].IsWord && !tokens[start - 1].IsCapitalised && OrganisationHeads.Contains(tokens[start - 1].Text))
        {
            // "the transparency campaign group Open Ledger", "the charity Safe Harbour": a name after the kind of body it is.
            return registry.AddNonPerson(EntityKind.Organisation, texts, sentence);
        }

        if (nameLooksPersonal && texts.Count == 3 && previous is "for" or "of" && Gazetteer.Find(texts[0]) is { IsDemonym: false } && Gazetteer.Find(texts[1]) is null && words.All(IsNameToken))
        {
            // "U.S. special envoy for Sudan Warren Tallis": the portfolio's place runs into the name.
            return registry.AddPerson(texts.Skip(1).ToList(), sentence);
        }

        if (nameLooksPersonal && texts.Count is >= 2 and <= 3 && !IsNationality(texts[0]) && words.All(IsNameToken))
        {
            if (previous == "the")
            {
                // "the Lumora One", "the Golden Gate": a person's name takes no "the" of its own; after "of the" the
                // phrase is a body ("Sgt X of the Royal Welsh"), otherwise a thing.
                return start >= 2 && tokens[start - 2].Lower is "of" or "for" or "with" or "from" or "at"
                    ? registry.AddNonPerson(EntityKind.Organisation, texts, sentence)
                    : null;
            }

            return registry.AddPerson(texts, sentence);
        }

        return null;
    }

    /// <summary>
    /// "Dale King", "Norma Jane Justice", "Billie Jean King": a title that is also a common surname
    /// (<see cref="Lexicon.SurnameTitles"/>) closing a name is a surname when every word before it reads as a given name
    /// (no title, role, organisation, place, nationality or function word, no "-ing" word). An office ("Publicity
    /// Secretary", "Assistant Managing Editor") stays a role.
    /// </summary>
    private static bool IsTitleWordSurname(IReadOnlyList<string> name, int k) =>
        k == name.Count - 1 && name.Count >= 2 && Lexicon.SurnameTitles.Contains(name[k])
        && name.Take(name.Count - 1).All(n => !Lexicon.TitleWords.Contains(n) && !Lexicon.IsOrganisationWord(n) && Gazetteer.Find(n) is null && !IsNationality(n)
            && !Lexicon.OtherRoleNouns.Contains(n) && !Lexicon.ServingRoles.Contains(n) && !Lexicon.EmployerRoles.Contains(n)
            && !Lexicon.CapitalisedFunctionWords.Contains(n) && !n.EndsWith("ing", StringComparison.OrdinalIgnoreCase));

    /// <summary>Lower-case titles right before a name: "City manager X", "Chief executive X", "Finance director X".</summary>
    private static string? RoleBefore(IReadOnlyList<Token> tokens, int start)
    {
        var k = start - 1;
        var parts = new List<string>();
        var sawTitle = false;
        while (k >= 0 && parts.Count < 5)
        {
            var t = tokens[k];
            if (t.Text == "." && k >= 1 && tokens[k - 1].IsWord && AbbreviatedOffices.Contains(tokens[k - 1].Text))
            {
                // "Sen. Elizabeth Warren", "Gov. Jay Inslee": an office abbreviated with its full stop.
                sawTitle = true;
                parts.Insert(0, tokens[k - 1].Text + ".");
                k -= 2;
                continue;
            }

            if (t.IsWord && Lexicon.TitleWords.Contains(t.Text) && (!t.IsCapitalised || Honorifics.Contains(t.Text)))
            {
                sawTitle = true;
                parts.Insert(0, t.Text);
            }
            else if (sawTitle && t.IsWord && (t.IsCapitalised || Lexicon.TitleWords.Contains(t.Text) || t.Lower is "fire" or "finance" or "foreign" or "health" or "economy" or "defence" or "defense" or "home" or "interior" or "justice" or "head" or "assistant" or "regional" or "senior" or "former" or "acting" or "interim" or "club" or "team"))
            {
                parts.Insert(0, t.Text);
            }
            else
            {
                break;
            }

            k--;
        }

        return sawTitle ? string.Join(' ', parts) : null;
    }

    /// <summary>"Trump's Middle East envoy, Steve Witkoff" or "Karen Doyle, the union's regional organiser".</summary>
    private static string? AppositionRole(IReadOnlyList<Token> tokens, int start, int end)
    {
        if (start >= 2 && tokens[start - 1].Text == "," && (end >= tokens.Count || tokens[end].Text is "," or "." or ";" || tokens[end].Kind == TokenKind.Quote))
        {
            var k = start - 2;
            var parts = new List<Token>();
            while (k >= 0 && parts.Count < 8 && (tokens[k].IsWord || tokens[k].Text == "'s" || tokens[k].Kind == TokenKind.Number)
                   && !Lexicon.ClauseBoundaries.Contains(tokens[k].Text) && tokens[k].Lower is not ("from" or "of" or "for" or "by" or "with"))
            {
                parts.Insert(0, tokens[k]);
                k--;
            }

            if (parts.Count > 0 && parts[^1].IsWord && Lexicon.RoleNouns.Contains(parts[^1].Text) && !parts[^1].IsCapitalised)
            {
                return Join(parts);
            }
        }

        if (end + 1 < tokens.Count && tokens[end].Text == ",")
        {
            var k = end + 1;
            while (k < tokens.Count && tokens[k].Kind == TokenKind.Number)
            {
                k += 2; // "X, 67, a ..." skips the age
            }

            // "X, director of the al-Karama Medical Complex, told ...": an article-less role right after the comma.
            var bareRole = k < tokens.Count && tokens[k].IsWord && !tokens[k].IsCapitalised && Lexicon.RoleNouns.Contains(tokens[k].Text);
            if (k < tokens.Count && tokens[k].Lower is "a" or "an" or "the" or "its" or "their" or "his" or "her" || (k < tokens.Count && tokens[k].IsCapitalised && k + 1 < tokens.Count && tokens[k + 1].Text == "'s") || bareRole)
            {
                var parts = new List<Token>();
                var m = k;
                while (m < tokens.Count && tokens[m].Text is not ("," or "." or ";" or ":") && tokens[m].Kind != TokenKind.Quote && parts.Count < 10)
                {
                    if (tokens[m].Lower is "who" or "which" or "whose")
                    {
                        break;
                    }

                    if (tokens[m].IsWord && !tokens[m].IsCapitalised && (Lexicon.ReportingVerbs.Contains(tokens[m].Text) || Lexicon.FiniteMarkers.Contains(tokens[m].Text)))
                    {
                        // "before boarding Marine One, the president said ...": the phrase is the next clause's subject,
                        // not an apposition to the name before the comma.
                        return null;
                    }

                    parts.Add(tokens[m]);
                    m++;
                }

                var headIndex = parts.FindIndex(t => t.IsWord && !t.IsCapitalised && Lexicon.RoleNouns.Contains(t.Text));
                if (headIndex > 0 || (bareRole && headIndex == 0))
                {
                    return Join(parts);
                }
            }
        }

        return null;
    }

    public static string Join(IEnumerable<Token> tokens)
    {
        var sb = new System.Text.StringBuilder();
        Token? previous = null;
        foreach (var t in tokens)
        {
            if (previous is not null && t.Start > previous.End)
            {
                sb.Append(' ');
            }

            sb.Append(t.Kind == TokenKind.Punct && t.Text == "'s" ? "'s" : t.Text);
            previous = t;
        }

        return sb.ToString();
    }

    // "Israeli", "Palestinian", "Chinese", "British": adjectives, not first names.
    // The gazetteer's demonyms, so that first names such as "Adrian" or "Damian" are not taken for nationalities.
    public static bool IsNationality(string word) => Gazetteer.Find(word) is { IsDemonym: true };

    /// <summary>Lower-case nouns for kinds of body that stand right before a body's name ("campaign group Open Ledger").</summary>
    private static readonly HashSet<string> OrganisationHeads = new(
        ["group", "charity", "company", "firm", "organisation", "organization", "party", "union", "agency", "network", "coalition",
         "think-tank", "startup", "start-up", "club", "band", "app", "platform", "brand", "chain", "retailer", "developer", "maker",
         "publisher", "broadcaster", "newspaper", "magazine", "website", "consultancy", "lender", "insurer", "airline", "supermarket"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Capitalised titles that always precede a name ("Dr Adrian Boyle", "Cllr Jane Hurst").</summary>
    private static readonly HashSet<string> Honorifics = new(
        ["Dr", "Mr", "Mrs", "Ms", "Miss", "Prof", "Sir", "Dame", "Lord", "Lady", "Cllr", "Rev", "Revd", "Sgt", "Insp", "Supt", "Det", "Capt", "Col", "Gen", "Lt", "Sen", "Rep", "Gov"],
        StringComparer.Ordinal);

    /// <summary>Abbreviated offices (not courtesy titles such as "Mr." or "Dr."), which are roles in their own right.</summary>
    private static readonly HashSet<string> AbbreviatedOffices = new(["Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "Insp", "Supt", "Det"], StringComparer.Ordinal);

    /// <summary>A story-wide order key for a token: paragraph first, then offset.</summary>
    public static long Position(ParagraphModel p, Token t) => ((long)p.Index << 24) + t.Start;

    /// <summary>The sentence a <see cref="Position"/> falls in, among the story's <paramref name="paragraphs"/>.</summary>
    public static Sentence SentenceAt(IReadOnlyList<ParagraphModel> paragraphs, long position) =>
        paragraphs[(int)(position >> 24)].SentenceAt((int)(position & 0xFFFFFF));

    public static Sentence SentenceOf(ParagraphModel p, Token t) => p.SentenceAt(t.Start);
}
