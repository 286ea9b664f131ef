namespace StoryFacts;

/// <summary>
/// Generic English word lists the rules rely on. Nothing here names a person, place or organisation from any story:
/// the lists describe how news English reports speech and introduces people.
/// </summary>
internal static class Lexicon
{
    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);

    // Declared first: static fields initialise in text order, and every list below is read from it.
    private static readonly Dictionary<string, string[]> WordLists = ReadWordLists();

    /// <summary>The list <paramref name="name"/> of the embedded <c>word-lists.txt</c>, case ignored.</summary>
    private static HashSet<string> Words(string name) =>
        WordLists.TryGetValue(name, out var words) ? Set(words) : throw new InvalidOperationException($"word-lists.txt has no list [{name}].");

    /// <summary>Every list of the embedded <c>word-lists.txt</c> by name: "[Name]" lines, then words separated by spaces.</summary>
    private static Dictionary<string, string[]> ReadWordLists()
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("StoryFacts.word-lists.txt")
            ?? throw new InvalidOperationException("The embedded word lists are missing from the build.");
        using var reader = new StreamReader(stream);
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        while (reader.ReadLine() is { } line)
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            if (text.StartsWith('[') && text.EndsWith(']'))
            {
                current = lists[text[1..^1]] = [];
                continue;
            }

            (current ?? throw new InvalidDataException("word-lists.txt has words before its first [Name] line.")).AddRange(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        return lists.ToDictionary(l => l.Key, l => l.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Role nouns: a list, plus the open families no list can hold, known by their ending (<see cref="HasProfessionEnding"/>:
    /// "volcanologist", "Hydrologists", "statistician"); no given name or surname ends that way.
    /// </summary>
    public sealed class RoleWords
    {
        private readonly HashSet<string> _words;

        private RoleWords(HashSet<string> words) => _words = words;

        public static RoleWords Of(params string[] words) => new(Set(words));

        public bool Contains(string word) => _words.Contains(word) || HasProfessionEnding(word);
    }

    /// <summary>Role nouns the name finder does not know as titles but news puts before or after names.</summary>
    public static readonly HashSet<string> OtherRoleNouns = Words("OtherRoleNouns");

    /// <summary>A role noun of either list: <see cref="RoleNouns"/> (with the profession endings) or <see cref="OtherRoleNouns"/>.</summary>
    public static bool IsAnyRoleNoun(string word) => RoleNouns.Contains(word) || OtherRoleNouns.Contains(word);

    /// <summary>"neurologist", "paediatrician", "psychiatrist", "oceanographers": professions known by their endings.</summary>
    private static bool HasProfessionEnding(string word) =>
        word.Length > 6 && Array.Exists(ProfessionEndings, e => word.EndsWith(e, StringComparison.OrdinalIgnoreCase) || word.EndsWith(e + "s", StringComparison.OrdinalIgnoreCase));

    private static readonly string[] ProfessionEndings = ["ologist", "ician", "iatrist", "ographer"];

    /// <summary>Reporting verbs that introduce what someone said: the finite forms, and the bare present forms of <see cref="BaseFormVerbs"/> (listed there once).</summary>
    public static readonly HashSet<string> ReportingVerbs = Set([.. Words("ReportingVerbs"), .. Words("BaseFormVerbs")]);

    /// <summary>
    /// Cue verbs whose reported statements are not speech as news annotators count it ("the audit found", "she
    /// believes"), from the embedded <c>non-speech-cues.txt</c> that <c>tools/speakers/fit_cues.py</c> writes from
    /// PolNeAR dev: the first word of each line.
    /// </summary>
    public static readonly HashSet<string> NonSpeechCues = ReadEmbeddedWords("StoryFacts.non-speech-cues.txt");

    /// <summary>
    /// The verbs of <see cref="NounObjectVerbs"/> whose plain object PolNeAR's annotators count as what was said
    /// ("announced his candidacy", "recalled the night of the fire"), from the embedded <c>object-speech-cues.txt</c>
    /// that tools/speakers/fit_object_cues.py writes; the other verbs' objects are things done, not said ("showed
    /// a gain", "posted a photo"). A line "*" lists every such verb (the build the fit reads).
    /// </summary>
    public static readonly HashSet<string> ObjectSpeechCues = ReadEmbeddedWords("StoryFacts.object-speech-cues.txt");

    /// <summary>Whether <paramref name="verb"/>'s plain object reports speech (<see cref="ObjectSpeechCues"/>).</summary>
    public static bool ObjectIsSpeech(string verb) => ObjectSpeechCues.Contains(verb) || ObjectSpeechCues.Contains("*");

    /// <summary>An embedded list of one word a line, before any tab ('#' starts a comment), read once.</summary>
    private static HashSet<string> ReadEmbeddedWords(string resource)
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Split('\t')[0].Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
            {
                words.Add(word);
            }
        }

        return words;
    }

    /// <summary>
    /// Request cues from the embedded <c>request-cues.txt</c>: each verb form with what must follow it ("for", "on",
    /// "upon", or "object" for an object and an infinitive or "whether"/"if").
    /// </summary>
    public static readonly ILookup<string, string> RequestCues = ReadEmbeddedPairs("StoryFacts.request-cues.txt");

    /// <summary>An embedded list of "word what-follows" lines ('#' starts a comment), read once.</summary>
    private static ILookup<string, string> ReadEmbeddedPairs(string resource)
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        var pairs = new List<(string Word, string Follows)>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && !line.StartsWith('#'))
            {
                pairs.Add((parts[0], parts[1]));
            }
        }

        return pairs.ToLookup(x => x.Word, x => x.Follows, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Heads of a share of a group ("64 percent of voters", "a third", "most"): in a poll they are the respondents, and a
    /// bare "say" after them is a verb, as after a plural.
    /// </summary>
    public static readonly HashSet<string> ShareWords = Words("ShareWords");

    /// <summary>Roles that name whom they serve with "to": "aides to the governor", "an adviser to Mr. Ortiz".</summary>
    public static readonly HashSet<string> ServingRoles = Words("ServingRoles");

    /// <summary>
    /// Nouns a person's name can modify: "the Ortiz campaign", "Ortiz aides", "a senior Ortiz administration official".
    /// The phrase then speaks for the person's side, not the person.
    /// </summary>
    public static readonly HashSet<string> FollowerNouns = Words("FollowerNouns");

    /// <summary>US party nouns: "a Sarasota Republican" is a description of someone, never a name.</summary>
    public static readonly HashSet<string> PartyNouns = Words("PartyNouns");

    /// <summary>Words that open a clause or phrase and never name a speaker on their own ("When", "There", "Facing").</summary>
    public static readonly HashSet<string> NeverSpeakers = Words("NeverSpeakers");

    /// <summary>Role nouns that tell a speaker's sex, so "she" can refer back to "a spokeswoman for ...".</summary>
    public static readonly HashSet<string> FemaleRoleNouns = Words("FemaleRoleNouns");

    public static readonly HashSet<string> MaleRoleNouns = Words("MaleRoleNouns");

    /// <summary>Participial reporting forms: ", insisting, ..." / "stating that ...".</summary>
    public static readonly HashSet<string> ReportingParticiples = Words("ReportingParticiples");

    /// <summary>Reporting verbs that also take a plain object ("announced a buyback"); they report speech only before a clause.</summary>
    public static readonly HashSet<string> NounObjectVerbs = Words("NounObjectVerbs");

    /// <summary>Job roles whose "of"/"at" phrase names an employer ("co-founder of X", "analyst at X").</summary>
    public static readonly HashSet<string> EmployerRoles = Words("EmployerRoles");

    /// <summary>
    /// Verbs of commitment: with an infinitive ("vowed to veto the bill") they report what the subject said it would do.
    /// </summary>
    public static readonly HashSet<string> CommitmentVerbs = Words("CommitmentVerbs");

    /// <summary>Reporting verbs of an "as" clause that attributes the clause it is attached to ("As the Ledger reported, ...").</summary>
    public static readonly HashSet<string> AsReportedVerbs = Words("AsReportedVerbs");

    /// <summary>Verbs that hand over to a reporting verb through "to" ("continued to insist", "went on to say").</summary>
    public static readonly HashSet<string> CatenativeVerbs = Words("CatenativeVerbs");

    /// <summary>"was quick to note", "are likely to argue": after a form of "be", the adjective hands over to the verb.</summary>
    public static readonly HashSet<string> CatenativeAdjectives = Words("CatenativeAdjectives");

    /// <summary>Bare present forms ("Police say ..."); they report speech only after a plural subject.</summary>
    public static readonly HashSet<string> BaseFormVerbs = Words("BaseFormVerbs");

    /// <summary>Nouns for written statements; a verb right after one is a reduced relative ("a statement posted on X").</summary>
    public static readonly HashSet<string> DocumentNouns = Words("DocumentNouns");

    /// <summary>Modal and auxiliary verbs: a subject's verb, but never the one that says or hands over ("X would:").</summary>
    public static readonly HashSet<string> Auxiliaries = Words("Auxiliaries");

    /// <summary>Records a source speaks through ("a count by the AP", "data from the ministry", "a 2013 study by X").</summary>
    public static readonly HashSet<string> RecordNouns = Words("RecordNouns");

    /// <summary>A statement or a record: what a source's words or figures come in.</summary>
    public static bool IsSourceDocument(string word) => DocumentNouns.Contains(word) || RecordNouns.Contains(word);

    /// <summary>Verbs that report a finding only with an explicit "that" ("the study found that ...").</summary>
    public static readonly HashSet<string> ThatOnlyVerbs = Words("ThatOnlyVerbs");

    /// <summary>Plural nouns for groups of people that "they" can refer back to.</summary>
    public static readonly HashSet<string> GroupNouns = Words("GroupNouns");

    /// <summary>Head nouns of "the firm"-style phrases that stand for the company the story is about.</summary>
    public static readonly HashSet<string> CompanyNouns = Words("CompanyNouns");

    /// <summary>Words that mark a public body rather than a company ("Commerce Department", "Met Office").</summary>
    public static readonly HashSet<string> PublicBodyWords = Words("PublicBodyWords");

    /// <summary>Nouns for a poll, whose respondents speak: "voters in a recent poll said".</summary>
    public static readonly HashSet<string> PollNouns = Words("PollNouns");

    /// <summary>Auxiliaries and common past forms that show a clause follows ("rates would fall", "the team lost").</summary>
    public static readonly HashSet<string> FiniteMarkers = Words("FiniteMarkers");

    /// <summary>Verbs whose first object is the listener ("told reporters that ..."), skipped before the content.</summary>
    public static readonly HashSet<string> TellVerbs = Words("TellVerbs");

    /// <summary>Words between a subject and its verb that do not belong to either ("officials later said").</summary>
    public static readonly HashSet<string> SkipBeforeVerb = Words("SkipBeforeVerb");

    public static readonly HashSet<string> Determiners = Words("Determiners");

    /// <summary>Adverbs that open a sentence before its subject ("Instead, he ...", "Then she ...") besides <see cref="SkipBeforeVerb"/>.</summary>
    public static readonly HashSet<string> SentenceAdverbs = Words("SentenceAdverbs");

    /// <summary>Nouns that end a time phrase ("earlier this week", "late Monday night").</summary>
    public static readonly HashSet<string> TimeNouns = Words("TimeNouns");

    /// <summary>Words inside a time phrase before its noun or day ("earlier this", "late", "last", "on").</summary>
    public static readonly HashSet<string> TimeWords = Words("TimeWords");

    /// <summary>Prepositions that open a phrase about the speaking after a reporting verb ("said of the senator").</summary>
    public static readonly HashSet<string> PhraseAfterVerbOpeners = Words("PhraseAfterVerbOpeners");

    /// <summary>Plain verbs of saying, whose object is only ever what was said.</summary>
    public static readonly HashSet<string> PlainSpeechVerbs = Words("PlainSpeechVerbs");

    /// <summary>Occasions of speaking that can stand between a name and its verb ("Ruiz in her budget speech said").</summary>
    public static readonly HashSet<string> OccasionNouns = Words("OccasionNouns");

    /// <summary>Words for a number of people that can head a subject ("Many in the crowd said").</summary>
    public static readonly HashSet<string> PeopleQuantities = Words("PeopleQuantities");

    /// <summary>Determiners that introduce someone new ("one strategist", "another aide"): such a description never refers back to a person named before.</summary>
    public static readonly HashSet<string> IndefiniteDeterminers = Words("IndefiniteDeterminers");

    /// <summary>Plural nouns for people, besides <see cref="GroupNouns"/> and plural roles: heads of a subject of many ("voters in four districts").</summary>
    public static readonly HashSet<string> PeoplePlurals = Words("PeoplePlurals");

    /// <summary>A plural noun for people: listed, a group, or a role or person word with an "s" ("candidates", "spokesmen" aside).</summary>
    public static bool IsPeoplePlural(string word) =>
        PeoplePlurals.Contains(word) || GroupNouns.Contains(word) || PartyNouns.Contains(word)
        || (word.Length > 3 && word.EndsWith('s') && (IsAnyRoleNoun(word[..^1]) || PersonDescriptors.Contains(word[..^1])));

    /// <summary>Prepositions that tie a modifier to a subject noun ("voters in four districts", "partisans on both sides").</summary>
    public static readonly HashSet<string> SubjectModifierPrepositions = Words("SubjectModifierPrepositions");

    /// <summary>Words that lead a sentence's descriptive subject as a determiner would ("Other Republican candidates").</summary>
    public static readonly HashSet<string> DescriptionQuantifiers = Words("DescriptionQuantifiers");

    /// <summary>Participles whose object after "to"/"with" is a listener ("a source speaking to Fox News said").</summary>
    public static readonly HashSet<string> ListeningParticiples = Words("ListeningParticiples");

    /// <summary>Conjunctions that open a subordinate clause with a subject of its own ("when X thanked ... and said").</summary>
    public static readonly HashSet<string> SubordinateOpeners = Words("SubordinateOpeners");

    /// <summary>Words that end a backward search for the subject of a verb.</summary>
    public static readonly HashSet<string> ClauseBoundaries = Words("ClauseBoundaries");

    public static readonly HashSet<string> RelativePronouns = Words("RelativePronouns");

    public static readonly HashSet<string> Pronouns = Words("Pronouns");

    public static readonly HashSet<string> BeForms = Words("BeForms");

    /// <summary>Prepositions and time words that may sit between a reporting verb and what was said.</summary>
    /// <summary>Prepositions before a name that make it no subject ("met with Ortiz", "a rival of Ortiz").</summary>
    public static readonly HashSet<string> MentionPrepositions = Words("MentionPrepositions");

    public static readonly HashSet<string> PostVerbPrepositions = Words("PostVerbPrepositions");

    /// <summary>Heads of noun phrases that name a role a person holds (titles and descriptive roles).</summary>
    public static readonly RoleWords RoleNouns = RoleWords.Of([.. Words("RoleNouns")]);

    /// <summary>Role words that may stand before a name as a title ("Prime Minister X", "Chief executive X").</summary>
    public static readonly RoleWords TitleWords = RoleWords.Of([.. Words("TitleWords")]);

    /// <summary>Who hears, or how it was met, after "said to" with no article: "said to reporters", "said to cheers".</summary>
    public static readonly HashSet<string> ListenerNouns = Words("ListenerNouns");

    /// <summary>Lower-case words that open a role before a name ("former governor Ed Marrow", "acting chief Ana Ruiz").</summary>
    public static readonly HashSet<string> RoleModifiers = Words("RoleModifiers");

    /// <summary>
    /// Verbs that attribute only a quotation that closes right before them (""...," she continued", ""...?" he
    /// wondered"); elsewhere they describe ("she laughs", "prices continued to fall").
    /// </summary>
    public static readonly HashSet<string> QuoteOnlyVerbs = Words("QuoteOnlyVerbs");

    /// <summary>Words that make a capitalised name an organisation or a group rather than a person.</summary>
    public static readonly HashSet<string> OrganisationWords = Words("OrganisationWords");

    /// <summary>True for organisation words in singular or plural ("Network", "Networks").</summary>
    public static bool IsOrganisationWord(string word) =>
        OrganisationWords.Contains(word) || (word.Length > 3 && word.EndsWith('s') && OrganisationWords.Contains(word[..^1]));

    /// <summary>Post-nominal titles: "Angela Ford MP".</summary>
    public static readonly HashSet<string> PostNominals = Words("PostNominals");

    /// <summary>Words that make a capitalised name a place.</summary>
    public static readonly HashSet<string> PlaceWords = Words("PlaceWords");

    /// <summary>What someone says or thinks, owned by its speaker ("Varady's advice is ...", "her answer was ...").</summary>
    public static readonly HashSet<string> SpeechNouns = Words("SpeechNouns");

    public static readonly HashSet<string> Weekdays = Words("Weekdays");

    public static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static readonly HashSet<string> MonthSet = Words("MonthSet");

    /// <summary>Titles that are also common surnames ("Billie Jean King", "Dale Justice"): after a given name, a surname.</summary>
    public static readonly HashSet<string> SurnameTitles = Words("SurnameTitles");

    /// <summary>Words a title of a work leaves in lower case ("The Art of the Deal", "War and Peace").</summary>
    public static readonly HashSet<string> TitleMinorWords = new(
        ["a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "from", "with", "by", "vs", "vs.", "as"], StringComparer.Ordinal);

    /// <summary>Capitalised words that start sentences or headlines without being names.</summary>
    public static readonly HashSet<string> CapitalisedFunctionWords = Words("CapitalisedFunctionWords");

    /// <summary>Descriptors that stand for a person just mentioned ("the 22-year-old", "the veteran").</summary>
    public static readonly HashSet<string> PersonDescriptors = Words("PersonDescriptors");

    /// <summary>
    /// The usual sex of an English given name from the embedded <c>given-name-sex.tsv</c> (32,000 names, derived by
    /// <c>tools/names/given_name_sex.py</c>); Unknown for a name it lacks. Only for telling whom a "he" or "she" can be:
    /// a name in it is not thereby a person's name (it holds "Paris" and "Georgia").
    /// </summary>
    public static Gender UsualSexOfGivenName(string name) =>
        GivenNameSex.Value.TryGetValue(name, out var sex) ? sex : Gender.Unknown;

    private static readonly Lazy<Dictionary<string, Gender>> GivenNameSex = new(ReadGivenNameSex);

    private static Dictionary<string, Gender> ReadGivenNameSex()
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("StoryFacts.given-name-sex.tsv")
            ?? throw new InvalidOperationException("The embedded given-name resource is missing.");
        using var reader = new StreamReader(stream);
        var names = new Dictionary<string, Gender>(AccentFoldingComparer.Instance);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0 && !line.StartsWith('#'))
            {
                names[line[..tab]] = line[(tab + 1)..] == "m" ? Gender.Male : Gender.Female;
            }
        }

        return names;
    }

    /// <summary>True for a given name in either list ("Marta", "Obinna").</summary>
    public static bool IsFirstName(string word) => MaleFirstNames.Contains(word) || FemaleFirstNames.Contains(word);

    /// <summary>A plural-looking noun ("residents", "police"), not one ending in -ss or -us; shared by the clause rules and speaker resolution.</summary>
    public static bool IsPlural(Token head) =>
        head.IsWord && ((head.Lower.EndsWith('s') && !head.Lower.EndsWith("ss", StringComparison.Ordinal) && !head.Lower.EndsWith("us", StringComparison.Ordinal)) || head.Lower is "police" or "staff" or "people" or "crew" or "team");

    // Declared before the name sets: static fields initialise in text order.
    private static readonly ILookup<string, string> EmbeddedFirstNames = ReadEmbeddedFirstNames();

    /// <summary>The embedded list of common given names: lines of "male: ..." and "female: ...", read once.</summary>
    private static ILookup<string, string> ReadEmbeddedFirstNames()
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("StoryFacts.firstnames.txt")
            ?? throw new InvalidOperationException("The embedded first-name resource is missing.");
        using var reader = new StreamReader(stream);
        var names = new List<(string Sex, string Name)>();
        while (reader.ReadLine() is { } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !line.StartsWith('#'))
            {
                var sex = line[..colon];
                names.AddRange(line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(name => (sex, name)));
            }
        }

        return names.ToLookup(n => n.Sex, n => n.Name, StringComparer.Ordinal);
    }

    /// <summary>The built-in names plus the embedded ones for one sex.</summary>
    private static HashSet<string> FirstNames(string sex, params string[] builtIn) =>
        new(builtIn.Concat(EmbeddedFirstNames[sex]), AccentFoldingComparer.Instance);

    public static readonly HashSet<string> MaleFirstNames = FirstNames("male",
        "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "tom", "charles",
        "daniel", "matthew", "anthony", "mark", "donald", "steven", "steve", "paul", "andrew", "joshua", "kevin",
        "brian", "george", "edward", "ronald", "timothy", "jason", "jeffrey", "ryan", "jacob", "gary", "eric",
        "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin", "frank", "gregory", "samuel",
        "raymond", "patrick", "alexander", "jack", "dennis", "jerry", "tyler", "aaron", "henry", "peter", "adam",
        "liam", "harry", "oliver", "charlie", "mohammed", "muhammad", "ahmed", "ali", "omar", "pavel", "ivan",
        "tomas", "lars", "hans", "pierre", "jean", "luis", "carlos", "jose", "juan", "raj", "rahul", "arjun",
        "keir", "boris", "rishi", "joe", "mike", "jim", "bill", "bob", "chris", "nick", "ben", "sam", "dan", "matt");

    public static readonly HashSet<string> FemaleFirstNames = FirstNames("female",
        "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
        "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle",
        "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia",
        "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha",
        "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria", "heather",
        "diane", "virginia", "julie", "joyce", "victoria", "olivia", "kelly", "christina", "lauren", "joan",
        "evelyn", "judith", "megan", "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances", "gloria",
        "ann", "teresa", "kathryn", "sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia",
        "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "sophie",
        "marie", "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla", "fatima",
        "aisha", "priya", "angela", "ursula", "kamala", "theresa", "yvette", "rachel", "lucy", "chloe", "ella");
}

/// <summary>Compares names ignoring case and accents, so that "Chloé", "Geneviève" and "Bríd" find "Chloe", "Genevieve", "Brid".</summary>
internal sealed class AccentFoldingComparer : IEqualityComparer<string>
{
    public static readonly AccentFoldingComparer Instance = new();

    private const string Accented = "áàâäãåāéèêëēěíìîïīóòôöõøōúùûüūůçćčñńýÿłśšżźžğşıřđ";
    private const string Plain = "aaaaaaaeeeeeeiiiiiooooooouuuuuucccnnyylsszzzgsird";

    public static string Fold(string s)
    {
        var chars = s.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var at = Accented.IndexOf(chars[i], StringComparison.Ordinal);
            if (at >= 0)
            {
                chars[i] = Plain[at];
            }
        }

        return new string(chars);
    }

    public bool Equals(string? x, string? y) => x is null || y is null ? x == y : string.Equals(Fold(x), Fold(y), StringComparison.Ordinal);

    public int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(Fold(obj));
}
