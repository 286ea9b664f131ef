using System.Text.RegularExpressions;
using StoryEngine;

namespace StoryFacts;

/// <summary>A speaker as an attribution resolved it: the canonical name, what it is, its entity if known, and the words the text used.</summary>
internal sealed record Speaker(string Name, SpeakerKind Kind, Entity? Entity, string AsWritten);

/// <summary>
/// Mention-to-speaker resolution for <see cref="StatementExtractor"/> (issue 11's pipeline): turns the noun phrase an
/// attribution found ("he", "the firm", "Chief executive Margaret Ellison") into a speaker, reading what the story has
/// said so far from the <see cref="DiscourseState"/>. The extractor decides when a speaker is remembered; the order of
/// those updates is the order in which the sentences are read, so resolution depends on it.
/// </summary>
internal sealed class SpeakerResolver
{
    private readonly IReadOnlyList<ParagraphModel> _paragraphs;
    private readonly EntityRegistry _registry;
    private readonly DiscourseState _state;
    private readonly PronounAntecedents _antecedents;

    public SpeakerResolver(IReadOnlyList<ParagraphModel> paragraphs, EntityRegistry registry, DiscourseState state, PronounWeights? weights = null)
    {
        _paragraphs = paragraphs;
        _registry = registry;
        _state = state;
        _antecedents = new PronounAntecedents(paragraphs, state, weights ?? PronounWeights.Default);
    }

