using System.Text.RegularExpressions;
using StoryEngine;

namespace StoryFacts;

/// <summary>
/// The people, places and organisations of the key facts, from the name finder's entities with what the statement
/// extractor does not need: roles written before a name in lower case ("housing critic X", "restaurant owner X"),
/// appositions without an article ("X, head of research at Y"), names after a long portfolio ("Minister of A, B and
/// C Jane Doe"), and corrections of kind (a company described as "the operator of ...", a club named like a place,
/// a nationality adjective that names no place, a title or a tax taken for an organisation).
/// </summary>
internal static partial class KeyEntities
{
    /// <summary>Heads that describe a company, never a person: "X, the miner", "X, a unit of Y".</summary>
    private static readonly HashSet<string> CompanyDescriptors = new(
        ["company", "firm", "group", "subsidiary", "unit", "chain", "carrier", "miner", "lender", "insurer", "retailer", "manufacturer",
         "maker", "producer", "supplier", "provider", "utility", "startup", "start-up", "brand", "charity", "regulator", "conglomerate",
         "bank", "automaker", "carmaker", "drugmaker", "chipmaker", "airline", "broadcaster", "publisher", "exporter", "importer", "refiner"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Descriptors that are a company only with "of" after them ("the operator of the mine"; "a crane operator" is a person).</summary>
    private static readonly HashSet<string> CompanyDescriptorsWithOf = new(["operator", "owner", "developer", "distributor", "builder", "contractor", "parent"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Last words of sports clubs' names ("Holme United", "Kirkby Ladies").</summary>
    private static readonly HashSet<string> ClubWords = new(
        ["united", "town", "rangers", "athletic", "rovers", "wanderers", "albion", "ladies", "women", "fc", "afc", "hotspur", "county", "harriers", "celtic", "orient", "argyle", "academicals"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Names of competitions, which are neither people nor organisations of the story.</summary>
    private static readonly HashSet<string> CompetitionWords = new(["division", "league", "championship", "cup", "trophy", "tournament", "series", "conference"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Last words of administrative areas ("Aomori Prefecture").</summary>
    private static readonly HashSet<string> AreaWords = new(["prefecture", "province", "county", "district", "region", "oblast", "governorate", "territory", "municipality", "borough", "canton", "state"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> CompanySuffixes = new(["co", "co.", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "plc", "llc", "ag", "sa", "nv", "gmbh", "s.a.", "n.v.", "bhd", "pty"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Capitalised abbreviations of taxes, measures and job titles that are no organisation.</summary>
    private static readonly HashSet<string> NonOrganisationAcronyms = new(
        ["GST", "VAT", "HST", "PST", "QST", "GDP", "GNP", "CPI", "PPI", "PMI", "IPO", "CEO", "CFO", "COO", "CTO", "AI", "EV", "EVs", "ETF", "LNG", "ESG", "R&D", "M&A", "AGM", "KPI", "API", "VAR", "MVP", "PPE", "ICU", "A&E", "RBI"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> StopBeforeRole = new(
        ["the", "a", "an", "and", "or", "of", "for", "in", "on", "at", "by", "from", "with", "to", "as", "said", "says", "told", "according", "but", "while", "when", "that", "who", "which", "its", "his", "her", "their", "our"],
        StringComparer.OrdinalIgnoreCase);

    private static bool IsRoleNoun(Token t) =>
        t.IsWord && Lexicon.IsAnyRoleNoun(t.Text)
        && (!t.IsCapitalised || (t.Text.Length <= 4 && t.Text.All(c => char.IsUpper(c) || c == '.')));

    /// <summary>
    /// The passes over the draft, in order: each reads what the name finder and the passes before it left and adds,
    /// retypes or removes what it alone knows. The order matters ("known" is the names before places are added).
    /// </summary>
    private static readonly Action<KeyFactsDraft>[] Passes =
    [
        PeopleFromRegistry,
        PortfolioNames,
        PlacesAndBodiesFromRegistry,
        NamesKnownSoFar,
        PlacesJoinedToPlaces,
        BodiesTheRegistryMissed,
        FixturesAndDescribedBodies,
        DatelinePlace,
        PlaceAfterPlacePreposition,
        SettlementOfPlace,
        PlacesInsideQuotations,
        PlaceBeforeAreaWord,
        LongerGazetteerPlace,
        AgencyAndRankBeforeName,
        PersonNameWordIsNoPlace,
        RepeatedUntypedWordIsABody,
        ShortFormOfBodyIsNoPerson,
        TailOfBodyName,
    ];

    public static (List<PersonFact> People, List<EntityFact> Entities) Build(IReadOnlyList<ParagraphModel> paragraphs, EntityRegistry registry, IReadOnlyList<NameMention> mentions, IReadOnlySet<string> speakers)
    {
        var draft = new KeyFactsDraft(paragraphs, registry, mentions, speakers);
        foreach (var pass in Passes)
        {
            pass(draft);
        }

        return Finish(draft);
    }

    /// <summary>The names the registry and the people found so far give: later passes add no place or body under one of them.</summary>
    private static void NamesKnownSoFar(KeyFactsDraft draft) =>
        draft.Known = draft.Registry.Entities.Select(e => e.Name).Concat(draft.People.Select(p => p.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The name finder's people, with the roles written around their mentions; competitions, weather systems and names
    /// the words around them make no person are left out or moved to the other kinds.
    /// </summary>
    private static void PeopleFromRegistry(KeyFactsDraft draft)
    {
        var registry = draft.Registry;
        var firstMention = draft.FirstMention;
        var byEntity = draft.ByEntity;
        var speakers = draft.Speakers;
        var people = draft.People;
        var others = draft.Others;

        foreach (var e in registry.Entities.Where(e => e.Kind == EntityKind.Person))
        {
            var order = firstMention.TryGetValue(e, out var p) ? p : long.MaxValue;
            var own = byEntity.GetValueOrDefault(e) ?? [];
            if (IsCompetition(e.NameTokens))
            {
                continue; // "Northern Premier Division": a competition, not a person with the title "Premier"
            }

            if (e.NameTokens.Count > 1 && WeatherSystemWords.Contains(e.NameTokens[0]))
            {
                continue; // "Storm Ciara", "Hurricane Milton": named like people, but weather
            }

            if (NotAPerson(e, own) is { } kind)
            {
                if (own.Count > 0)
                {
                    others.Add((order, e.Name, kind, e.FirstSeen));
                }

                continue;
            }

            var roles = e.Roles.ToList();
            var displayName = e.Name;
            if (e.NameTokens.Count >= 3 && Lexicon.IsAnyRoleNoun(e.NameTokens[0]) && !Lexicon.IsFirstName(e.NameTokens[0]))
            {
                // "Pensioner Harold Greaves said": a sentence-initial role is capitalised like the name it precedes.
                displayName = string.Join(' ', e.NameTokens.Skip(1));
                roles.Insert(0, (e.NameTokens[0], e.FirstSeen));
            }

            foreach (var m in own)
            {
                var tokens = m.Paragraph.Sentences[m.SentenceIndex];
                var sentence = m.Paragraph.SentenceAt(tokens[m.TokenStart].Start);
                foreach (var role in new[] { RoleBefore(tokens, m.TokenStart), RoleAfter(tokens, m.TokenEnd), RoleBeforeComma(tokens, m.TokenStart) })
                {
                    if (role is not null && !roles.Any(r => Same(r.Role, role)))
                    {
                        roles.Add((role, sentence));
                    }
                }
            }

            roles.RemoveAll(r => EmptyHonorifics.Contains(r.Role.Trim()));

            if (e.NameTokens.Count > 1 || roles.Count > 0 || speakers.Contains(e.Name))
            {
                people.Add((e, order, displayName, roles, roles.Count > 0 ? roles[0].Sentence : e.FirstSeen));
            }
        }
    }

    /// <summary>
    /// "Minister of Housing, Infrastructure and Communities Jane Doe": the name is the last two words of the run.
    /// </summary>
    private static void PortfolioNames(KeyFactsDraft draft)
    {
        var paragraphs = draft.Paragraphs;
        var people = draft.People;

        foreach (var paragraph in paragraphs.Where(pm => !pm.Headline))
        {
            foreach (var tokens in paragraph.Sentences)
            {
                foreach (var (title, nameTokens, at) in PortfolioNames(tokens))
                {
                    var sentence = paragraph.SentenceAt(tokens[at].Start);
                    var index = people.FindIndex(x => x.Name == string.Join(' ', nameTokens) || x.Name.EndsWith(" " + string.Join(' ', nameTokens), StringComparison.Ordinal));
                    if (index >= 0)
                    {
                        var x = people[index];
                        if (!x.Roles.Any(r => Same(r.Role, title)))
                        {
                            x.Roles.Insert(0, (title, sentence));
                        }

                        // A longer name that swallowed the portfolio's last word loses it, and any role made of it.
                        x.Roles.RemoveAll(r => x.Name.StartsWith(r.Role + " ", StringComparison.Ordinal) || title.EndsWith(r.Role, StringComparison.Ordinal) && r.Role != title);
                        people[index] = (x.Entity, x.Order, string.Join(' ', nameTokens), x.Roles, sentence);
                    }
                    else if (Lexicon.IsFirstName(nameTokens[0]))
                    {
                        people.Add((null, NameFinder.Position(paragraph, tokens[at]), string.Join(' ', nameTokens), [(title, sentence)], sentence));
                    }
                }
            }
        }
    }

    /// <summary>
    /// The name finder's places and organisations, with corrections of kind: a role before a "place" makes a person of
    /// it, a language names no place, a title or a tax is no organisation.
    /// </summary>
    private static void PlacesAndBodiesFromRegistry(KeyFactsDraft draft)
    {
        var registry = draft.Registry;
        var firstMention = draft.FirstMention;
        var byEntity = draft.ByEntity;
        var people = draft.People;
        var others = draft.Others;

        foreach (var e in registry.Entities.Where(e => e.Kind is EntityKind.Place or EntityKind.Organisation && firstMention.ContainsKey(e)))
        {
            var own = byEntity[e];
            var name = StripDescriptor(e.Name);
            var kind = e.Kind == EntityKind.Place ? EntityFactKind.Place : EntityFactKind.Organisation;
            var roleBefore = own.Select(m => (Mention: m, Role: RoleBeforeComma(m.Paragraph.Sentences[m.SentenceIndex], m.TokenStart))).FirstOrDefault(x => x.Role is not null);
            if (kind == EntityFactKind.Place && roleBefore.Role is not null && e.NameTokens.Count > 1 && Gazetteer.Find(e.NameTokens) is null)
            {
                // "His agent, Park Sung-ho, said": a role before the name makes a person of a "place".
                var sentence = roleBefore.Mention.Paragraph.SentenceAt(roleBefore.Mention.Paragraph.Sentences[roleBefore.Mention.SentenceIndex][roleBefore.Mention.TokenStart].Start);
                people.Add((e, firstMention[e], e.Name, [(roleBefore.Role, sentence)], sentence));
                continue;
            }

            if (kind == EntityFactKind.Place)
            {
                // "he said in French": a language names no place (a nationality adjective still ties the story to one).
                if (own.All(m => IsLanguage(m)))
                {
                    continue;
                }

                if (LooksLikeOrganisation(name, own))
                {
                    kind = EntityFactKind.Organisation;
                }
            }
            else if (Lexicon.TitleWords.Contains(e.NameTokens[0]) && !Lexicon.IsOrganisationWord(e.NameTokens[0]) || NonOrganisationAcronyms.Contains(e.Name) || IsCompetition(e.NameTokens))
            {
                // "Minister of Finance" is a title; "GST" a tax.
                continue;
            }

            others.Add((firstMention[e], name, kind, e.FirstSeen));
        }
    }

    /// <summary>
    /// "in Mount Victoria and Blackheath", "opened in Lithgow and Penrith": a name joined to a place is a place.
    /// </summary>
    private static void PlacesJoinedToPlaces(KeyFactsDraft draft)
    {
        var mentions = draft.Mentions;
        var known = draft.Known;
        var others = draft.Others;

        foreach (var place in others.Where(o => o.Kind == EntityFactKind.Place).ToList())
        {
            foreach (var m in mentions.Where(m => m.Entity.Name == place.Name || StripDescriptor(m.Entity.Name) == place.Name))
            {
                var tokens = m.Paragraph.Sentences[m.SentenceIndex];
                var k = m.TokenEnd;
                var locative = m.TokenStart > 0 && tokens[m.TokenStart - 1].Lower is "in" or "at" or "near" or "from" or "to" or "across" or "outside" or "around" or "for";
                if (locative && k + 1 < tokens.Count && tokens[k].Lower is "and" or "or" && tokens[k + 1].IsCapitalised && !Lexicon.IsFirstName(tokens[k + 1].Text))
                {
                    var e = k + 1;
                    while (e < tokens.Count && tokens[e].IsCapitalised)
                    {
                        e++;
                    }

                    var name = NameFinder.Join(tokens.Skip(k + 1).Take(e - k - 1));
                    if (!known.Contains(name) && !others.Any(o => o.Name == name) && e - k - 1 <= 3)
                    {
                        others.Add((NameFinder.Position(m.Paragraph, tokens[k + 1]), name, EntityFactKind.Place, m.Paragraph.SentenceAt(tokens[k + 1].Start)));
                    }
                }
            }
        }
    }

    /// <summary>
    /// "The Bureau of Meteorology said", "The Liberal Democrats' health spokeswoman": bodies the registry missed.
    /// </summary>
    private static void BodiesTheRegistryMissed(KeyFactsDraft draft)
    {
        var known = draft.Known;
        var others = draft.Others;

        foreach (var paragraph in draft.BodyParagraphs)
        {
            foreach (var tokens in paragraph.Sentences)
            {
                foreach (var (start, run) in NameFinder.Runs(tokens))
                {
                    // "Bureau of Meteorology": the name finder joins "of" only after words it knows.
                    var end = run;
                    if (OfJoinWords.Contains(tokens[end - 1].Text) && end + 1 < tokens.Count && tokens[end].Lower is "of" or "for" && tokens[end + 1].IsCapitalised)
                    {
                        end += 2;
                        while (end < tokens.Count && tokens[end].IsCapitalised)
                        {
                            end++;
                        }
                    }

                    var name = NameFinder.Join(tokens.Skip(start).Take(end - start));
                    // "NHS Scotland", "BBC Wales": an acronym before a place is the organisation's regional arm.
                    var regionalArm = end - start >= 2 && NameFinder.IsAcronym(tokens[start]) && Gazetteer.Find(tokens[start].Text) is null
                        && !NonOrganisationAcronyms.Contains(tokens[start].Text) && Gazetteer.IsPlace([.. tokens.Skip(start + 1).Take(end - start - 1).Select(t => t.Text)]);
                    if ((regionalArm || Enumerable.Range(start, end - start).Any(i => ExtraOrganisationWords.Contains(tokens[i].Text))) && !known.Contains(name) && !others.Any(o => o.Name == name))
                    {
                        others.Add((NameFinder.Position(paragraph, tokens[start]), name, EntityFactKind.Organisation, paragraph.SentenceAt(tokens[start].Start)));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Clubs in fixtures and names the words around them make a body ("research firm Canalys"): organisations, never
    /// people described as companies.
    /// </summary>
    private static void FixturesAndDescribedBodies(KeyFactsDraft draft)
    {
        var paragraphs = draft.Paragraphs;
        var people = draft.People;
        var others = draft.Others;

        foreach (var (name, sentence, order) in Fixtures(paragraphs).Concat(DescribedBodies(paragraphs)))
        {
            people.RemoveAll(p => p.Name == name && p.Roles.All(r => r.Role.Split(' ')[^1] is var head && (CompanyDescriptors.Contains(head) || MediaDescriptors.Contains(head))));
            var at = others.FindIndex(o => o.Name == name);
            if (at >= 0)
            {
                others[at] = (others[at].Order, name, EntityFactKind.Organisation, others[at].Sentence);
            }
            else if (!people.Any(p => p.Name == name))
            {
                others.Add((order, name, EntityFactKind.Organisation, sentence));
            }
        }
    }

    /// <summary>
    /// "LOUISVILLE, Ky. (AP) —": the dateline's capitals name the place the story is filed from, not a body.
    /// </summary>
    private static void DatelinePlace(KeyFactsDraft draft)
    {
        var paragraphs = draft.Paragraphs;
        var others = draft.Others;

        var lead = paragraphs.FirstOrDefault(pm => pm.Index > 0 && !pm.Headline && pm.Sentences.Count > 0);
        if (lead is not null)
        {
            var first = lead.Sentences[0];
            var k = 0;
            while (k < first.Count && first[k].IsWord && first[k].Text.Length > 1 && first[k].Text.All(c => char.IsUpper(c) || c is '-' or '.' or '\''))
            {
                k++;
            }

            if (k > 0 && k < first.Count && first[k].Text is "," or "(" or "—" or "–" or "-")
            {
                var upper = NameFinder.Join(first.Take(k));
                var title = string.Join(' ', upper.Split(' ').Select(w => w[..1] + w[1..].ToLowerInvariant()));
                others.RemoveAll(o => o.Name == upper);
                if (!others.Any(o => o.Name == title) && Gazetteer.Find(upper) is null)
                {
                    others.Add((NameFinder.Position(lead, first[0]), title, EntityFactKind.Place, lead.SentenceAt(first[0].Start)));
                }
            }
        }
    }

    /// <summary>
    /// "died in Stockport" read as the organisation "Stockport Council": after a place preposition the word is the
    /// place.
    /// </summary>
    private static void PlaceAfterPlacePreposition(KeyFactsDraft draft)
    {
        var mentions = draft.Mentions;
        var others = draft.Others;

        foreach (var m in mentions.Where(m => m.Entity.Kind == EntityKind.Organisation && m.Entity.NameTokens.Count > 1 && m.TokenEnd - m.TokenStart == 1))
        {
            var tokens = m.Paragraph.Sentences[m.SentenceIndex];
            var word = tokens[m.TokenStart].Text;
            if (m.TokenStart > 0 && tokens[m.TokenStart - 1].Lower is "in" or "near" or "outside" or "across" && word == m.Entity.NameTokens[0] && !others.Any(o => o.Name == word))
            {
                others.Add((NameFinder.Position(m.Paragraph, tokens[m.TokenStart]), word, EntityFactKind.Place, m.Paragraph.SentenceAt(tokens[m.TokenStart].Start)));
            }
        }
    }

    /// <summary>
    /// "the Valais village of Gletschmatt": both the name before a lower-case settlement word and the name after its
    /// "of" are places.
    /// </summary>
    private static void SettlementOfPlace(KeyFactsDraft draft)
    {
        foreach (var paragraph in draft.BodyParagraphs)
        {
            foreach (var tokens in paragraph.Sentences)
            {
                foreach (var (start, end) in NameFinder.Runs(tokens))
                {
                    if (end + 2 < tokens.Count && !tokens[end].IsCapitalised && SettlementWords.Contains(tokens[end].Text) && tokens[end + 1].Lower == "of" && tokens[end + 2].IsCapitalised
                        && start > 0 && tokens[start - 1].Lower == "the")
                    {
                        var e = end + 2;
                        while (e < tokens.Count && tokens[e].IsCapitalised)
                        {
                            e++;
                        }

                        AddPlaceIfNew(draft, paragraph, tokens, start, end);
                        AddPlaceIfNew(draft, paragraph, tokens, end + 2, e);
                    }
                }
            }
        }
    }

    /// <summary>
    /// "families in Brampton and Surrey hear ...": the name finder reads only the frame, so places inside quotations,
    /// after a place preposition, are read here.
    /// </summary>
    private static void PlacesInsideQuotations(KeyFactsDraft draft)
    {
        var known = draft.Known;
        var people = draft.People;
        var others = draft.Others;

        foreach (var paragraph in draft.BodyParagraphs)
        {
            foreach (var quote in paragraph.Quotes)
            {
                foreach (Match m in QuotedPlace().Matches(quote.Inner))
                {
                    foreach (var name in m.Groups["names"].Value.Split([" and ", " or "], StringSplitOptions.TrimEntries))
                    {
                        var words = name.Split(' ');
                        var isDate = words.Any(w => Lexicon.Weekdays.Contains(w) || Lexicon.MonthSet.Contains(w));
                        if (name.Length > 1 && !isDate && !known.Contains(name) && !others.Any(o => o.Name == name) && !people.Any(p => p.Name.Contains(name, StringComparison.Ordinal))
                            && !Lexicon.IsFirstName(words[0]) && Gazetteer.Find(name) is not { IsDemonym: true } && !words.Any(w => Lexicon.IsOrganisationWord(w) || HolidayWords.Contains(w)))
                        {
                            var place = Gazetteer.Find(name)?.Name ?? name;
                            if (!others.Any(o => o.Name == place))
                            {
                                var offset = quote.Start + 1 + m.Groups["names"].Index;
                                others.Add((((long)paragraph.Index << 24) + offset, place, EntityFactKind.Place, paragraph.SentenceAt(Math.Min(offset, paragraph.Text.Length - 1))));
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// "in the Kagera region", "the Nord department": a name before a lower-case area word is a place.
    /// </summary>
    private static void PlaceBeforeAreaWord(KeyFactsDraft draft)
    {
        foreach (var paragraph in draft.BodyParagraphs)
        {
            foreach (var tokens in paragraph.Sentences)
            {
                foreach (var (start, end) in NameFinder.Runs(tokens))
                {
                    if (end < tokens.Count && tokens[end].IsWord && !tokens[end].IsCapitalised && AreaWords.Contains(tokens[end].Text) && start > 0 && tokens[start - 1].Lower == "the")
                    {
                        AddPlaceIfNew(draft, paragraph, tokens, start, end);
                    }
                }
            }
        }
    }

    /// <summary>Tokens [from, to) as a place, unless the name is known, listed already, or starts with a first name.</summary>
    private static void AddPlaceIfNew(KeyFactsDraft draft, ParagraphModel paragraph, IReadOnlyList<Token> tokens, int from, int to)
    {
        var name = NameFinder.Join(tokens.Skip(from).Take(to - from));
        if (!draft.Known.Contains(name) && !draft.Others.Any(o => o.Name == name) && !Lexicon.IsFirstName(tokens[from].Text))
        {
            draft.Others.Add((NameFinder.Position(paragraph, tokens[from]), name, EntityFactKind.Place, paragraph.SentenceAt(tokens[from].Start)));
        }
    }

    /// <summary>
    /// "in New York" read as "York": the gazetteer's longer name with the capitalised word before it.
    /// </summary>
    private static void LongerGazetteerPlace(KeyFactsDraft draft)
    {
        var mentions = draft.Mentions;
        var others = draft.Others;

        for (var i = 0; i < others.Count; i++)
        {
            var o = others[i];
            var joined = mentions.Where(m => m.Entity.Name == o.Name && m.TokenStart > 0 && m.Paragraph.Sentences[m.SentenceIndex][m.TokenStart - 1].IsCapitalised)
                .Select(m => m.Paragraph.Sentences[m.SentenceIndex][m.TokenStart - 1].Text + " " + o.Name)
                .FirstOrDefault(n => Gazetteer.IsPlace(n.Split(' ')));
            if (o.Kind == EntityFactKind.Place && joined is not null)
            {
                others[i] = (o.Order, Gazetteer.Find(joined)!.Name, o.Kind, o.Sentence);
            }
        }
    }

    /// <summary>
    /// "Nebraska State Patrol Sgt. Nils Ostrander": an agency and a rank before a name, split by the rank's full stop.
    /// </summary>
    private static void AgencyAndRankBeforeName(KeyFactsDraft draft)
    {
        var mentions = draft.Mentions;
        var people = draft.People;
        var others = draft.Others;

        foreach (var m in mentions.Where(m => m.Entity.Kind == EntityKind.Place && m.Entity.NameTokens.Count > 1 && Lexicon.TitleWords.Contains(m.Entity.NameTokens[^1])))
        {
            var tokens = m.Paragraph.Sentences[m.SentenceIndex];
            var after = m.TokenEnd + 1 < tokens.Count && tokens[m.TokenEnd].Text == "." ? m.TokenEnd + 1 : m.TokenEnd;
            var person = people.FindIndex(p => p.Entity is not null && mentions.Any(x => x.Entity == p.Entity && x.Paragraph == m.Paragraph && x.SentenceIndex == m.SentenceIndex && x.TokenStart == after));
            others.RemoveAll(o => o.Name == m.Entity.Name);
            if (person >= 0)
            {
                var role = m.Entity.Name + ".";
                if (!people[person].Roles.Any(r => Same(r.Role, role)))
                {
                    people[person].Roles.Insert(0, (role, m.Paragraph.SentenceAt(tokens[m.TokenStart].Start)));
                }

                var body = string.Join(' ', m.Entity.NameTokens.Take(m.Entity.NameTokens.Count - 1));
                if (m.Entity.NameTokens.Take(m.Entity.NameTokens.Count - 1).Any(w => ExtraOrganisationWords.Contains(w) || Lexicon.IsOrganisationWord(w)) && !others.Any(o => o.Name == body))
                {
                    others.Add((NameFinder.Position(m.Paragraph, tokens[m.TokenStart]), body, EntityFactKind.Organisation, m.Paragraph.SentenceAt(tokens[m.TokenStart].Start)));
                }
            }
        }
    }

    /// <summary>
    /// "Park told reporters" after "His agent, Park Sung-ho,": a one-word "place" that is part of a person's name.
    /// </summary>
    private static void PersonNameWordIsNoPlace(KeyFactsDraft draft)
    {
        var people = draft.People;
        var others = draft.Others;

        var nameWords = people.Where(p => p.Name.Contains(' ')).SelectMany(p => p.Name.Split(' ')).ToHashSet(StringComparer.Ordinal);
        others.RemoveAll(o => o.Kind == EntityFactKind.Place && !o.Name.Contains(' ') && nameWords.Contains(o.Name) && !Gazetteer.IsPlace([o.Name]));
    }

    /// <summary>
    /// "Hamas attacked Israel ... destroy Hamas' capabilities", "Aldersgate had looked comfortable ... Aldersgate
    /// host": a single capitalised word the story repeats, that names no person, place or listed body and is no
    /// ordinary word, a date or a title, is a body the name finder could not type.
    /// </summary>
    private static void RepeatedUntypedWordIsABody(KeyFactsDraft draft)
    {
        var paragraphs = draft.Paragraphs;
        var registry = draft.Registry;
        var known = draft.Known;
        var people = draft.People;
        var others = draft.Others;

        var listedWords = others.SelectMany(o => o.Name.Split(' ')).Concat(people.SelectMany(p => p.Name.Split(' '))).ToHashSet(StringComparer.Ordinal);
        var single = new Dictionary<string, (int Count, int NonInitial, ParagraphModel Paragraph, Token First)>(StringComparer.Ordinal);
        foreach (var paragraph in draft.BodyParagraphs)
        {
            foreach (var tokens in paragraph.Sentences)
            {
                foreach (var (start, end) in NameFinder.Runs(tokens).Where(r => r.End - r.Start == 1))
                {
                    var t = tokens[start];
                    var clean = t.Text.TrimEnd('\'', '’');
                    if (clean.Length < 3 || !NameFinder.IsNameToken(t))
                    {
                        continue;
                    }

                    // Part of a longer name the runs split ("New Zealand"): not a name of its own.
                    if (start > 0 && tokens[start - 1].IsCapitalised)
                    {
                        continue;
                    }

                    // Counted only where it acts like a subject or owner: "Hamas attacked", "Aldersgate had", "Penhale's equaliser".
                    var next = start + 1 < tokens.Count ? tokens[start + 1] : null;
                    var acts = t.Text.EndsWith('\'') || t.Text.EndsWith('’') || next is { Text: "'s" or "’s" or "'" or "’" }
                        || (next is { IsWord: true, IsCapitalised: false } && (SubjectVerbWords.Contains(next.Text) || (next.Text.Length > 4 && next.Text.EndsWith("ed", StringComparison.Ordinal))));
                    var (count, nonInitial, p0, first) = single.GetValueOrDefault(clean, (0, 0, paragraph, t));
                    single[clean] = (count + 1, nonInitial + (acts ? 1 : 0), p0, first);
                }
            }
        }

        var lowerWords = paragraphs.SelectMany(pm => pm.Sentences).SelectMany(ts => ts).Where(t => t.IsWord && !t.IsCapitalised).Select(t => t.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (word, info) in single.Where(kv => kv.Value.Count >= 2 && kv.Value.NonInitial >= 1))
        {
            if (listedWords.Contains(word) || known.Contains(word) || Lexicon.IsFirstName(word) || Gazetteer.Find(word) is not null || lowerWords.Contains(word)
                || Lexicon.Weekdays.Contains(word) || Lexicon.MonthSet.Contains(word) || Lexicon.TitleWords.Contains(word) || Lexicon.RoleNouns.Contains(word)
                || Lexicon.CapitalisedFunctionWords.Contains(word) || HolidayWords.Contains(word) || Lexicon.Pronouns.Contains(word)
                || registry.Entities.Any(e => e.Kind == EntityKind.Person && e.NameTokens.Contains(word, StringComparer.Ordinal)))
            {
                continue;
            }

            others.Add((NameFinder.Position(info.Paragraph, info.First), word, EntityFactKind.Organisation, info.Paragraph.SentenceAt(info.First.Start)));
        }
    }

    /// <summary>
    /// "Prairie Northern said" after "Prairie Northern Railway": a short form of a listed body is no person.
    /// </summary>
    private static void ShortFormOfBodyIsNoPerson(KeyFactsDraft draft)
    {
        var people = draft.People;
        var others = draft.Others;

        var bodies = others.Where(o => o.Kind == EntityFactKind.Organisation).Select(o => o.Name).ToList();
        people.RemoveAll(p => p.Roles.Count == 0 && bodies.Any(b => b.StartsWith(p.Name + " ", StringComparison.Ordinal)));
    }

    /// <summary>
    /// "Statistics" beside "Bureau of Statistics": the tail of a listed body's name.
    /// </summary>
    private static void TailOfBodyName(KeyFactsDraft draft)
    {
        var others = draft.Others;
        var bodies = others.Where(o => o.Kind == EntityFactKind.Organisation).Select(o => o.Name).ToList();

        others.RemoveAll(o => o.Kind == EntityFactKind.Organisation && bodies.Any(b => b.EndsWith(" of " + o.Name, StringComparison.Ordinal) || b.EndsWith(" for " + o.Name, StringComparison.Ordinal)));
    }

    /// <summary>The draft as facts: one fact a name, in reading order; an organisation's short form beside its full name dropped.</summary>
    private static (List<PersonFact> People, List<EntityFact> Entities) Finish(KeyFactsDraft draft)
    {
        var (people, others) = (draft.People, draft.Others);
        var names = others.Select(o => o.Name).ToList();
        var entities = others
            // "House" beside "House of Commons", "Halden" beside "Halden Foods": one organisation named twice.
            // "HSE" beside "HSE West" stays: a compass word or a place after the short form names a regional part of it.
            .Where(o => !(o.Kind == EntityFactKind.Organisation && !o.Name.Contains(' ') && names.Any(n => n.StartsWith(o.Name + " ", StringComparison.Ordinal)
                && !(Lexicon.PlaceWords.Contains(n.Split(' ')[1]) || Gazetteer.IsPlace([n.Split(' ')[1]])))))
            .GroupBy(o => o.Name, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(o => o.Order)
            .Select(o => new EntityFact(o.Name, o.Kind, o.Sentence))
            .ToList();
        var personFacts = people
            .GroupBy(x => x.Name, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(x => x.Order)
            .Select(x => new PersonFact(x.Name, [.. x.Roles.Select(r => r.Role)], x.First, []))
            .ToList();
        return (personFacts, entities);
    }

    private static bool Same(string a, string b) =>
        string.Equals(Strip(a), Strip(b), StringComparison.OrdinalIgnoreCase) || Strip(a).EndsWith(Strip(b), StringComparison.OrdinalIgnoreCase) || Strip(b).EndsWith(Strip(a), StringComparison.OrdinalIgnoreCase);

    private static string Strip(string role) =>
        role.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? role[4..] : role.StartsWith("a ", StringComparison.OrdinalIgnoreCase) ? role[2..] : role.StartsWith("an ", StringComparison.OrdinalIgnoreCase) ? role[3..] : role;

    private static bool IsLanguage(NameMention m)
    {
        var tokens = m.Paragraph.Sentences[m.SentenceIndex];
        var demonym = Gazetteer.Find(string.Join(' ', Tokens(m).Select(t => t.Text))) is { IsDemonym: true };
        var after = m.TokenEnd < tokens.Count ? tokens[m.TokenEnd] : null;
        return demonym && m.TokenStart > 0 && tokens[m.TokenStart - 1].Lower is "in" or "speaks" or "spoke" or "speaking" && (after is null || !after.IsWord || after.Lower is "and" or "or");
    }

    private static IEnumerable<Token> Tokens(NameMention m) => m.Paragraph.Sentences[m.SentenceIndex].Skip(m.TokenStart).Take(m.TokenEnd - m.TokenStart);

    private static bool IsCompetition(IReadOnlyList<string> name) => name.Any(CompetitionWords.Contains);

    /// <summary>Nouns that introduce a news organisation or a body by name ("German newspaper Bild", "Kicker magazine").</summary>
    private static readonly HashSet<string> MediaDescriptors = new(
        ["newspaper", "magazine", "broadcaster", "channel", "website", "tabloid", "daily", "weekly", "agency", "outlet", "network", "station", "paper", "journal", "platform", "app"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns after a name that make it a body: "Kicker magazine", "the Dunmore club", "Rennart team principal X".</summary>
    private static readonly HashSet<string> DescriptorsAfterName = new(
        ["magazine", "newspaper", "daily", "club", "party", "union", "company", "firm", "broadcaster", "network", "agency", "bank", "group", "team"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Political roles a party name stands before ("Sinn Féin TD X", "Fianna Fáil councillor X").</summary>
    private static readonly HashSet<string> PartyRoles = new(
        ["td", "mp", "mla", "mep", "msp", "mpp", "councillor", "councilor", "senator", "critic", "spokesperson", "spokesman", "spokeswoman", "leader", "candidate", "deputy", "member", "lawmaker", "legislator", "congressman", "congresswoman", "representative"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Names that the words around them make a body: "research firm Canalys", "Kicker magazine", "Lumora, the California
    /// start-up", "Napoli have agreed" (a singular name with a plural verb is a team), "Sinn Féin TD X" (a party).
    /// </summary>
    private static IEnumerable<(string Name, StoryEngine.Sentence Sentence, long Order)> DescribedBodies(IReadOnlyList<ParagraphModel> paragraphs)
    {
        foreach (var paragraph in paragraphs.Where(pm => !pm.Headline && pm.Index > 0))
        {
            foreach (var tokens in paragraph.Sentences)
            {
                foreach (var (start, runEnd) in NameFinder.Runs(tokens))
                {
                    var end = runEnd;
                    // A party inside a run with its member's title: "Bloc Québécois MP Mathieu Gagnon-Roy".
                    var party = Enumerable.Range(start + 2, Math.Max(0, end - start - 2)).FirstOrDefault(i => PartyRoles.Contains(tokens[i].Text) && tokens[i].Text.All(char.IsUpper), -1);
                    if (party > 0)
                    {
                        end = party;
                    }

                    var words = tokens.Skip(start).Take(end - start).ToList();
                    // "The Denver-based company": a place turned adjective, not a body's name.
                    if (words.Any(w => w.Text.Contains('-') && char.IsLower(w.Text[w.Text.LastIndexOf('-') + Math.Min(1, w.Text.Length - 1 - w.Text.LastIndexOf('-'))])))
                    {
                        continue;
                    }

                    if (words.Count == 0 || words.Any(w => Lexicon.TitleWords.Contains(w.Text) && w.Text.Length > 3) || Lexicon.IsFirstName(words[0].Text)
                        || words.All(w => NameFinder.IsNationality(w.Text) || Gazetteer.Find(w.Text) is not null))
                    {
                        continue;
                    }

                    var before = start > 0 ? tokens[start - 1] : null;
                    var after = end < tokens.Count ? tokens[end] : null;
                    // "Thiago Benavente of Moreau-Castell": a full name, "of", and a name no gazetteer knows is the person's employer.
                    var affiliation = start >= 3 && before is { Lower: "of" } && tokens[start - 2].IsCapitalised && Lexicon.IsFirstName(tokens[start - 3].Text)
                        && !Lexicon.CapitalisedFunctionWords.Contains(tokens[start - 3].Text) && !ExtraOrganisationWords.Contains(tokens[start - 2].Text)
                        && !Lexicon.TitleWords.Contains(tokens[start - 2].Text) && !Lexicon.IsOrganisationWord(tokens[start - 2].Text)
                        && Gazetteer.Find(string.Join(' ', words.Select(w => w.Text))) is null && !Lexicon.IsFirstName(words[0].Text);
                    var described = affiliation || (before is { IsWord: true, IsCapitalised: false } && (MediaDescriptors.Contains(before.Text) || CompanyDescriptors.Contains(before.Text)))
                        || (after is { IsWord: true, IsCapitalised: false } && DescriptorsAfterName.Contains(after.Text))
                        || (after is { Text: "," } && end + 2 < tokens.Count && tokens[end + 1].Lower is "the" or "a" or "an"
                            && tokens.Skip(end + 2).Take(5).TakeWhile(t => t.IsWord).Any(t => !t.IsCapitalised && CompanyDescriptors.Contains(t.Text)))
                        || (party > 0 || (after is { IsWord: true } && PartyRoles.Contains(after.Text) && end + 1 < tokens.Count && tokens[end + 1].IsCapitalised)) && words.Count >= 2 && !words.Any(w => NameFinder.IsNationality(w.Text))
                        // The team is the subject: "in Stockport have described" is a place ending a prepositional phrase.
                        || (words.Count == 1 && !words[0].Text.EndsWith('s') && after is { IsWord: true } && after.Lower is "have" or "were" or "are" && Gazetteer.Find(words[0].Text) is null
                            && (before is null || before.Lower is not ("in" or "at" or "on" or "from" or "to" or "of" or "for" or "by" or "with" or "near" or "outside" or "across"))
                            && end + 1 < tokens.Count && tokens[end + 1].IsWord && !tokens[end + 1].IsCapitalised && tokens[end + 1].Lower is not ("been" or "not" or "also"));
                    if (described)
                    {
                        yield return (NameFinder.Join(words), paragraph.SentenceAt(tokens[start].Start), NameFinder.Position(paragraph, tokens[start]));
                    }
                }
            }
        }
    }

    /// <summary>Holidays and seasons capitalised like places ("at Christmas", "in Ramadan").</summary>
    private static readonly HashSet<string> HolidayWords = new(["Christmas", "Easter", "Ramadan", "Eid", "Diwali", "Hanukkah", "Thanksgiving", "Lent", "Passover", "New", "Year", "God", "Heaven"], StringComparer.Ordinal);

    [GeneratedRegex(@"\b(?:in|at|near|from|across|outside|around)\s+(?:the\s+)?(?<names>[A-Z][\p{L}'’\-]+(?:\s+[A-Z][\p{L}'’\-]+)?(?:\s+(?:and|or)\s+[A-Z][\p{L}'’\-]+(?:\s+[A-Z][\p{L}'’\-]+)?)*)")]
    private static partial Regex QuotedPlace();

    /// <summary>Businesses a story names in apposition ("The restaurant where he worked, Casa Lucía,").</summary>
    private static readonly HashSet<string> VenueWords = new(
        ["restaurant", "cafe", "café", "pub", "bar", "shop", "store", "bakery", "hotel", "school", "club", "gym", "clinic", "salon", "brewery", "farm", "charity", "gallery", "museum", "theatre", "theater"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Settlement words in "the Valais village of Gletschmatt".</summary>
    private static readonly HashSet<string> SettlementWords = new(["village", "town", "city", "hamlet", "suburb", "district", "county", "region", "province", "state", "island", "port"], StringComparer.OrdinalIgnoreCase);

    /// <summary>First words of place names that first names never are ("Mount Victoria", "Lake Placid").</summary>
    private static readonly HashSet<string> PlaceLeadWords = new(["Mount", "Mt", "Mt.", "Lake", "Port", "Fort", "Cape", "Loch", "Lough"], StringComparer.Ordinal);

    /// <summary>Words that make a capitalised run an organisation although the name finder's list lacks them.</summary>
    private static readonly HashSet<string> ExtraOrganisationWords = new(
        ["bureau", "secretariat", "directorate", "inspectorate", "observatory", "democrats", "republicans", "conservatives", "socialists", "greens", "liberals", "tories", "labour",
         "railway", "railroad", "tours", "travel", "lines", "airways", "patrol", "church", "cathedral", "mosque", "synagogue", "temple", "ministries", "brewery", "dairy", "farms", "mills"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs after a bare name that make it the subject of a clause ("Aldersgate had", "Hamas says").</summary>
    private static readonly HashSet<string> SubjectVerbWords = new(
        ["said", "says", "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "declined", "won", "lost", "beat", "beats", "claimed", "claims",
         "host", "hosts", "travel", "travels", "attacked", "agreed", "agrees", "announced", "announces", "confirmed", "confirms", "denied", "denies", "cut", "cuts", "plans", "wants"],
        StringComparer.Ordinal);

    /// <summary>Heads of "X of Y" bodies the name finder does not join: "Bureau of Meteorology", "Church of Scotland".</summary>
    private static readonly HashSet<string> OfJoinWords = new(["bureau", "secretariat", "directorate", "inspectorate", "observatory", "church", "cathedral", "ministries"], StringComparer.OrdinalIgnoreCase);

    /// <summary>First words of storms' names, which are given names: "Storm Ciara", "Tropical Storm Alberto".</summary>
    private static readonly HashSet<string> WeatherSystemWords = new(["Storm", "Hurricane", "Typhoon", "Cyclone", "Tropical"], StringComparer.Ordinal);

    /// <summary>First words of bodies' names that given names never are: "National Grid", "Royal Mail".</summary>
    private static readonly HashSet<string> OrganisationLeadWords = new(
        ["National", "Royal", "Federal", "Central", "International", "Global", "United", "Allied", "Associated", "Consolidated"], StringComparer.Ordinal);

    /// <summary>Null for a person; otherwise what the "person" really is (a place, an organisation).</summary>
    private static EntityFactKind? NotAPerson(Entity e, List<NameMention> own)
    {
        var last = e.NameTokens[^1];
        if (e.NameTokens.Count > 1 && (AreaWords.Contains(last) || PlaceLeadWords.Contains(e.NameTokens[0])))
        {
            return EntityFactKind.Place;
        }

        if (e.NameTokens.Count > 1 && e.Roles.Count == 0 && OrganisationLeadWords.Contains(e.NameTokens[0]) && !Lexicon.IsFirstName(e.NameTokens[1]))
        {
            return EntityFactKind.Organisation;
        }

        // "City host Liverpool next Sunday": one word that names a city or country is the place (or its club), even
        // after a word that looks like a role; people are not named by a city alone.
        if (e.NameTokens.Count == 1 && !Lexicon.IsFirstName(e.NameTokens[0]) && Gazetteer.Find(e.NameTokens[0]) is { IsDemonym: false, Kind: PlaceKind.Country or PlaceKind.Capital or PlaceKind.City })
        {
            return EntityFactKind.Place;
        }

        // "Golden Meadow Tours", "Prairie Northern Railway": a word of a company's or body's name the name finder lacks.
        if (e.NameTokens.Count > 1 && e.Roles.Count == 0 && e.NameTokens.Skip(1).Any(ExtraOrganisationWords.Contains))
        {
            return EntityFactKind.Organisation;
        }

        // "Italian broadcaster Sky Sport Italia": a "role" that describes a company.
        if (e.Roles.Count > 0 && e.Roles.All(r => r.Role.Split(' ')[^1] is var head && (CompanyDescriptors.Contains(head) || MediaDescriptors.Contains(head))))
        {
            return EntityFactKind.Organisation;
        }

        // "Bayern Munich paid", "with Werder Bremen": a name ending in a city, with no first name and no role, is a club or firm.
        if (e.NameTokens.Count > 1 && e.Roles.Count == 0 && Gazetteer.IsPlace([e.NameTokens[^1]]) && !Lexicon.IsFirstName(e.NameTokens[0])
            && !own.Any(m => m.Paragraph.Sentences[m.SentenceIndex].Skip(m.TokenEnd).Take(1).Any(t => t.Lower is "said" or "says" or "told")))
        {
            return EntityFactKind.Organisation;
        }

        // "France Télévisions", "Canada Goose": a name led by a country is a company unless the word is also a first name.
        if (e.NameTokens.Count > 1 && e.Roles.Count == 0 && Gazetteer.IsPlace([e.NameTokens[0]]) && !Lexicon.IsFirstName(e.NameTokens[0]))
        {
            return EntityFactKind.Organisation;
        }

        if (e.NameTokens.Count > 1 && (ClubWords.Contains(last) || CompanySuffixes.Contains(last)))
        {
            return EntityFactKind.Organisation;
        }

        if (e.Roles.Count == 0 && !Lexicon.IsFirstName(e.NameTokens[0]) && own.Count > 0 && own.All(AfterEmployerRole))
        {
            return EntityFactKind.Organisation;
        }

        // "The restaurant where Callum worked, Casa Lucía, said": a name in apposition to a business is that business.
        foreach (var m in own)
        {
            var tokens = m.Paragraph.Sentences[m.SentenceIndex];
            if (m.TokenStart >= 3 && tokens[m.TokenStart - 1].Text == "," && m.TokenEnd < tokens.Count && tokens[m.TokenEnd].Text == ",")
            {
                var k = m.TokenStart - 2;
                var phrase = new List<Token>();
                while (k >= 0 && tokens[k].Text is not ("," or ";" or ":") && phrase.Count < 8)
                {
                    phrase.Insert(0, tokens[k]);
                    k--;
                }

                // The business noun heads the phrase: "The restaurant where he worked", not "The club's head of recruitment".
                if (phrase.Count >= 2 && phrase[0].Lower == "the" && !phrase[1].IsCapitalised && (VenueWords.Contains(phrase[1].Text) || CompanyDescriptors.Contains(phrase[1].Text))
                    && (phrase.Count == 2 || phrase[2].Lower is "where" or "that" or "which" or "run" or "owned" or "in" or "on" or "at" or "near"))
                {
                    return EntityFactKind.Organisation;
                }
            }
        }

        // "X, the operator of Chile's second-largest copper mine, said": described as a company.
        foreach (var m in own)
        {
            var tokens = m.Paragraph.Sentences[m.SentenceIndex];
            var k = m.TokenEnd;
            if (k + 1 < tokens.Count && tokens[k].Text == "," && tokens[k + 1].Lower is "the" or "a" or "an")
            {
                for (var j = k + 2; j < tokens.Count && j < k + 7 && tokens[j].IsWord; j++)
                {
                    if (!tokens[j].IsCapitalised && (CompanyDescriptors.Contains(tokens[j].Text)
                        || (CompanyDescriptorsWithOf.Contains(tokens[j].Text) && j + 1 < tokens.Count && tokens[j + 1].Lower == "of")))
                    {
                        return e.Roles.Count == 0 || e.Roles.All(r => r.Role.Contains(tokens[j].Text, StringComparison.OrdinalIgnoreCase)) ? EntityFactKind.Organisation : null;
                    }

                    if (IsRoleNoun(tokens[j]))
                    {
                        break;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Honorifics that may stand between a role and a name ("parish priest Fr Liam Kearney") and are no role alone.</summary>
    private static readonly HashSet<string> Honorifics = new(["Mr", "Mrs", "Ms", "Miss", "Mx", "Fr", "Dr", "Prof", "Sir", "Dame", "Rev", "Revd", "Cllr", "Mr.", "Mrs.", "Ms.", "Dr.", "Fr."], StringComparer.Ordinal);

    /// <summary>Honorifics that say nothing about what a person does: "Ms Gildea" has no role.</summary>
    private static readonly HashSet<string> EmptyHonorifics = new(["Mr", "Mrs", "Ms", "Miss", "Mx", "Mr.", "Mrs.", "Ms.", "Master"], StringComparer.OrdinalIgnoreCase);

    /// <summary>"Conservative housing critic X", "restaurant owner X", "and substitute X": a lower-case role right before the name.</summary>
    private static string? RoleBefore(IReadOnlyList<Token> tokens, int start)
    {
        start = BeforeHonorifics(tokens, start);
        // A capitalised role noun right before the name is a title too ("WHO Director-General Dr. X").
        if (start == 0 || !(IsRoleNoun(tokens[start - 1]) || (tokens[start - 1].IsCapitalised && Lexicon.IsAnyRoleNoun(tokens[start - 1].Text))))
        {
            return null;
        }

        var k = start - 1;
        var first = k;
        // Modifiers of the role ("Conservative housing", "fourth", "restaurant"), never a verb or pronoun before them ("She beat fourth seed X").
        while (k >= 0 && start - k <= 5 && tokens[k].IsWord && !StopBeforeRole.Contains(tokens[k].Text) && !Lexicon.ReportingVerbs.Contains(tokens[k].Text)
               && !Lexicon.Pronouns.Contains(tokens[k].Text) && !VerbsBeforeRoles.Contains(tokens[k].Text)
               && !(k < start - 1 && !tokens[k].IsCapitalised && tokens[k].Text.Length > 3 && tokens[k].Text.EndsWith("ed", StringComparison.Ordinal)))
        {
            first = k;
            k--;
        }

        return NameFinder.Join(tokens.Skip(first).Take(start - first));
    }

    /// <summary>Verbs that put a person's role right after them ("beat fourth seed X", "replaced coach X").</summary>
    private static readonly HashSet<string> VerbsBeforeRoles = new(
        ["beat", "beats", "met", "meets", "hit", "told", "thanked", "praised", "named", "appointed", "replaced", "joined", "saw", "won", "lost",
         "faced", "face", "faces", "defeated", "against", "include", "includes", "including", "is", "was", "are", "were", "be", "has", "had", "have", "like", "than"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Where a name's honorifics begin: "Fr Liam Kearney", "Dr. Mariam Odhiambo" (the tokenizer splits "Dr" and ".").</summary>
    private static int BeforeHonorifics(IReadOnlyList<Token> tokens, int start)
    {
        while (true)
        {
            if (start >= 2 && tokens[start - 1].Text == "." && Honorifics.Contains(tokens[start - 2].Text))
            {
                start -= 2;
            }
            else if (start >= 1 && Honorifics.Contains(tokens[start - 1].Text))
            {
                start--;
            }
            else
            {
                return start;
            }
        }
    }

    /// <summary>"Lumora's head of hardware, Daniel Osei-Mensah, wrote" and "His agent, Park Sung-ho, said": a role phrase, a comma, the name.</summary>
    private static string? RoleBeforeComma(IReadOnlyList<Token> tokens, int start)
    {
        start = BeforeHonorifics(tokens, start);
        if (start < 2 || tokens[start - 1].Text != ",")
        {
            return null;
        }

        var k = start - 2;
        var parts = new List<Token>();
        while (k >= 0 && parts.Count < 10 && (tokens[k].IsWord || tokens[k].Text is "'s" or "’s") && tokens[k].Lower is not ("said" or "says" or "told" or "and" or "but" or "while"))
        {
            parts.Insert(0, tokens[k]);
            k--;
        }

        // The phrase opens the sentence or follows a comma; it starts with a determiner or a possessor, and holds a role noun.
        var opens = k < 0 || tokens[k].Text is "," or ";" or ":";
        if (!opens || parts.Count == 0 || !parts.Any(t => IsRoleNoun(t) || (t.IsCapitalised && Lexicon.TitleWords.Contains(t.Text))) || parts[0].Lower is "in" or "on" or "at" or "after" or "before" or "like" or "unlike" or "as" or "for" or "with")
        {
            return null;
        }

        var first = parts[0];
        var determined = first.Lower is "the" or "his" or "her" or "their" or "its" or "a" or "an" || (parts.Count > 1 && parts[1].Text is "'s" or "’s");
        return determined ? NameFinder.Join(parts) : null;
    }

    /// <summary>"X, head of commodities research at Y," and "X, the MP for Z,": a role phrase after a comma.</summary>
    private static string? RoleAfter(IReadOnlyList<Token> tokens, int end)
    {
        if (end + 1 >= tokens.Count || tokens[end].Text != ",")
        {
            return null;
        }

        var k = end + 1;
        while (k < tokens.Count && tokens[k].Kind == TokenKind.Number)
        {
            k += 2; // "X, 58, a ..." skips the age
        }

        var parts = new List<Token>();
        var sawRole = false;
        for (var j = k; j < tokens.Count && parts.Count < 14; j++)
        {
            var t = tokens[j];
            // "who" ends the phrase, "WHO" (the organisation) does not.
            if (t.Text is "," or "." or ";" or ":" or "(" or ")" || t.Kind == TokenKind.Quote || (t.Text.Any(char.IsLower) && t.Lower is "who" or "which" or "whose" or "said" or "says" or "told" or "added"))
            {
                break;
            }

            if (!sawRole && parts.Count >= 6)
            {
                return null;
            }

            if (parts.Count == 0 && t.IsWord && t.IsCapitalised && !IsRoleNoun(t))
            {
                return null; // "X, Y and Z": a list of names
            }

            sawRole |= IsRoleNoun(t);
            parts.Add(t);
        }

        return sawRole && parts.Count > 0 ? NameFinder.Join(parts) : null;
    }

    /// <summary>
    /// A capitalised title, "of"/"for", a portfolio of capitalised words joined by commas and "and", then two
    /// capitalised words: the title with its portfolio, and the name.
    /// </summary>
    private static IEnumerable<(string Title, List<string> Name, int At)> PortfolioNames(IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i + 4 < tokens.Count; i++)
        {
            if (!(tokens[i].IsCapitalised && Lexicon.TitleWords.Contains(tokens[i].Text) && tokens[i + 1].Lower is "of" or "for" && tokens[i + 2].IsCapitalised))
            {
                continue;
            }

            var j = i + 2;
            var runStart = j;
            while (j < tokens.Count && (tokens[j].IsCapitalised || (tokens[j].Text is "," or "and" or "&" && j + 1 < tokens.Count && tokens[j + 1].IsCapitalised)))
            {
                if (!tokens[j].IsCapitalised)
                {
                    runStart = j + 1;
                }

                j++;
            }

            // The run after the last comma or "and": portfolio words, then the name's two words.
            if (j - runStart >= 3 || (j - runStart == 2 && runStart > i + 2 && Lexicon.IsFirstName(tokens[runStart].Text)))
            {
                var nameStart = j - 2;
                if (Lexicon.IsOrganisationWord(tokens[j - 1].Text) || Lexicon.PlaceWords.Contains(tokens[j - 1].Text))
                {
                    continue;
                }

                var titleStart = i;
                while (titleStart > 0 && tokens[titleStart - 1].IsCapitalised && Lexicon.TitleWords.Contains(tokens[titleStart - 1].Text))
                {
                    titleStart--;
                }

                yield return (NameFinder.Join(tokens.Skip(titleStart).Take(nameStart - titleStart)), [tokens[nameStart].Text, tokens[nameStart + 1].Text], nameStart);
                i = j;
            }
        }
    }

    /// <summary>"Third-placed Wexley Athletic", "Ten-man Rovers": a descriptor glued to the front of a name.</summary>
    private static string StripDescriptor(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0)
        {
            var first = name[..space];
            var dash = first.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && dash + 1 < first.Length && char.IsLower(first[dash + 1]))
            {
                return name[(space + 1)..];
            }
        }

        return name;
    }

    /// <summary>A "place" that is a company ("East Japan Railway Co."), a club ("Castleford Town"), or an employer ("analysts at X").</summary>
    private static bool LooksLikeOrganisation(string name, List<NameMention> own)
    {
        var words = name.Split(' ');
        if (Gazetteer.IsPlace(words))
        {
            return false;
        }

        if (words.Length > 1 && (CompanySuffixes.Contains(words[^1]) || ClubWords.Contains(words[^1])))
        {
            return true;
        }

        // "NHS England", "BBC Scotland": an organisation's regional arm.
        if (words.Length > 1 && words[0].Length >= 2 && words[0].All(char.IsUpper) && Gazetteer.Find(words[0]) is null)
        {
            return true;
        }

        return own.Any(AfterEmployerRole);
    }

    /// <summary>"analysts at X", "an economist at X", "the founder of X": people work for organisations.</summary>
    private static bool AfterEmployerRole(NameMention m)
    {
        var tokens = m.Paragraph.Sentences[m.SentenceIndex];
        if (m.TokenStart < 2 || tokens[m.TokenStart - 1].Lower is not ("at" or "of"))
        {
            return false;
        }

        var role = tokens[m.TokenStart - 2].Lower;
        return Lexicon.EmployerRoles.Contains(role) || Lexicon.EmployerRoles.Contains(role.TrimEnd('s')) || Lexicon.GroupNouns.Contains(role);
    }

    /// <summary>"Holme United v Barrow Lane": both sides of a fixture are clubs.</summary>
    private static IEnumerable<(string Name, StoryEngine.Sentence Sentence, long Order)> Fixtures(IReadOnlyList<ParagraphModel> paragraphs)
    {
        foreach (var paragraph in paragraphs.Where(pm => !pm.Headline && pm.Index > 0))
        {
            foreach (var tokens in paragraph.Sentences)
            {
                for (var i = 1; i + 1 < tokens.Count; i++)
                {
                    if (tokens[i].Text is "v" or "v." or "vs" or "vs." && tokens[i - 1].IsCapitalised && tokens[i + 1].IsCapitalised)
                    {
                        var a = i - 1;
                        while (a > 0 && tokens[a - 1].IsCapitalised)
                        {
                            a--;
                        }

                        var b = i + 1;
                        while (b + 1 < tokens.Count && tokens[b + 1].IsCapitalised)
                        {
                            b++;
                        }

                        var sentence = paragraph.SentenceAt(tokens[i].Start);
                        yield return (NameFinder.Join(tokens.Skip(a).Take(i - a)), sentence, NameFinder.Position(paragraph, tokens[a]));
                        yield return (NameFinder.Join(tokens.Skip(i + 1).Take(b - i)), sentence, NameFinder.Position(paragraph, tokens[i + 1]));
                    }
                }
            }
        }
    }
}
