using Lucene.Net.Analysis;
using StoryEngine.Search;

namespace StoryEngine.Reading;

/// <summary>
/// Words related in meaning, from WordNet (<c>related-words.tsv</c>, made by <see cref="WordNetExport"/>): a reader
/// asks who "trains" a runner where the story names his "coach", what a film "grossed" where it "earned". Looked up
/// by analyzed term, so both sides meet in the index's own stems. Read once per process.
/// </summary>
internal sealed class RelatedWords
{
    private const string ResourceName = "StoryEngine.Reading.related-words.tsv";

    private static readonly Lazy<RelatedWords> Shipped = new(() => Read(new NewsAnalyzer()));

    private readonly Dictionary<string, string[]> _byTerm;

    private RelatedWords(Dictionary<string, string[]> byTerm) => _byTerm = byTerm;

    /// <summary>The lexicon that ships with the engine, in <see cref="NewsAnalyzer"/> terms.</summary>
    public static RelatedWords Default => Shipped.Value;

    /// <summary>Analyzed terms related to <paramref name="term"/> (not itself); empty when none.</summary>
    public IReadOnlyList<string> For(string term) => _byTerm.TryGetValue(term, out var related) ? related : [];

    internal static RelatedWords Read(Analyzer analyzer)
    {
        using var stream = typeof(RelatedWords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The related-words resource is missing from the build.");
        using var reader = new StreamReader(stream);
        var byTerm = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new InvalidDataException($"{ResourceName}: a line without a tab: '{line}'.");
            }

            // A stop word ("be") or a word the stemmer reduces to the head's own stem adds nothing.
            var heads = NewsSynonyms.Analyze(analyzer, line[..tab]);
            if (heads.Count != 1)
            {
                continue;
            }

            var head = heads[0];
            if (!byTerm.TryGetValue(head, out var set))
            {
                byTerm[head] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            foreach (var term in NewsSynonyms.Analyze(analyzer, line[(tab + 1)..]))
            {
                if (term != head)
                {
                    set.Add(term);
                }
            }
        }

        return new RelatedWords(byTerm.Where(kv => kv.Value.Count > 0)
            .ToDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal));
    }
}