    /// <summary>"Boston-based", "London-listed": where a company is, not which company it is.</summary>
    private static bool IsPlaceBasedAdjective(string word) =>
        word.EndsWith("-based", StringComparison.OrdinalIgnoreCase) || word.EndsWith("-headquartered", StringComparison.OrdinalIgnoreCase)
        || word.EndsWith("-listed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("-registered", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "Macron and Merz said": two different people, each resolved as a speaker of its own, speaking together as one
    /// group speaker, the pair; null when either is not a person or both are the same one.
    /// </summary>
    public Speaker? Pair(List<Token> first, List<Token> second, long position)
    {
        if (Resolve(first, position) is not { Kind: SpeakerKind.Person } one
            || Resolve(second, position) is not { Kind: SpeakerKind.Person } other
            || one.Name == other.Name)
        {
            return null;
        }

        return new Speaker($"{one.Name} and {other.Name}", SpeakerKind.Group, null, $"{one.AsWritten} and {other.AsWritten}");
    }

    /// <summary>
    /// "the Saudis", "the Dutch", "the Chinese": a plural or collective nationality is the nation or its government, not
    /// one person the text is about ("the Swede", "the Brazilian" are).
    /// </summary>
    private static bool PeopleOfANation(string demonym) =>
        demonym.EndsWith('s') || demonym.EndsWith("ch", StringComparison.Ordinal) || demonym.EndsWith("sh", StringComparison.Ordinal)
        || demonym.EndsWith("ese", StringComparison.Ordinal);

    /// <summary>
    /// The speaker a noun phrase names at <paramref name="position"/>: a pronoun, a name, a role, a description, an
    /// organisation, or failing all, the phrase as written. Reads the discourse state and writes only the pronoun-sex
    /// suggestion (and the registry, for a bare first name or a surname it held as a place).
    /// </summary>
    public Speaker? Resolve(IReadOnlyList<Token> np, long position)
    {
        var words = np.Where(t => t.IsWord || t.Kind == TokenKind.Number || t.Text == "'s").ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var asWritten = NameFinder.Join(np);
        if (words.Count == 1 && Lexicon.Pronouns.Contains(words[0].Text))
        {
            // Only what comes before the pronoun itself: in "He attempted to distance Ortiz from the plan, arguing ...",
            // Ortiz is named after "He" and before the cue, and cannot be who "He" is.
            var pronounAt = Math.Min(position, (position & ~0xFFFFFFL) + words[0].Start);
            return ResolvePronoun(words[0].Lower, pronounAt, asWritten);
        }

        // A name inside the phrase: "Chief executive Margaret Ellison", "Sophie Tran of Hartmann Securities".
        // The last name in the phrase is its head: "President Trump's envoy Steve Witkoff", "Carrow manager Steve Collins".
        foreach (var (start, end) in Enumerable.Reverse(NameFinder.Runs(words)))
        {
            var run = NameFinder.Texts(words.Skip(start).Take(end - start));
            while (run.Count > 1 && Lexicon.PostNominals.Contains(run[^1]))
            {
                run.RemoveAt(run.Count - 1);
            }

            var lastTitle = run.FindLastIndex(w => Lexicon.TitleWords.Contains(w));
            var name = lastTitle >= 0 && lastTitle < run.Count - 1 ? NameFinder.PersonAfterPortfolio(run.Skip(lastTitle + 1).ToList()) : run;
            // "A Lumora spokesperson": a name followed by a lower-case noun modifies it and is not the speaker.
            var modifier = end < words.Count && words[end].IsWord && !words[end].IsCapitalised
                && (Lexicon.RoleNouns.Contains(words[end].Text) || Lexicon.FemaleRoleNouns.Contains(words[end].Text) || Lexicon.MaleRoleNouns.Contains(words[end].Text));
            // "Mayor Ada Brook's office said": the possessed body speaks, not its owner ("Trump's envoy Steve Witkoff"
            // still ends in a name, found first because the last name in the phrase is tried first).
            // "Aides to Governor Hale say": the aides speak, not the person they serve.
            modifier |= start >= 2 && words[start - 1].Lower == "to" && Lexicon.ServingRoles.Contains(words[start - 2].Text);
            // "a person familiar with Johnson's views", "sources close to Ortiz": the source knows the person, and is not them.
            modifier |= start >= 2 && words[start - 1].Lower is "with" or "to" or "on" or "about"
                && words[start - 2].Lower is "familiar" or "close" or "briefed" or "knowledgeable" or "informed";
            // "The Ortiz campaign said", "Ortiz aides say", "Ortiz's campaign manager said": the name modifies a noun for
            // the person's side, which is the speaker (a name after it, "Ortiz aide Jo Lin", was tried first).
            modifier |= end < words.Count && words.Skip(end).All(w => w.Text is "'s" or "’s" || (w.IsWord && !w.IsCapitalised)) && Lexicon.FollowerNouns.Contains(words[^1].Text);
            // "Ortiz's lawyer told", "Ines Caldera's campaign manager says": whoever the name owns speaks, not the owner;
            // but what the owner said is the owner's ("Varady's advice is: ...", "Ruiz's statement said").
            // ("Ortiz's biggest boosters in Port Carrow insisted": the place after the owned noun does not make it a name.)
            var owned = words.Skip(end + 1).TakeWhile(w => !(w.IsWord && !w.IsCapitalised && w.Lower is "in" or "at" or "from" or "across" or "around")).ToList();
            modifier |= end + 1 < words.Count && words[end].Text == "'s" && owned.Count > 0 && owned.All(w => w.IsWord && !w.IsCapitalised)
                && !Lexicon.DocumentNouns.Contains(owned[^1].Text) && !Lexicon.SpeechNouns.Contains(owned[^1].Text);
            var hint = lastTitle >= 0 ? run[lastTitle].TrimEnd('.').ToLowerInvariant() switch
            {
                "mr" or "sir" or "lord" => Gender.Male,
                "ms" or "mrs" or "miss" or "dame" or "lady" => Gender.Female,
                _ => Gender.Unknown,
            } : Gender.Unknown;
            var person = modifier ? null : _registry.FindPerson(name, hint);
            // "U.S. special envoy for Sudan Warren Tallis": a portfolio's place ran into the name, which is still the speaker.
            var placeLed = person is not null && run.Count > person.NameTokens.Count && Gazetteer.Find(run[0]) is { IsDemonym: false };
            if (person is not null && (placeLed || !(start > 0 && words[start - 1].Lower is "for" or "of" or "at" && words.Take(start).Any(w => !w.IsCapitalised && !Lexicon.Determiners.Contains(w.Text) && w.Lower is not ("for" or "of")))))
            {
                return new Speaker(person.Name, SpeakerKind.Person, person, asWritten);
            }
        }

        var bare = NameFinder.Texts(words.Where(w => !Lexicon.Determiners.Contains(w.Text)));
        var runs = NameFinder.Runs(words);
        if (runs.Count > 0 && runs[^1].End == words.Count && runs[^1].Start > 0 && !words[runs[^1].Start - 1].IsCapitalised
            && words.Take(runs[^1].Start).Skip(1).All(w => w.IsWord && !w.IsCapitalised && w.Lower is not ("for" or "of" or "at" or "from" or "with" or "and" or "or")))
        {
            // "Ticketing platform SeatSwift": a descriptor before a known organisation's name.
            var named = _registry.FindOrganisation([.. words.Skip(runs[^1].Start).Select(w => w.Text)]);
            if (named is not null && named.Kind != EntityKind.Person)
            {
                return new Speaker(named.Name, SpeakerKind.Organisation, named, asWritten);
            }
        }

        if (words.Count is >= 2 and <= 4 && words[0].Lower is "the" && Lexicon.CompanyNouns.Contains(words[^1].Text)
            && words.Skip(1).All(w => w.IsWord && (!w.IsCapitalised || IsPlaceBasedAdjective(w.Text))))
        {
            // "the firm", "the company", "the software maker", "the Boston-based company": the organisation the story
            // was last talking about.
            var company = CompanyReferredTo(position);
            if (company is not null)
            {
                return new Speaker(company.Name, SpeakerKind.Organisation, company, asWritten);
            }
        }

        if (words.Count == 1 && words[0].IsCapitalised && Gazetteer.Find(words[0].Text) is { IsDemonym: false, Kind: PlaceKind.Country or PlaceKind.Capital })
        {
            // "which Kyiv says are legitimate targets", "Beijing said": a capital or country speaking is its government,
            // named as written (not an organisation that merely starts with the same word).
            return new Speaker(words[0].Text, SpeakerKind.Organisation, null, asWritten);
        }

        var organisation = _registry.FindOrganisation(bare);
        if (organisation is not null && organisation.Kind != EntityKind.Person)
        {
            return new Speaker(organisation.Name, SpeakerKind.Organisation, organisation, asWritten);
        }

        // "two residents who spoke to reporters by phone": the head noun comes before the relative clause.
        var relative = words.FindIndex(w => w.Lower is "who" or "which" or "whose");
        var headWords = relative > 0 ? words.Take(relative).ToList() : words;
        var preposition = headWords.FindIndex(w => w.Lower is "of" or "for" or "at" or "from" or "in");
        var head = preposition > 0 ? headWords[preposition - 1] : headWords[^1];
        var womanOrMan = head.Text.Length >= 7 && !Lexicon.RoleNouns.Contains(head.Text) && !Lexicon.TitleWords.Contains(head.Text) && !Lexicon.FemaleRoleNouns.Contains(head.Text) && !Lexicon.MaleRoleNouns.Contains(head.Text)
            ? head.Lower.EndsWith("woman", StringComparison.Ordinal) ? Gender.Female : head.Lower.EndsWith("man", StringComparison.Ordinal) ? Gender.Male : Gender.Unknown
            : Gender.Unknown;
        if (words.Count >= 2 && words[0].Lower == "the" && head.IsCapitalised && NameFinder.IsNationality(head.Text) && womanOrMan == Gender.Unknown
            && !PeopleOfANation(head.Text)
            && (words.Count == 2 || words.Skip(1).Take(words.Count - 2).All(w => !w.IsCapitalised || w.Text.EndsWith("year-old", StringComparison.Ordinal))))
        {
            // "the Swede said", "the 29-year-old Brazilian said": a nationality standing for the person the text is about.
            var described = ResolveDescribed(position, asWritten);
            if (described is not null)
            {
                return described;
            }
        }

        if (words.Count >= 2 && words[0].Lower == "the" && head.IsCapitalised && head.Lower is "republican" or "democrat"
            && words.Skip(1).Take(words.Count - 2).All(w => !w.IsCapitalised || Gazetteer.Find(w.Text) is not null))
        {
            // "the Wisconsin Republican said": a party member described by state is the person the text is about ("the
            // Independent" is as often a newspaper).
            var described = ResolveDescribed(position, asWritten);
            if (described is not null)
            {
                return described;
            }
        }

        if (words.Count >= 2 && Lexicon.Determiners.Contains(words[0].Text) && !Lexicon.IndefiniteDeterminers.Contains(words[0].Text) && womanOrMan != Gender.Unknown)
        {
            // "the 22-year-old Frenchwoman": the woman the text is about, as "she" would be.
            var described = ResolvePronoun(womanOrMan == Gender.Female ? "she" : "he", position, asWritten);
            if (described is not null)
            {
                return described;
            }
        }

        if (words.Count >= 2 && words[0].Lower == "the" && !head.IsCapitalised && words.Any(w => w.Lower.EndsWith("year-old", StringComparison.Ordinal)) && !head.Lower.EndsWith("year-old", StringComparison.Ordinal))
        {
            // "the 24-year-old left-arm seamer said": an age makes the phrase a person the text is about.
            var described = ResolveDescribed(position, asWritten);
            if (described is not null)
            {
                return described;
            }
        }

        // Only a definite descriptor refers back ("the 22-year-old", "the woman"); "a woman" introduces someone new.
        if (words.Count >= 2 && Lexicon.Determiners.Contains(words[0].Text) && !Lexicon.IndefiniteDeterminers.Contains(words[0].Text) && (head.Lower.EndsWith("year-old", StringComparison.Ordinal) || Lexicon.PersonDescriptors.Contains(head.Text)))
        {
            // "said the woman": someone of that sex, never the man named last (nobody, and the words stand as written).
            var recent = MostRecentPerson(position, RoleGender(head.Text));
            if (recent is not null)
            {
                return new Speaker(recent.Name, SpeakerKind.Person, recent, asWritten);
            }
        }

        if (words[0].Lower is "the" && !head.IsCapitalised && (Lexicon.RoleNouns.Contains(head.Text) || Lexicon.TitleWords.Contains(head.Text)))
        {
            // "A No 10 spokesperson told reporters ..." then ""...," the spokesperson said": the unnamed speaker introduced
            // with the same role word.
            var unnamed = _state.Speakers.Where(x => x.Position < position && x.Speaker.Entity is null && x.Speaker.Kind == SpeakerKind.Person
                    && x.Speaker.AsWritten.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } written
                    && string.Equals(written[^1], head.Text, StringComparison.OrdinalIgnoreCase)
                    && written[0].ToLowerInvariant() is "a" or "an")
                .OrderBy(x => x.Position).LastOrDefault();
            if (unnamed.Speaker is not null && !_state.People.Any(m => m.Position > unnamed.Position && m.Position < position
                    && m.Entity.Roles.Any(r => EntityRegistry.RoleWords(r.Role).Contains(head.Text, StringComparer.OrdinalIgnoreCase))))
            {
                return unnamed.Speaker with { AsWritten = asWritten };
            }
        }

        if (Lexicon.RoleNouns.Contains(head.Text) && !words.Any(w => w.Lower is "for" or "of" or "from" or "at") && !Lexicon.IndefiniteDeterminers.Contains(words[0].Text))
        {
            // Only people the story has named by this point: a role first given later ("the Cabinet Office spokesperson,
            // X," three paragraphs on) is someone else. "A spokesperson" introduces a new, unnamed speaker.
            var candidates = _registry.FindByRole(words.Where(w => !Lexicon.Determiners.Contains(w.Text) && w.Text != "'s").Select(w => w.Lower).ToList())
                .Where(c => _state.People.Any(m => m.Entity == c && m.Position < position) || _state.Speakers.Any(x => x.Speaker.Entity == c && x.Position < position)).ToList();
            if (candidates.Count > 0)
            {
                var chosen = candidates
                    .OrderByDescending(c => _state.People.Where(m => m.Entity == c && m.Position < position).Select(m => m.Position).DefaultIfEmpty(-1).Max())
                    .First();
                return new Speaker(chosen.Name, SpeakerKind.Person, chosen, asWritten);
            }
        }

        if (words.Count is >= 2 and <= 4 && words[0].Lower == "the" && head.IsWord && !head.IsCapitalised && Lexicon.TitleWords.Contains(head.Text)
            && !words.Any(w => w.Lower is "for" or "of" or "from" or "at"))
        {
            // ""...," the Magpies captain said" after "Moore, who kicked ..., said ...": a definite role with no one
            // holding it by name is the person the paragraph is about.
            var paragraph = position >> 24;
            var about = _state.Subjects.Where(x => x.Position >> 24 == paragraph && x.Position < position).Select(x => x.Entity)
                .Concat(_state.Speakers.Where(x => x.Position >> 24 == paragraph && x.Position < position && x.Speaker.Entity is { Kind: EntityKind.Person }).Select(x => x.Speaker.Entity!))
                .LastOrDefault();
            if (about is not null)
            {
                return new Speaker(about.Name, SpeakerKind.Person, about, asWritten);
            }
        }

        if (words.Count == 2 && words[0].Lower is "the" or "this" && !head.IsCapitalised && head.Lower is "statement" or "letter" or "post" or "message" or "release" or "note" or "tweet" or "email" or "notice" or "memo")
        {
            // ""...," the statement read": the organisation that last spoke, within the last two paragraphs, issued it.
            var windowStart = (long)Math.Max(0, (position >> 24) - 2) << 24;
            var issuer = _state.Speakers.Where(x => x.Position < position && x.Position >= windowStart && x.Speaker.Kind is SpeakerKind.Organisation or SpeakerKind.Group)
                .OrderBy(x => x.Position).LastOrDefault();
            // "Halden Ferries declined to comment but issued a statement": the company that put the document out, though
            // it said nothing else, is its issuer.
            var publisher = _state.Companies.Where(c => c.Position < position && c.Position >= windowStart && c.Position > issuer.Position
                    && IssuesDocument(NameFinder.SentenceAt(_paragraphs, c.Position).Text, head.Lower))
                .Select(c => c.Entity).LastOrDefault();
            if (publisher is not null)
            {
                issuer = (position, new Speaker(publisher.Name, SpeakerKind.Organisation, publisher, publisher.Name));
            }

            if (issuer.Speaker is not null)
            {
                // Named as what it is, the issuer's document: "Halden Foods' statement" (the paper speaks for its issuer).
                // ("the release added" after "the release said": the same issuer, not the release's release.)
                var issuerName = issuer.Speaker.Entity?.Name ?? issuer.Speaker.Name;
                if (issuer.Speaker.Entity is null && issuer.Speaker.AsWritten.Split(' ') is [_, var document] && Lexicon.DocumentNouns.Contains(document.ToLowerInvariant())
                    && issuerName.LastIndexOf(' ') is var cut and > 0)
                {
                    var possessive = issuerName[..cut];
                    issuerName = possessive.EndsWith("'s", StringComparison.Ordinal) || possessive.EndsWith("’s", StringComparison.Ordinal) ? possessive[..^2] : possessive.TrimEnd('\'', '’');
                }

                var owner = issuerName.EndsWith('s') ? issuerName + "'" : issuerName + "'s";
                return issuer.Speaker with { Name = owner + " " + head.Lower, AsWritten = asWritten };
            }
        }

        var text = asWritten;
        if (np[0].IsWord && np[0].Lower is "the" or "a" or "an" && np[0].IsCapitalised)
        {
            text = np[0].Lower + text[np[0].Text.Length..];
        }

        // "a spokeswoman for the Rail Delivery Group" is a person speaking for an organisation.
        var kind = head.IsWord && !head.IsCapitalised && !Lexicon.IsPlural(head) && (Lexicon.RoleNouns.Contains(head.Text) || Lexicon.FemaleRoleNouns.Contains(head.Text) || Lexicon.MaleRoleNouns.Contains(head.Text))
            ? SpeakerKind.Person
            : words.Any(w => Lexicon.IsOrganisationWord(w.Text) && !w.Lower.EndsWith('s')) || NameFinder.IsAcronym(head)
            ? SpeakerKind.Organisation
            : Lexicon.IsPlural(head) ? SpeakerKind.Group : SpeakerKind.Person;
        if (words.Count == 1 && head.IsCapitalised && SurnameOfUnclassifiedName(head.Text) is { } surnamed)
        {
            // "a letter from Keisha Obuya" read as a place, then "Obuya said": the bare word is that name's surname.
            surnamed.Kind = EntityKind.Person;
            return new Speaker(surnamed.Name, SpeakerKind.Person, surnamed, asWritten);
        }

        if (words.Count == 1 && head.IsCapitalised && (Lexicon.IsFirstName(head.Text)) && !Lexicon.IsPlural(head))
        {
            // "Marta said": a known first name is a person even when the story never gave the surname.
            var person = _registry.AddPerson([head.Text], NameFinder.SentenceAt(_paragraphs, position));
            return new Speaker(person.Name, SpeakerKind.Person, person, asWritten);
        }

        if (kind == SpeakerKind.Person && words.Count == 1 && head.IsCapitalised && !Lexicon.IsPlural(head))
        {
            // An unknown bare capitalised word ("Rovers", "Hamas") is more likely an organisation than a person.
            kind = SpeakerKind.Organisation;
        }

        return new Speaker(text, kind, null, asWritten);
    }

