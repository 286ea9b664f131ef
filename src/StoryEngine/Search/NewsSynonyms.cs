using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StoryEngine.Search;

/// <summary>
/// Query-side expansion for the paraphrases news questions use: a reader asks about "captives" where the story
/// says "hostages". Groups are generic English, never words picked from one story. Each word is listed with its
/// inflections because the stemmer does not unify them all (died → "di", death → "death").
/// </summary>
internal sealed class NewsSynonyms
{
    private static readonly string[][] Groups =
    [
        ["hostage", "hostages", "captive", "captives", "abductee", "abductees", "prisoner", "prisoners"],
        ["ceasefire", "ceasefires", "cease-fire", "truce", "truces", "armistice"],
        ["killed", "kill", "kills", "killing", "killings", "death", "deaths", "dead", "die", "died", "dies", "dying", "fatalities", "toll"],
        ["talks", "negotiation", "negotiations", "negotiate", "negotiated", "negotiating", "discussions", "discussion", "discuss", "discussed"],
        ["meet", "meets", "met", "meeting", "meetings", "convene", "convened", "summit"],
        ["agreement", "agreements", "deal", "deals", "accord", "accords", "pact", "treaty"],
        ["attack", "attacks", "attacked", "assault", "raid", "raids", "strike", "strikes"],
        ["release", "released", "releasing", "freed", "freeing"],
        ["war", "wars", "conflict", "conflicts", "fighting", "hostilities"],
        ["company", "companies", "firm", "firms", "business", "corporation"],
        ["buy", "buys", "bought", "purchase", "purchased", "acquire", "acquired", "acquisition"],
        ["rise", "rose", "risen", "increase", "increased", "grow", "grew", "growth", "climb", "climbed", "jump", "jumped"],
        ["fall", "fell", "fallen", "decrease", "decreased", "decline", "declined", "drop", "dropped"],
        ["begin", "began", "begun", "start", "started", "commence", "commenced", "launch", "launched"],
        ["ended", "finish", "finished", "conclude", "concluded"],
        ["say", "said", "says", "stated", "tell", "told", "remark", "remarked", "claim", "claimed"],
        ["show", "showed", "shown", "indicate", "indicated", "reveal", "revealed"],
        ["build", "built", "construct", "constructed", "construction"],
        ["founded", "establish", "established", "create", "created", "formed"],
        ["city", "cities", "town", "towns"],
        ["country", "countries", "nation", "nations"],
        ["money", "funds", "funding", "cash"],
        ["cost", "costs", "price", "prices", "fee", "fees"],
        ["job", "jobs", "employment"],
        ["worker", "workers", "employee", "employees", "staff"],
        ["child", "children", "kid", "kids"],
        ["people", "persons", "individuals", "residents"],
        ["injured", "injure", "injuries", "wounded", "wound", "hurt"],
        ["arrest", "arrested", "detain", "detained", "detention"],
        ["accuse", "accused", "charge", "charged", "allege", "alleged"],
        ["investigate", "investigation", "probe", "inquiry"],
        ["government", "administration", "authorities"],
        ["profit", "profits", "earnings"],
        ["revenue", "revenues", "sales", "turnover"],
        ["law", "laws", "rule", "rules", "regulation", "regulations", "legislation"],
        ["ban", "banned", "prohibit", "prohibited", "forbid", "forbidden"],
        ["win", "won", "victory", "defeat", "beat"],
        ["study", "studies", "research"],
        ["scientist", "scientists", "researcher", "researchers"],
        ["disease", "diseases", "illness", "sickness"],
        ["doctor", "doctors", "physician", "physicians"],
        ["car", "cars", "vehicle", "vehicles"],
        ["big", "large", "huge", "major"],
        ["small", "little", "minor"],
        ["quickly", "fast", "rapid", "rapidly"],
        ["leader", "leaders", "chief"],
    ];

    private readonly Dictionary<string, string[]> _byTerm;

    public NewsSynonyms(Analyzer analyzer)
    {
        var byTerm = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            var terms = group.SelectMany(word => Analyze(analyzer, word)).ToHashSet(StringComparer.Ordinal);
            foreach (var term in terms)
            {
                if (!byTerm.TryGetValue(term, out var set))
                {
                    byTerm[term] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(terms);
            }
        }

        _byTerm = byTerm.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Where(t => t != kv.Key).Order(StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>Other analyzed terms that mean the same as <paramref name="term"/>; empty when none.</summary>
    public IReadOnlyList<string> For(string term) => _byTerm.TryGetValue(term, out var others) ? others : [];

    internal static List<string> Analyze(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(StoryIndex.SentenceField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
