namespace StoryFacts;

/// <summary>
/// Generic English word lists the rules rely on. Nothing here names a person, place or organisation from any story:
/// the lists describe how news English reports speech and introduces people.
/// </summary>
internal static class Lexicon
{
    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);

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
    public static readonly HashSet<string> OtherRoleNouns = Set(
        "critic", "substitute", "official", "owner", "spokesperson", "striker", "chair", "head", "member", "candidate", "reporter",
        "researcher", "fellow", "lecturer", "curator", "coordinator", "co-ordinator", "planner", "regulator", "secretary-general", "director-general",
        "administrator", "commentator", "pundit", "forecaster", "agent", "resident", "shopkeeper", "landlord", "tenant", "entrepreneur", "instructor",
        "veteran", "mp", "mla", "mep", "msp", "ceo", "cfo", "seed", "qualifier", "wildcard", "wild-card", "finalist", "semi-finalist", "holder",
        "debutant", "teammate", "team-mate", "opponent", "retiree", "pensioner", "widow", "volunteer", "shopper", "commuter", "motorist",
        "passenger", "customer", "patient", "parent", "homeowner", "councillor", "trustee", "governor", "principal", "headteacher",
        "priest", "vicar", "pastor", "chaplain", "nun", "monk", "td", "rookie", "sophomore", "guard", "centre", "center",
        "pole-sitter", "polesitter", "runner-up", "winner", "leader", "newcomer", "modeller", "modeler", "guide", "climber", "ranger", "warden");

    /// <summary>A role noun of either list: <see cref="RoleNouns"/> (with the profession endings) or <see cref="OtherRoleNouns"/>.</summary>
    public static bool IsAnyRoleNoun(string word) => RoleNouns.Contains(word) || OtherRoleNouns.Contains(word);

    /// <summary>"neurologist", "paediatrician", "psychiatrist", "oceanographers": professions known by their endings.</summary>
    private static bool HasProfessionEnding(string word) =>
        word.Length > 6 && Array.Exists(ProfessionEndings, e => word.EndsWith(e, StringComparison.OrdinalIgnoreCase) || word.EndsWith(e + "s", StringComparison.OrdinalIgnoreCase));

    private static readonly string[] ProfessionEndings = ["ologist", "ician", "iatrist", "ographer"];

    /// <summary>Finite reporting verbs (and a few present forms) that introduce what someone said.</summary>
    public static readonly HashSet<string> ReportingVerbs = Set(
        "asked", "said", "says", "told", "tells", "added", "adds", "insisted", "insists", "stated", "states", "remarked",
        "emphasized", "emphasised", "emphasizes", "emphasises", "stressed", "stresses", "indicated", "indicates",
        "expressed", "revealed", "echoed", "warned", "warns", "claimed", "claims", "announced", "announces",
        "noted", "notes", "explained", "explains", "argued", "argues", "replied", "responded", "confirmed",
        "confirms", "denied", "denies", "acknowledged", "admitted", "admits", "conceded", "suggested", "suggests",
        "predicted", "estimated", "estimates", "reported", "reports", "wrote", "writes", "tweeted", "posted", "declared",
        "asserted", "maintained", "maintains", "contended", "observed", "pointed", "recalled", "blamed",
        "believes", "believed", "agreed", "disclosed", "informed", "assured", "reiterated", "highlighted",
        "cautioned", "complained", "urged", "vowed", "pledged", "promised", "hinted", "forecast", "projected",
        "reckoned", "joked", "commented", "elaborated", "mentioned", "underlined", "underscored", "signalled", "signaled",
        "acknowledges", "concedes", "recalls", "predicts", "reveals", "observes", "alleged", "alleges", "testified",
        "testifies", "countered", "counters", "retorted", "exclaimed", "quipped", "shouted", "whispered", "lamented",
        "boasted", "texted", "emailed", "answered", "affirmed", "reaffirmed", "clarified", "recounted", "tweets",
        "contends", "asserts", "declares", "reiterates", "cautions", "complains", "replies", "responds",
        "assures", "informs", "remarks", "vows", "pledges", "promises", "show", "say", "warn", "insist", "argue", "claim", "admit", "explain", "suggest", "predict", "found", "finds", "showed", "shows", "concluded", "concludes", "urges");

    /// <summary>
    /// Cue verbs whose reported statements are not speech as news annotators count it ("the audit found", "she
    /// believes"), from the embedded <c>non-speech-cues.txt</c> that <c>tools/speakers/fit_cues.py</c> writes from
    /// PolNeAR dev: the first word of each line.
    /// </summary>
    public static readonly HashSet<string> NonSpeechCues = ReadEmbeddedWords("StoryFacts.non-speech-cues.txt");

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
    public static readonly HashSet<string> ShareWords = Set(
        "percent", "%", "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "majority", "majorities", "minority",
        "plurality", "most", "many", "some", "few", "none", "all", "both");

    /// <summary>Roles that name whom they serve with "to": "aides to the governor", "an adviser to Mr. Ortiz".</summary>
    public static readonly HashSet<string> ServingRoles = Set(
        "aide", "aides", "adviser", "advisers", "advisor", "advisors", "spokesman", "spokeswoman", "spokesperson", "spokespeople",
        "envoy", "envoys", "ambassador", "ambassadors", "assistant", "assistants", "counsel", "consultant", "consultants", "successor");

    /// <summary>
    /// Nouns a person's name can modify: "the Ortiz campaign", "Ortiz aides", "a senior Ortiz administration official".
    /// The phrase then speaks for the person's side, not the person.
    /// </summary>
    public static readonly HashSet<string> FollowerNouns = Set(
        "campaign", "camp", "administration", "ally", "allies", "backer", "backers", "loyalist", "loyalists", "surrogate",
        "surrogates", "supporter", "supporters", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "staff", "staffer",
        "staffers", "spokesman", "spokeswoman", "spokesperson", "official", "officials", "source", "sources", "team", "fan", "fans",
        "defenders", "voters", "delegates", "donors", "lawyers", "attorneys", "insiders", "associates", "operatives", "strategist", "strategists");

    /// <summary>US party nouns: "a Sarasota Republican" is a description of someone, never a name.</summary>
    public static readonly HashSet<string> PartyNouns = Set(
        "republican", "republicans", "democrat", "democrats", "independent", "independents", "libertarian", "libertarians");

    /// <summary>Words that open a clause or phrase and never name a speaker on their own ("When", "There", "Facing").</summary>
    public static readonly HashSet<string> NeverSpeakers = Set(
        "when", "if", "although", "here", "there", "likewise", "besides", "outside", "after", "before", "while", "because", "since",
        "despite", "though", "however", "meanwhile", "still", "then", "now", "so", "but", "and", "or", "as", "at", "on", "during",
        "for", "with", "without", "instead", "yet", "also", "once", "until", "unless", "whether", "where", "why", "how", "what",
        "indeed", "moreover", "asked", "according", "by", "from", "of", "to", "into", "over", "under", "through", "among",
        "regarding", "including", "like", "unlike", "this", "in", "even", "neither", "facing", "you", "no", "a", "an", "almost");

    /// <summary>Role nouns that tell a speaker's sex, so "she" can refer back to "a spokeswoman for ...".</summary>
    public static readonly HashSet<string> FemaleRoleNouns = Set(
        "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "woman", "mother", "wife", "sister", "daughter",
        "grandmother", "girl", "actress", "policewoman", "widow", "queen", "princess", "councilwoman", "sportswoman");

    public static readonly HashSet<string> MaleRoleNouns = Set(
        "spokesman", "chairman", "congressman", "businessman", "man", "father", "husband", "brother", "son",
        "grandfather", "boy", "actor", "policeman", "widower", "king", "prince", "councilman", "sportsman");

    /// <summary>Participial reporting forms: ", insisting, ..." / "stating that ...".</summary>
    public static readonly HashSet<string> ReportingParticiples = Set(
        "saying", "adding", "insisting", "stating", "remarking", "emphasizing", "emphasising", "stressing",
        "indicating", "expressing", "revealing", "echoing", "warning", "claiming", "announcing", "noting",
        "explaining", "arguing", "telling", "confirming", "denying", "acknowledging", "admitting", "conceding",
        "suggesting", "predicting", "declaring", "asserting", "maintaining", "observing", "recalling", "blaming",
        "urging", "vowing", "pledging", "promising", "highlighting", "cautioning", "complaining", "reiterating",
        "pointing", "writing", "describing", "signalling", "signaling", "alleging", "recounting", "quipping",
        "boasting", "lamenting", "countering", "testifying", "affirming", "clarifying", "reaffirming", "replying", "responding");

    /// <summary>Reporting verbs that also take a plain object ("announced a buyback"); they report speech only before a clause.</summary>
    public static readonly HashSet<string> NounObjectVerbs = Set(
        "announced", "announces", "claimed", "claims", "forecast", "forecasts", "reported", "reports", "predicted", "predicts", "estimated",
        "estimates", "projected", "revealed", "reveals", "disclosed", "confirmed", "confirms", "denied", "denies",
        "highlighted", "promised", "added", "adds", "agreed", "conceded", "concedes", "admitted", "admits",
        "acknowledged", "acknowledges", "pledged", "mentioned", "underlined", "underscored", "signalled", "signaled",
        "recalled", "recalls", "answered", "posted", "tweeted", "reiterated", "reiterates", "urged", "urges",
        "found", "finds", "showed", "shows", "concluded", "concludes", "declared", "declares", "blamed", "blames", "assured", "assures");

    /// <summary>Job roles whose "of"/"at" phrase names an employer ("co-founder of X", "analyst at X").</summary>
    public static readonly HashSet<string> EmployerRoles = Set(
        "founder", "co-founder", "cofounder", "executive", "director", "chairman", "chairwoman", "chair", "ceo", "president",
        "analyst", "economist", "strategist", "spokesman", "spokeswoman", "spokesperson", "employee", "head", "manager",
        "partner", "owner", "engineer", "researcher", "scientist", "officer", "boss", "investor", "shareholder", "staff",
        "pastor", "vicar", "priest", "rector", "principal", "headteacher", "member", "leader", "secretary", "treasurer", "attorney", "lawyer");

    /// <summary>
    /// Verbs of commitment: with an infinitive ("vowed to veto the bill") they report what the subject said it would do.
    /// </summary>
    public static readonly HashSet<string> CommitmentVerbs = Set(
        "vowed", "vows", "vowing", "pledged", "pledges", "pledging", "promised", "promises", "promising");

    /// <summary>Reporting verbs of an "as" clause that attributes the clause it is attached to ("As the Ledger reported, ...").</summary>
    public static readonly HashSet<string> AsReportedVerbs = Set(
        "reported", "reports", "said", "says", "noted", "notes", "wrote", "writes", "explained", "explains", "pointed",
        "told", "revealed", "disclosed", "confirmed", "stated", "tweeted", "argued", "argues", "observed", "detailed");

    /// <summary>Verbs that hand over to a reporting verb through "to" ("continued to insist", "went on to say").</summary>
    public static readonly HashSet<string> CatenativeVerbs = Set(
        "continued", "continues", "continue", "continuing", "went", "goes", "go", "going", "began", "begins", "begin", "beginning");

    /// <summary>Bare present forms ("Police say ..."); they report speech only after a plural subject.</summary>
    public static readonly HashSet<string> BaseFormVerbs = Set("say", "warn", "insist", "argue", "claim", "admit", "explain", "suggest", "predict", "show", "suggest");

    /// <summary>Nouns for written statements; a verb right after one is a reduced relative ("a statement posted on X").</summary>
    public static readonly HashSet<string> DocumentNouns = Set(
        "statement", "statements", "post", "posts", "message", "messages", "letter", "report", "video", "note", "release",
        "readout", "interview", "tweet", "email", "column", "blog", "filing", "memo", "notice", "comments", "remarks");

    /// <summary>Verbs that report a finding only with an explicit "that" ("the study found that ...").</summary>
    public static readonly HashSet<string> ThatOnlyVerbs = Set("found", "finds", "showed", "shows", "show", "concluded", "concludes");

    /// <summary>Plural nouns for groups of people that "they" can refer back to.</summary>
    public static readonly HashSet<string> GroupNouns = Set(
        "researchers", "scientists", "officials", "authorities", "investigators", "analysts", "economists", "experts",
        "doctors", "lawyers", "campaigners", "residents", "protesters", "protestors", "organisers", "organizers",
        "workers", "members", "leaders", "ministers", "lawmakers", "legislators", "prosecutors", "witnesses",
        "teachers", "parents", "fans", "players", "critics", "authors", "forecasters", "engineers", "negotiators",
        "diplomats", "executives", "managers", "volunteers", "survivors", "families", "activists", "unions", "regulators");

    /// <summary>Head nouns of "the firm"-style phrases that stand for the company the story is about.</summary>
    public static readonly HashSet<string> CompanyNouns = Set(
        "company", "firm", "group", "business", "maker", "manufacturer", "carmaker", "automaker", "retailer", "lender",
        "insurer", "airline", "carrier", "chain", "supermarket", "grocer", "conglomerate", "startup", "start-up", "giant",
        "operator", "developer", "publisher", "broadcaster", "brewer", "miner", "producer", "supplier", "platform",
        "chipmaker", "drugmaker", "automaker", "bank", "corporation", "outfit", "multinational", "owner");

    /// <summary>Words that mark a public body rather than a company ("Commerce Department", "Met Office").</summary>
    public static readonly HashSet<string> PublicBodyWords = Set(
        "ministry", "department", "council", "court", "police", "union", "government", "agency", "office", "parliament",
        "senate", "congress", "committee", "commission", "authority", "party", "institute", "university", "school",
        "hospital", "infirmary", "hospice", "clinic", "army", "navy", "forces", "association", "federation", "league", "service", "services", "board",
        "administration", "house", "cabinet", "assembly", "tribunal", "treasury", "reserve", "guard", "police",
        "enforcement", "customs", "immigration", "protection", "prevention", "embassy", "consulate");

    /// <summary>Nouns for a poll, whose respondents speak: "voters in a recent poll said".</summary>
    public static readonly HashSet<string> PollNouns = Set("poll", "polls", "survey", "surveys");

    /// <summary>Auxiliaries and common past forms that show a clause follows ("rates would fall", "the team lost").</summary>
    public static readonly HashSet<string> FiniteMarkers = Set(
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might", "must",
        "should", "shall", "does", "did", "do", "won't", "wouldn't", "couldn't", "isn't", "wasn't", "weren't",
        "hasn't", "hadn't", "haven't", "didn't", "doesn't", "can't", "fell", "rose", "lost", "won", "went", "came",
        "saw", "grew", "cut", "hit", "left", "paid", "sold", "bought", "gave", "got", "ran", "set", "put", "kept",
        "found", "became", "began", "knew", "made", "took", "meant", "needs", "remains", "remain", "remained",
        "held", "broke", "brought", "built", "caught", "chose", "drew", "drove", "felt", "fought", "led", "met", "sent", "shot",
        "spent", "stood", "struck", "taught", "thought", "threw", "wore", "spoke", "lay", "rang", "sank", "froze");

    /// <summary>Verbs whose first object is the listener ("told reporters that ..."), skipped before the content.</summary>
    public static readonly HashSet<string> TellVerbs = Set(
        "told", "tells", "telling", "informed", "assured", "reminded", "warned", "warning", "urged", "promised", "briefed");

    /// <summary>Words between a subject and its verb that do not belong to either ("officials later said").</summary>
    public static readonly HashSet<string> SkipBeforeVerb = Set(
        "also", "later", "then", "again", "previously", "earlier", "repeatedly", "recently", "once", "subsequently",
        "has", "had", "have", "would", "will", "further", "initially", "separately", "publicly", "privately", "had",
        "reportedly", "allegedly", "still", "too", "last", "yesterday", "today", "now", "always", "often", "never",
        "first", "both", "all", "himself", "herself", "themselves", "itself", "long");

    public static readonly HashSet<string> Determiners = Set("the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your");

    /// <summary>Adverbs that open a sentence before its subject ("Instead, he ...", "Then she ...") besides <see cref="SkipBeforeVerb"/>.</summary>
    public static readonly HashSet<string> SentenceAdverbs = Set(
        "instead", "even", "thus", "therefore", "hence", "indeed", "meanwhile", "however", "moreover", "nevertheless",
        "nonetheless", "still", "so", "yet", "otherwise", "afterward", "afterwards", "eventually", "finally", "ultimately", "soon");

    /// <summary>Nouns that end a time phrase ("earlier this week", "late Monday night").</summary>
    public static readonly HashSet<string> TimeNouns = Set("week", "weekend", "month", "year", "night", "morning", "afternoon", "evening", "day");

    /// <summary>Words inside a time phrase before its noun or day ("earlier this", "late", "last", "on").</summary>
    public static readonly HashSet<string> TimeWords = Set("earlier", "later", "early", "late", "last", "this", "that", "next", "on", "the", "same", "previous", "following");

    /// <summary>Prepositions that open a phrase about the speaking after a reporting verb ("said of the senator").</summary>
    public static readonly HashSet<string> PhraseAfterVerbOpeners = Set("of", "about", "with");

    /// <summary>Plain verbs of saying, whose object is only ever what was said.</summary>
    public static readonly HashSet<string> PlainSpeechVerbs = Set("said", "says", "say", "told", "tells", "wrote", "writes", "added", "adding", "adds");

    /// <summary>Occasions of speaking that can stand between a name and its verb ("Ruiz in her budget speech said").</summary>
    public static readonly HashSet<string> OccasionNouns = Set(
        "speech", "address", "interview", "statement", "conference", "briefing", "hearing", "debate", "rally", "remarks",
        "appearance", "testimony", "op-ed", "column", "letter", "post", "tweet", "tweets", "video", "message", "email", "meeting", "event");

    /// <summary>Words for a number of people that can head a subject ("Many in the crowd said").</summary>
    public static readonly HashSet<string> PeopleQuantities = Set("many", "most", "some", "few", "several", "others", "those", "all", "people");

    /// <summary>Participles whose object after "to"/"with" is a listener ("a source speaking to Fox News said").</summary>
    public static readonly HashSet<string> ListeningParticiples = Set("speaking", "talking", "writing");

    /// <summary>Conjunctions that open a subordinate clause with a subject of its own ("when X thanked ... and said").</summary>
    public static readonly HashSet<string> SubordinateOpeners = Set(
        "when", "while", "after", "before", "because", "since", "although", "though", "whereas", "until", "once", "if");

    /// <summary>Words that end a backward search for the subject of a verb.</summary>
    public static readonly HashSet<string> ClauseBoundaries = Set(
        "that", "and", "but", "while", "as", "because", "so", "when", "after", "before", "although", "though", "where",
        "if", "since", "until", "whether", "or", "to", "in", "on", "at", "with", "by", "during", "into", "about", "over",
        "under", "than", "however", "meanwhile", "nor", "yet", "whom", "whose", "is", "was", "were", "are", "be",
        "been", "being", "not", "did", "does", "do", "could", "should", "might", "may", "must", "can", "through",
        "against", "between", "among", "without", "within", "upon", "amid", "amidst", "despite", "per", "via", "like");

    public static readonly HashSet<string> RelativePronouns = Set("who", "which", "that");

    public static readonly HashSet<string> Pronouns = Set("he", "she", "him", "her", "they", "them", "it", "we", "i");

    public static readonly HashSet<string> BeForms = Set("is", "was", "were", "are", "be", "been", "being", "widely", "reportedly", "not");

    /// <summary>Prepositions and time words that may sit between a reporting verb and what was said.</summary>
    /// <summary>Prepositions before a name that make it no subject ("met with Ortiz", "a rival of Ortiz").</summary>
    public static readonly HashSet<string> MentionPrepositions = Set(
        "of", "to", "with", "for", "by", "about", "against", "on", "at", "from", "than", "like", "between", "toward", "towards",
        "under", "over", "behind", "beside", "alongside", "including", "among", "into", "onto", "upon", "without", "via");

    public static readonly HashSet<string> PostVerbPrepositions = Set(
        "to", "in", "on", "at", "during", "late", "earlier", "later", "last", "this", "yesterday", "today", "tonight",
        "on", "via", "through", "after", "before", "again", "also", "repeatedly", "previously", "separately", "publicly",
        "privately", "recently", "then", "afterwards", "shortly", "once", "overnight", "under", "across", "inside",
        "outside", "near", "beneath", "below", "above", "beside", "alongside", "behind", "from", "online");

    /// <summary>Heads of noun phrases that name a role a person holds (titles and descriptive roles).</summary>
    public static readonly RoleWords RoleNouns = RoleWords.Of(
        "president", "minister", "secretary", "speaker", "senator", "governor", "mayor", "envoy", "ambassador",
        "spokesman", "spokeswoman", "spokesperson", "executive", "ceo", "cfo", "coo", "cto", "chairman",
        "chairwoman", "chair", "chairperson", "director", "manager", "coach", "captain", "striker", "midfielder",
        "defender", "goalkeeper", "player", "forward", "winger", "analyst", "economist", "professor", "founder",
        "king", "queen", "prince", "princess", "general", "commander", "chief", "judge", "lawyer", "attorney",
        "leader", "boss", "officer", "editor", "correspondent", "inspector", "detective", "superintendent", "mp",
        "mep", "councillor", "councilor", "organiser", "organizer", "neighbour", "neighbor", "resident", "owner",
        "head", "deputy", "adviser", "advisor", "aide", "official", "chancellor", "sheriff", "commissioner",
        "referee", "umpire", "driver", "rider", "champion", "author", "scientist", "researcher", "doctor", "nurse",
        "teacher", "student", "witness", "survivor", "treasurer", "trustee", "partner", "investor", "strategist",
        "representative", "congressman", "congresswoman", "lawmaker", "legislator", "diplomat", "negotiator",
        "prosecutor", "sergeant", "constable", "colonel", "lieutenant", "admiral", "pope", "bishop", "archbishop",
        "rabbi", "imam", "cardinal", "dean", "principal", "vice", "prime", "premier", "mr", "mrs", "ms", "dr",
        "sir", "dame", "lord", "lady", "rep", "sen", "gov", "supremo", "trader", "consultant", "engineer",
        "physician", "surgeon", "pilot", "co-founder", "cofounder", "mother", "father", "son", "daughter", "wife", "husband", "brother",
        "sister", "friend", "colleague", "founder", "banker", "broker", "economist", "historian", "expert",
        "campaigner", "activist", "protester", "farmer", "worker", "employee", "fan", "supporter", "victim",
        "candidate", "nominee", "incumbent", "challenger", "whip", "solicitor", "barrister", "counsel", "magistrate", "keeper", "goalie");

    /// <summary>Role words that may stand before a name as a title ("Prime Minister X", "Chief executive X").</summary>
    public static readonly RoleWords TitleWords = RoleWords.Of(
        "president", "minister", "secretary", "speaker", "senator", "governor", "mayor", "envoy", "ambassador",
        "spokesman", "spokeswoman", "spokesperson", "executive", "ceo", "cfo", "coo", "cto", "chairman",
        "chairwoman", "chair", "director", "manager", "coach", "captain", "striker", "midfielder", "defender",
        "goalkeeper", "winger", "analyst", "economist", "professor", "prof", "king", "queen", "prince", "princess",
        "general", "gen", "commander", "chief", "judge", "justice", "lawyer", "attorney", "leader", "officer",
        "editor", "correspondent", "inspector", "detective", "superintendent", "mp", "mep", "councillor",
        "councilor", "deputy", "vice", "prime", "premier", "chancellor", "sheriff", "commissioner", "mr", "mrs",
        "ms", "miss", "dr", "sir", "dame", "lord", "lady", "rep", "rep.", "sen", "sen.", "gov", "gov.", "mr.",
        "mrs.", "ms.", "dr.", "pope", "bishop", "archbishop", "rabbi", "imam", "cardinal", "colonel", "col",
        "lieutenant", "lt", "sergeant", "sgt", "admiral", "captain", "capt", "founder", "boss", "head", "forward",
        "representative", "congressman", "congresswoman", "frontman", "star", "veteran", "rookie", "defender",
        "chairperson", "treasurer", "president-elect", "organiser", "organizer", "keeper", "goalie", "midfielder", "full-back", "centre-back",
        "singer", "rapper", "actor", "actress", "producer", "comedian", "presenter", "host", "designer", "chef", "artist",
        "musician", "drummer", "guitarist", "songwriter", "dancer", "writer", "novelist", "poet", "filmmaker", "photographer",
        "journalist", "broadcaster", "author", "historian", "economist", "entrepreneur", "activist", "campaigner",
        "cllr", "cllr.", "rev", "rev.", "revd", "fr", "hon", "det", "insp", "supt", "cmdr", "maj", "brig", "amb",
        "dpp", "asp", "dsp", "prosecutor", "barrister", "solicitor", "corporator", "mla", "environmentalist",
        "conservationist", "scientist", "researcher", "biologist", "nominee", "candidate", "hopeful", "front-runner", "frontrunner", "presidential", "ecologist", "lawmaker", "legislator", "epidemiologist",
        "psychologist", "physician", "surgeon", "architect", "engineer", "farmer", "fisherman", "teacher", "nurse", "midwife",
        "pharmacist", "mec", "witness", "paramedic", "skipper",
        "td", "mla", "msp", "ms.", "alhaji", "alhaja", "hajiya", "hajia", "comrade", "engr", "engr.", "barr", "barr.", "rt", "rt.", "hon.",
        "pastor", "sheikh", "mallam", "malam", "chief", "senator", "lt", "lt.", "maj", "maj.", "brig", "brig.", "gen.", "col.", "sgt.", "cpl", "pte", "lcpl",
        "brigadier", "commodore", "marshal", "constable", "corporal", "commandant", "alderman", "assemblyman", "assemblywoman",
        "councilman", "councilwoman", "herr", "frau", "monsieur", "madame", "señor", "señora", "datuk", "dato", "shri", "smt", "abbot", "plumber", "electrician", "shopkeeper", "landlord", "publican", "florist", "mechanic", "firefighter", "dentist", "lecturer", "jockey", "vet");

    /// <summary>Who hears, or how it was met, after "said to" with no article: "said to reporters", "said to cheers".</summary>
    public static readonly HashSet<string> ListenerNouns = Set(
        "reporters", "journalists", "supporters", "voters", "delegates", "students", "lawmakers", "members", "investors",
        "analysts", "fans", "cheers", "laughs", "laughter", "applause", "boos", "jeers");

    /// <summary>Lower-case words that open a role before a name ("former governor Ed Marrow", "acting chief Ana Ruiz").</summary>
    public static readonly HashSet<string> RoleModifiers = Set(
        "former", "ex", "then", "acting", "interim", "outgoing", "incoming", "longtime", "veteran", "retired", "deputy", "senior");

    /// <summary>
    /// Verbs that attribute only a quotation that closes right before them (""...," she continued", ""...?" he
    /// wondered"); elsewhere they describe ("she laughs", "prices continued to fall").
    /// </summary>
    public static readonly HashSet<string> QuoteOnlyVerbs = Set(
        "continued", "continues", "laughed", "laughs", "smiled", "smiles", "sighed", "sighs", "mused", "muses", "reflected",
        "reflects", "wondered", "wonders", "pleaded", "pleads", "demanded", "demands", "offered", "offers", "grinned", "grins",
        "shrugged", "shrugs", "beamed", "beams", "chuckled", "chuckles", "cried", "snapped", "murmured", "breathed",
        "jokes", "quips", "retorts", "laments", "boasts", "agrees", "asks", "answers", "continues");

    /// <summary>Words that make a capitalised name an organisation or a group rather than a person.</summary>
    public static readonly HashSet<string> OrganisationWords = Set(
        "ministry", "agency", "office", "department", "association", "union", "council", "committee", "commission",
        "service", "services", "board", "company", "group", "bank", "foods", "capital", "securities", "rail",
        "airways", "airlines", "party", "university", "institute", "fc", "united", "city", "rovers", "club",
        "corporation", "corp", "inc", "ltd", "plc", "llc", "holdings", "authority", "police", "court", "house",
        "senate", "parliament", "congress", "news", "sports", "times", "post", "government", "administration",
        "federation", "league", "organisation", "organization", "foundation", "fund", "trust", "network",
        "partners", "industries", "motors", "energy", "systems", "technologies", "labs", "media", "press",
        "broadcasting", "television", "radio", "hospital", "infirmary", "hospice", "clinic", "school", "college", "army", "navy", "forces",
        "force", "brigade", "cabinet", "assembly", "tribunal", "exchange", "reserve", "treasury", "guard",
        "wanderers", "athletic", "county", "albion", "rangers", "celtic", "hotspur", "olympic", "mail",
        "guardian", "telegraph", "journal", "herald", "tribune", "gazette", "reuters", "market", "markets",
        "officials", "insurers", "group's", "alliance", "coalition", "movement", "front", "brigades", "council's",
        "research", "analytics", "consulting", "advisory", "ventures", "solutions", "insights", "economics",
        "associates", "intelligence", "global", "international", "worldwide", "mutual", "investments", "partnership",
        "society", "agency's", "studios", "pictures", "records", "entertainment", "pharmaceuticals", "therapeutics",
        "logistics", "communications", "telecom", "software", "electric", "petroleum", "oil", "gas", "mining",
        "steel", "chemicals", "brands", "retail", "stores", "supermarkets", "insurance", "finance", "credit",
        "lending", "payments", "airport", "railways", "shipping", "express", "council", "trade", "chamber",
        "robotics", "aerospace", "biotech", "pharma", "semiconductor", "dynamics", "devices", "instruments",
        "electronics", "beverages", "apparel", "healthcare", "bancorp", "realty", "properties", "resources",
        "minerals", "metals", "materials", "utilities", "automotive", "airline", "motor", "tech", "digital",
        "bio", "biosciences", "sciences", "genomics", "genetics", "medical", "diagnostics", "biologics", "works",
        "affairs", "embassy", "consulate", "secretariat", "directorate", "inspectorate", "commissionerate",
        "enforcement", "protection", "prevention", "customs", "caucus", "survey", "forum");

    /// <summary>True for organisation words in singular or plural ("Network", "Networks").</summary>
    public static bool IsOrganisationWord(string word) =>
        OrganisationWords.Contains(word) || (word.Length > 3 && word.EndsWith('s') && OrganisationWords.Contains(word[..^1]));

    /// <summary>Post-nominal titles: "Angela Ford MP".</summary>
    public static readonly HashSet<string> PostNominals = Set("mp", "mep", "msp", "qc", "kc", "jr", "jr.", "sr", "sr.", "obe", "mbe", "cbe", "phd");

    /// <summary>Words that make a capitalised name a place.</summary>
    public static readonly HashSet<string> PlaceWords = Set(
        "river", "street", "park", "stadium", "road", "square", "bridge", "sea", "ocean", "mountains", "mountain",
        "island", "islands", "valley", "lake", "strait", "gulf", "bay", "hill", "hills", "avenue", "lane",
        "arena", "ground", "stand", "airport", "station", "port", "harbour", "harbor", "coast", "peninsula",
        "desert", "forest", "county", "province", "state", "region", "district", "east", "west", "north", "south",
        "middle", "central", "kingdom", "republic", "city", "town", "village", "strip", "bank", "heights",
        "wells", "springs", "falls", "beach", "point", "cape");

    public static readonly HashSet<string> Weekdays = Set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    public static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static readonly HashSet<string> MonthSet = Set(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    /// <summary>Titles that are also common surnames ("Billie Jean King", "Dale Justice"): after a given name, a surname.</summary>
    public static readonly HashSet<string> SurnameTitles = Set(
        "king", "prince", "bishop", "major", "marshal", "judge", "justice", "knight", "duke", "earl", "baron", "sheriff");

    /// <summary>Words a title of a work leaves in lower case ("The Art of the Deal", "War and Peace").</summary>
    public static readonly HashSet<string> TitleMinorWords = new(
        ["a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "from", "with", "by", "vs", "vs.", "as"], StringComparer.Ordinal);

    /// <summary>Capitalised words that start sentences or headlines without being names.</summary>
    public static readonly HashSet<string> CapitalisedFunctionWords = Set(
        "the", "a", "an", "in", "on", "at", "but", "and", "before", "after", "during", "earlier", "later",
        "meanwhile", "however", "prior", "post", "according", "as", "while", "when", "if", "this", "that", "these",
        "those", "his", "her", "its", "their", "our", "we", "i", "it", "he", "she", "they", "asked", "speaking",
        "local", "with", "for", "from", "by", "of", "to", "since", "despite", "amid", "under", "over", "about",
        "last", "next", "now", "then", "so", "yet", "still", "also", "even", "only", "all", "some", "many",
        "most", "more", "other", "others", "both", "each", "every", "no", "not", "there", "here", "what", "who",
        "why", "how", "where", "which", "although", "though", "because", "unless", "until", "once", "whether",
        "instead", "indeed", "yesterday", "today", "tonight", "tomorrow", "mr", "mrs", "ms", "dr", "sir", "dame",
        "lord", "lady", "my", "your", "you", "following", "separately", "elsewhere", "overall", "analysts", "officials",
        "police", "forecasters", "experts", "residents", "critics", "supporters", "fans", "several", "two", "three",
        "one", "first", "new", "late", "former", "acting", "interim", "senior", "junior", "top", "veteran");

    /// <summary>Descriptors that stand for a person just mentioned ("the 22-year-old", "the veteran").</summary>
    public static readonly HashSet<string> PersonDescriptors = Set(
        "veteran", "youngster", "teenager", "star", "winger", "striker", "player", "politician", "businessman",
        "businesswoman", "man", "woman", "pensioner", "mother", "father", "grandmother", "grandfather", "widow",
        "actor", "actress", "singer", "novelist", "billionaire", "entrepreneur");

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