    /// <summary>
    /// A two- or three-word name the story holds as a place or organisation (a preposition before it, an unlisted first
    /// name) that ends in <paramref name="word"/> and has nothing of a place or organisation in it: "Keisha Obuya".
    /// </summary>
    private Entity? SurnameOfUnclassifiedName(string word)
    {
        if (Lexicon.IsOrganisationWord(word) || Lexicon.PlaceWords.Contains(word) || Gazetteer.Find(word) is not null || Lexicon.CapitalisedFunctionWords.Contains(word))
        {
            return null;
        }

        var candidates = _registry.Entities.Where(e => e.Kind is EntityKind.Place or EntityKind.Organisation && e.NameTokens.Count is 2 or 3
            && string.Equals(e.NameTokens[^1], word, StringComparison.Ordinal)
            && e.NameTokens.All(n => n.Length > 1 && char.IsUpper(n[0]) && n.Skip(1).Any(char.IsLower) && !Lexicon.IsOrganisationWord(n) && !Lexicon.PlaceWords.Contains(n)
                && !Lexicon.TitleWords.Contains(n) && !Lexicon.CapitalisedFunctionWords.Contains(n) && Gazetteer.Find(n) is null)
            && Gazetteer.Find(e.NameTokens) is null).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>Whether <paramref name="sentence"/> has someone issue a <paramref name="document"/> ("issued a statement", "sent a letter").</summary>
    private static bool IssuesDocument(string sentence, string document) =>
        Regex.IsMatch(sentence, $@"\b(?:issued|released|put out|sent|posted|published|emailed)\s+(?:a|an|its|their|the)\s+(?:[a-z-]+\s+)?{Regex.Escape(document)}\b", RegexOptions.CultureInvariant);

    /// <summary>
    /// The company "the company"/"the firm" refers to: the last one named, unless that one was named only once, in an
    /// earlier paragraph, while another company the story keeps returning to (three mentions or more) has been named
    /// since or as often: "Halden ... Rival Brook Foods cut prices in March. ... The company said" is Halden.
    /// </summary>
    private Entity? CompanyReferredTo(long position)
    {
        var before = _state.Companies.Where(c => c.Position < position).ToList();
        if (before.Count == 0)
        {
            return null;
        }

        // A body named with a corporate word ("Veridane Therapeutics", "Halden Foods Ltd") is a company; a bare acronym
        // such as a regulator is not, when a named company is at hand.
        var corporate = before.Where(c => c.Entity.NameTokens.Any(w => !w.All(char.IsUpper) && Lexicon.IsOrganisationWord(w))).ToList();
        if (corporate.Count > 0)
        {
            before = corporate;
        }

        var last = before[^1];
        var counts = before.GroupBy(c => c.Entity).ToDictionary(g => g.Key, g => g.Count());
        var main = counts.OrderByDescending(c => c.Value).First();
        var paragraph = position >> 24;
        if (main.Key != last.Entity && counts[last.Entity] == 1 && main.Value >= 3 && last.Position >> 24 < paragraph)
        {
            return main.Key;
        }

        return last.Entity;
    }

    private Speaker? ResolvePronoun(string pronoun, long position, string asWritten)
    {
        switch (pronoun)
        {
            case "he" or "him" or "she" or "her":
            {
                var gender = pronoun is "he" or "him" ? Gender.Male : Gender.Female;
                var speaker = PronounSpeaker(gender, position, asWritten);
                NotePronounSex(speaker?.Entity, gender, position);
                return speaker;
            }

            case "they" or "them":
            {
                var group = _state.Speakers.Where(s => s.Position < position && s.Speaker.Kind is SpeakerKind.Group or SpeakerKind.Organisation).OrderBy(s => s.Position).LastOrDefault();
                return group.Speaker is null ? null : group.Speaker with { AsWritten = asWritten };
            }

            case "it":
            {
                var organisation = _state.Speakers.Where(s => s.Position < position && s.Speaker.Kind == SpeakerKind.Organisation).OrderBy(s => s.Position).LastOrDefault();
                if (organisation.Speaker is null)
                {
                    // "Lumora ... unveiled a headset, which it said would ship in March": before any organisation has
                    // spoken, "it" is the company the story has named.
                    var company = _state.Companies.Where(c => c.Position < position).Select(c => c.Entity).LastOrDefault();
                    return company is null ? null : new Speaker(company.Name, SpeakerKind.Organisation, company, asWritten);
                }

                return organisation.Speaker with { AsWritten = asWritten };
            }

            default:
                return null;
        }
    }

    private Speaker? PronounSpeaker(Gender gender, long position, string asWritten)
    {
        // The person: the compatible one the weighed features rank first (PronounAntecedents).
        var ranked = _antecedents.Rank(position, e => Compatible(e, gender, position));
        var person = ranked.Count > 0 ? ranked[0].Person : null;
        var personAt = person is null ? -1 : ranked[0].LastSeen;

        // An unnamed speaker whose role tells the sex ("a spokeswoman for the group") can be "she" too.
        var unnamed = _state.Speakers.Where(x => x.Position < position && x.Speaker.Entity is null && x.Speaker.Kind == SpeakerKind.Person && RoleGender(x.Speaker.AsWritten) == gender)
            .OrderBy(x => x.Position).LastOrDefault();
        var chosen = unnamed.Speaker is not null && (person is null || unnamed.Position > personAt)
            ? unnamed.Speaker with { AsWritten = asWritten }
            : person is null ? null : new Speaker(person.Name, SpeakerKind.Person, person, asWritten);
        Trace?.Invoke(position, asWritten, [.. ranked.Select(r => new PronounCandidate(r.Person.Name, PronounAntecedents.Named(r.Features), r.Score))], chosen?.Name);
        return chosen;
    }

    /// <summary>Told of every speaking "he" or "she" resolved: where, the pronoun, the ranked candidates and the speaker chosen (for fitting <see cref="PronounWeights"/>).</summary>
    public Action<long, string, IReadOnlyList<PronounCandidate>, string?>? Trace { get; init; }

    /// <summary>
    /// A pronoun that reached a person of unknown sex suggests that sex, but does not fix it for the rest of the story
    /// (only a title, a known first name or a gendered role does; see <see cref="Entity.Gender"/>): the suggestion holds
    /// for two paragraphs after the last pronoun that reached the person, so a nearby pronoun of the other sex looks
    /// elsewhere, while a later one can still reach them. Fixing the sex for good let one wrong resolution steer every
    /// later pronoun (measured on PolNeAR dev; no suggestion at all, or one held for good, did worse).
    /// </summary>
    private void NotePronounSex(Entity? person, Gender gender, long position)
    {
        if (person is { Kind: EntityKind.Person, Gender: Gender.Unknown })
        {
            _state.SuggestSex(person, gender, position);
        }
    }

    /// <summary>
    /// A descriptor with no sex ("the Swede"): the latest sentence subject or person speaking in the last two paragraphs,
    /// else the person named most recently.
    /// </summary>
    private Speaker? ResolveDescribed(long position, string asWritten)
    {
        var windowStart = (long)Math.Max(0, (position >> 24) - 2) << 24;
        var focus = _state.Subjects.Where(x => x.Position < position && x.Position >= windowStart)
            .Concat(_state.Speakers.Where(x => x.Position < position && x.Position >= windowStart && x.Speaker.Entity is { Kind: EntityKind.Person }).Select(x => (x.Position, Entity: x.Speaker.Entity!)))
            .OrderBy(x => x.Position).LastOrDefault().Entity ?? MostRecentPerson(position, Gender.Unknown);
        return focus is null ? null : new Speaker(focus.Name, SpeakerKind.Person, focus, asWritten);
    }

    private Entity? MostRecentPerson(long position, Gender gender) => MostRecentPerson(position, gender, out _);

    private Entity? MostRecentPerson(long position, Gender gender, out long at)
    {
        var fromNames = _state.People.Where(m => m.Position < position && Compatible(m.Entity, gender, position)).Select(m => (m.Position, m.Entity));
        var fromSpeakers = _state.Speakers.Where(s => s.Position < position && s.Speaker.Entity is { Kind: EntityKind.Person } e && Compatible(e, gender, position)).Select(s => (s.Position, s.Speaker.Entity!));
        var best = fromNames.Concat(fromSpeakers).OrderBy(x => x.Position).LastOrDefault();
        at = best.Item2 is null ? -1 : best.Position;
        return best.Item2;
    }

    private static Gender RoleGender(string phrase)
    {
        foreach (var word in phrase.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Lexicon.FemaleRoleNouns.Contains(word))
            {
                return Gender.Female;
            }

            if (Lexicon.MaleRoleNouns.Contains(word))
            {
                return Gender.Male;
            }
        }

        return Gender.Unknown;
    }

