using System.Globalization;
using System.Text;

namespace StoryEngine.Reading;

/// <summary>
/// Builds the related-words lexicon (<see cref="RelatedWords"/>) from a WordNet 3.0 database folder (Debian's
/// <c>wordnet-base</c>: <c>/usr/share/wordnet</c>): for every single word, the other words of its most used senses
/// (a coach trains, a poll is a survey) and the words derived from them (an actor acts, a refund refunds), and
/// irregular forms the stemmer cannot reach (sent → send, paid → pay). Only senses that WordNet's own sense-tagged
/// corpus saw are used, so rare senses ("gross" the number 144) add no noise. Run by <c>BotHost related-words</c>.
/// </summary>
public static class WordNetExport
{
    /// <summary>Senses of a word looked at, most used first (WordNet orders them by tagged frequency).</summary>
    public const int SensesPerWord = 2;

    private static readonly (string File, char Pos)[] Parts = [("noun", 'n'), ("verb", 'v'), ("adj", 'a')];

    /// <summary>Lines of <c>word TAB related related …</c>, sorted, words in lower case.</summary>
    public static IReadOnlyList<string> Export(string wordNetFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wordNetFolder);
        var synsets = new Dictionary<(char Pos, long Offset), Synset>();
        foreach (var (file, pos) in Parts)
        {
            foreach (var line in File.ReadLines(Path.Combine(wordNetFolder, "data." + file)))
            {
                if (line.StartsWith(' '))
                {
                    continue; // the licence header
                }

                var synset = Synset.Parse(line);
                synsets[(pos, synset.Offset)] = synset;
            }
        }

        var related = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (file, pos) in Parts)
        {
            foreach (var line in File.ReadLines(Path.Combine(wordNetFolder, "index." + file)))
            {
                if (line.StartsWith(' '))
                {
                    continue;
                }

                AddSenses(line, pos, synsets, related);
            }
        }

        foreach (var file in new[] { "noun.exc", "verb.exc", "adj.exc" })
        {
            foreach (var line in File.ReadLines(Path.Combine(wordNetFolder, file)))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 2 && IsPlainWord(parts[0]) && IsPlainWord(parts[1]))
                {
                    Link(related, parts[0], parts[1]);
                }
            }
        }

        return [.. related.Where(kv => kv.Value.Count > 0).Select(kv => kv.Key + "\t" + string.Join(' ', kv.Value))];
    }

    private static void AddSenses(string indexLine, char pos, Dictionary<(char, long), Synset> synsets, SortedDictionary<string, SortedSet<string>> related)
    {
        // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
        var fields = indexLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lemma = fields[0];
        if (!IsPlainWord(lemma))
        {
            return;
        }

        var pointerCount = int.Parse(fields[3], CultureInfo.InvariantCulture);
        var tagged = int.Parse(fields[5 + pointerCount], CultureInfo.InvariantCulture);
        var offsets = fields.Skip(6 + pointerCount).Take(Math.Min(tagged, SensesPerWord));
        foreach (var offsetText in offsets)
        {
            var synset = synsets[(pos, long.Parse(offsetText, CultureInfo.InvariantCulture))];
            var self = synset.Words.FindIndex(w => w.Equals(lemma, StringComparison.OrdinalIgnoreCase));
            foreach (var word in synset.Words)
            {
                Link(related, lemma, word);
            }

            foreach (var (target, targetPos, source, targetWord) in synset.Derivations)
            {
                // A derivation links one word of this synset to one of another: only the lemma's own.
                if (source - 1 == self && synsets.TryGetValue((targetPos, target), out var other) && targetWord - 1 < other.Words.Count)
                {
                    Link(related, lemma, other.Words[targetWord - 1]);
                }
            }
        }
    }

    private static void Link(SortedDictionary<string, SortedSet<string>> related, string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        if (a == b || !IsPlainWord(a) || !IsPlainWord(b))
        {
            return;
        }

        Add(a, b);
        Add(b, a);

        void Add(string from, string to)
        {
            if (!related.TryGetValue(from, out var set))
            {
                related[from] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.Add(to);
        }
    }

    // Multi-word lemmas ("take_off") and ones with digits or marks cannot meet a single analyzed term.
    private static bool IsPlainWord(string word) => word.Length >= 2 && word.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z');

    private sealed record Synset(long Offset, List<string> Words, List<(long Target, char Pos, int Source, int TargetWord)> Derivations)
    {
        public static Synset Parse(string line)
        {
            // offset lex_filenum ss_type w_cnt(hex) [word lex_id]… p_cnt [symbol offset pos source/target]… | gloss
            var fields = line.Split(" | ", 2)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var offset = long.Parse(fields[0], CultureInfo.InvariantCulture);
            var wordCount = int.Parse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var words = new List<string>(wordCount);
            var at = 4;
            for (var i = 0; i < wordCount; i++, at += 2)
            {
                // Adjectives carry a marker such as "(a)" after the word.
                var word = fields[at];
                var paren = word.IndexOf('(', StringComparison.Ordinal);
                words.Add(paren > 0 ? word[..paren] : word);
            }

            var pointerCount = int.Parse(fields[at++], CultureInfo.InvariantCulture);
            var derivations = new List<(long, char, int, int)>();
            for (var p = 0; p < pointerCount; p++, at += 4)
            {
                if (fields[at] == "+")
                {
                    var sourceTarget = fields[at + 3];
                    derivations.Add((
                        long.Parse(fields[at + 1], CultureInfo.InvariantCulture),
                        fields[at + 2][0] is 's' ? 'a' : fields[at + 2][0],
                        int.Parse(sourceTarget.AsSpan(0, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                        int.Parse(sourceTarget.AsSpan(2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                }
            }

            return new Synset(offset, words, derivations);
        }
    }

    /// <summary>The file's header: where it came from and how to make it again.</summary>
    public static string Header(string wordNetFolder) => new StringBuilder()
        .AppendLine("# Related words from WordNet 3.0 (Princeton University; WordNet 3.0 licence, free to use and redistribute).")
        .AppendLine(CultureInfo.InvariantCulture, $"# Made by: dotnet run --project src/BotHost -- related-words --wordnet {wordNetFolder} --write src/StoryEngine/Reading/related-words.tsv")
        .AppendLine(CultureInfo.InvariantCulture, $"# Each word's {SensesPerWord} most used senses: their other words and derived words; irregular forms.")
        .ToString();
}