    /// <summary>
    /// Whether a person can be the "he"/"she" of <paramref name="gender"/> at <paramref name="position"/>: a known sex must
    /// match; an unknown one fits unless a pronoun of the other sex reached the person in the last two paragraphs.
    /// </summary>
    private bool Compatible(Entity e, Gender gender, long position)
    {
        if (gender == Gender.Unknown || e.Gender == gender)
        {
            return true;
        }

        return e.Gender == Gender.Unknown
            && !(_state.PronounSex.TryGetValue(e, out var suggested) && suggested.Gender != gender && (position >> 24) - (suggested.Position >> 24) <= 2);
    }

    /// <summary>A speaker an attribution settled on at <paramref name="position"/>, for later pronouns and roles to refer back to.</summary>
    public void Remember(long position, Speaker speaker) => _state.AddSpeaker(position, speaker);

    /// <summary>"The researchers pooled data ... They found that ...": a plural group of people opening a sentence is what "they" refers to next.</summary>
    /// <remarks>A named person as the subject is noted for the sentences after it too.</remarks>
    public void RememberGroupSubject(ParagraphModel p, List<Token>? subject)
    {
        if (subject is null || subject.Count < 1 || Lexicon.Pronouns.Contains(subject[0].Text))
        {
            return;
        }

        var head = subject[^1];
        if (subject.Count > (head.IsCapitalised ? 8 : 4))
        {
            // A name may carry a long role ("Veritas founder and chief executive Ravi Anand"); a group noun may not.
            return;
        }

        if (head.IsCapitalised)
        {
            var named = Resolve(subject, NameFinder.Position(p, subject[0]));
            if (named?.Entity is { Kind: EntityKind.Person } person)
            {
                _state.AddSubject(NameFinder.Position(p, subject[0]), person);
            }

            return;
        }

        if (head.IsWord && Lexicon.GroupNouns.Contains(head.Text))
        {
            var speaker = Resolve(subject, NameFinder.Position(p, subject[0]));
            if (speaker is not null && speaker.Kind is SpeakerKind.Group or SpeakerKind.Organisation)
            {
                // "Union leaders warned of strikes. ..., they said.": a plural people noun heads the subject ("Union" only
                // modifies it), so "they" can refer back to it.
                Remember(NameFinder.Position(p, subject[0]), speaker);
            }
        }
    }
}
