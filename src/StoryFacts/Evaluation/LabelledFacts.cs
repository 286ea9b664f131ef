using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using StoryEngine.Ingest;

namespace StoryFacts.Evaluation;

public sealed record LabelledPerson(string Name, IReadOnlyList<string>? Roles);

public sealed record LabelledNumber(string Value, string Counts, IReadOnlyList<string>? Heads);

/// <summary>One article's hand-labelled key facts (tests/Fixtures/facts/*.facts.json; rules in its README).</summary>
public sealed record FactLabelFile(
    string Article,
    bool LabelledBeforeExtraction,
    IReadOnlyList<LabelledPerson> People,
    IReadOnlyList<LabelledNumber> Numbers,
    IReadOnlyList<string> Dates,
    IReadOnlyList<string>? Timeline,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Organisations,
    IReadOnlyList<string>? Ignore,
    bool HeldOut = false,
    int Round = 1);

/// <summary>True positives, extracted and labelled counts of one fact kind, with what went wrong.</summary>
public sealed class KindScore
{
    public int Matched { get; set; }

    public int Extracted { get; set; }

    public int Found { get; set; }

    public int Labelled { get; set; }

    public List<string> Misses { get; } = [];

    public List<string> Spurious { get; } = [];

    public double Precision => Extracted == 0 ? 1 : (double)Matched / Extracted;

    public double Recall => Labelled == 0 ? 1 : (double)Found / Labelled;

    public void Add(KindScore other)
    {
        Matched += other.Matched;
        Extracted += other.Extracted;
        Found += other.Found;
        Labelled += other.Labelled;
    }
}

/// <param name="HeldOut">Labelled after the fixes were made, before the extractor ran on it: a generalisation check.</param>
/// <param name="Round">Which held-out round (1 or 2) the article belongs to.</param>
public sealed record FactArticleScore(string Article, bool Blind, bool HeldOut, int Round, IReadOnlyDictionary<string, KindScore> Kinds, int TimelinePairs, int TimelinePairsInOrder);

/// <summary>
/// Scores a story's fact sheet against its labels. Names match when equal after case, a leading "the", a trailing "'s"
/// and curly apostrophes are ignored ("A|B" in a label gives alternatives); an extracted item the label file lists under
/// "ignore" counts neither way, and a second extracted item matching an already matched label (a duplicate) is reported
/// but not counted. A person is right when the name matches and, if the label gives roles, one extracted role contains
/// the head word of one labelled role (the word before "of", "at", "for", "in" or a comma, else the last word); a person
/// labelled with no role must come with none. A number is right when its value matches (approximators such as "about"
/// dropped, "per cent" = "%") and what it counts contains the head noun of the labelled phrase (its last word, or one
/// of the label's "heads"; a plural "s" ignored). Dates match as written (a leading preposition dropped).
/// </summary>
public static partial class LabelledFactsScorer
{
    public static readonly string[] KindNames = ["people+role", "people (name only)", "numbers+counts", "numbers (value only)", "dates", "places", "organisations"];

    /// <summary>The key-fact label files of a folder, in ordinal order.</summary>
    public static IReadOnlyList<string> LabelFiles(string folder) =>
        [.. Directory.GetFiles(folder, "*.facts.json").OrderBy(f => f, StringComparer.Ordinal)];

    /// <exception cref="InvalidDataException">The file is not a key-fact label file.</exception>
    public static FactLabelFile Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, FactLabelsJsonContext.Default.FactLabelFile) ?? throw new InvalidDataException($"{path} holds no labels.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a key-fact label file: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Scores the article a label file names: a path relative to <paramref name="fixtures"/> (the folder above the label
    /// folder, as "statements/x.txt"), or failing that the same file name in <paramref name="seeds"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither holds the article.</exception>
    public static FactArticleScore Score(string labelPath, string fixtures, string seeds)
    {
        var labels = Read(labelPath);
        var sheet = StoryAnalyzer.Analyze(LabelledArticles.Load(labelPath, labels.Article, fixtures, seeds));
        var ignore = (labels.Ignore ?? []).Select(Name).ToHashSet(StringComparer.Ordinal);

        var kinds = KindNames.ToDictionary(k => k, _ => new KindScore(), StringComparer.Ordinal);
        ScorePeople(labels, sheet, ignore, kinds["people+role"], kinds["people (name only)"]);
        ScoreNumbers(labels, sheet, kinds["numbers+counts"], kinds["numbers (value only)"]);
        ScoreNames(labels.Dates, sheet.Dates.Select(d => d.Text), DateKey, ignore, kinds["dates"]);
        ScoreNames(labels.Places, sheet.PlacesAndOrganisations.Where(e => e.Kind == EntityFactKind.Place).Select(e => e.Name), Name, ignore, kinds["places"]);
        ScoreNames(labels.Organisations, sheet.PlacesAndOrganisations.Where(e => e.Kind == EntityFactKind.Organisation).Select(e => e.Name), Name, ignore, kinds["organisations"]);
        var (pairs, inOrder) = ScoreTimeline(labels.Timeline ?? [], sheet.Timeline.Select(t => t.When).ToList());
        return new FactArticleScore(Path.GetFileName(labelPath).Replace(".facts.json", string.Empty, StringComparison.Ordinal), labels.LabelledBeforeExtraction, labels.HeldOut, labels.Round, kinds, pairs, inOrder);
    }

    private static void ScorePeople(FactLabelFile labels, StoryFactSheet sheet, HashSet<string> ignore, KindScore withRole, KindScore nameOnly)
    {
        var used = new bool[labels.People.Count];
        var roleRight = new bool[labels.People.Count];
        foreach (var person in sheet.People)
        {
            var key = Name(person.Name);
            if (ignore.Contains(key))
            {
                continue;
            }

            var index = Enumerable.Range(0, labels.People.Count).FirstOrDefault(i => Alternatives(labels.People[i].Name).Select(Name).Contains(key), -1);
            var shown = $"{person.Name} [{string.Join("; ", person.Roles)}]";
            if (index < 0)
            {
                withRole.Extracted++;
                nameOnly.Extracted++;
                withRole.Spurious.Add(shown);
                continue;
            }

            if (used[index])
            {
                continue; // a duplicate
            }

            used[index] = true;
            withRole.Extracted++;
            nameOnly.Extracted++;
            nameOnly.Matched++;
            nameOnly.Found++;
            var label = labels.People[index];
            var right = label.Roles is null || label.Roles.Count == 0
                ? person.Roles.Count == 0
                : label.Roles.Any(r => person.Roles.Any(x => Regex.IsMatch(x, @"(?<![\p{L}\-])" + Regex.Escape(RoleHead(r)) + @"(?![\p{L}\-])", RegexOptions.IgnoreCase)));
            if (right)
            {
                withRole.Matched++;
                withRole.Found++;
                roleRight[index] = true;
            }
            else
            {
                withRole.Spurious.Add(shown + " (role)");
            }
        }

        withRole.Labelled = nameOnly.Labelled = labels.People.Count;
        for (var i = 0; i < labels.People.Count; i++)
        {
            if (!roleRight[i])
            {
                withRole.Misses.Add($"{labels.People[i].Name} [{string.Join("; ", labels.People[i].Roles ?? [])}]");
            }
        }
    }

    private static void ScoreNumbers(FactLabelFile labels, StoryFactSheet sheet, KindScore withCounts, KindScore valueOnly)
    {
        var used = new bool[labels.Numbers.Count];
        var valueUsed = new bool[labels.Numbers.Count];
        foreach (var number in sheet.Numbers)
        {
            var key = NumberKey(number.Text);
            var counts = Words(number.Counts);
            withCounts.Extracted++;
            valueOnly.Extracted++;
            var index = Enumerable.Range(0, labels.Numbers.Count)
                .FirstOrDefault(i => !used[i] && NumberKey(labels.Numbers[i].Value) == key && Heads(labels.Numbers[i]).Any(h => counts.Any(w => SameWord(w, h))), -1);
            var valueIndex = Enumerable.Range(0, labels.Numbers.Count).FirstOrDefault(i => !valueUsed[i] && NumberKey(labels.Numbers[i].Value) == key, -1);
            if (valueIndex >= 0)
            {
                valueUsed[valueIndex] = true;
                valueOnly.Matched++;
                valueOnly.Found++;
            }

            if (index >= 0)
            {
                used[index] = true;
                withCounts.Matched++;
                withCounts.Found++;
            }
            else
            {
                withCounts.Spurious.Add($"{number.Text} — {number.Counts}");
            }
        }

        withCounts.Labelled = valueOnly.Labelled = labels.Numbers.Count;
        for (var i = 0; i < labels.Numbers.Count; i++)
        {
            if (!used[i])
            {
                withCounts.Misses.Add($"{labels.Numbers[i].Value} — {labels.Numbers[i].Counts}");
            }
        }
    }

    private static void ScoreNames(IReadOnlyList<string> labels, IEnumerable<string> extracted, Func<string, string> key, HashSet<string> ignore, KindScore score)
    {
        var alternatives = labels.Select(l => Alternatives(l).Select(key).ToHashSet(StringComparer.Ordinal)).ToList();
        var found = new bool[labels.Count];
        foreach (var text in extracted.Distinct(StringComparer.Ordinal))
        {
            var k = key(text);
            if (ignore.Contains(Name(text)))
            {
                continue;
            }

            var index = alternatives.FindIndex(a => a.Contains(k));
            if (index < 0)
            {
                score.Extracted++;
                score.Spurious.Add(text);
            }
            else if (!found[index])
            {
                found[index] = true;
                score.Extracted++;
                score.Matched++;
                score.Found++;
            }
        }

        score.Labelled = labels.Count;
        score.Misses.AddRange(labels.Where((_, i) => !found[i]));
    }

    /// <summary>Pairs of timeline entries from different labelled groups, and how many of them are in the labelled order.</summary>
    private static (int Pairs, int InOrder) ScoreTimeline(IReadOnlyList<string> groups, IReadOnlyList<string> whens)
    {
        var keys = groups.Select(g => Alternatives(g).Select(DateKey).ToList()).ToList();
        var placed = whens.Select(w => keys.FindIndex(alts => alts.Any(a => (" " + DateKey(w) + " ").Contains(" " + a + " ", StringComparison.Ordinal) || DateKey(w).StartsWith(a + ",", StringComparison.Ordinal))))
            .Where(g => g >= 0).ToList();
        var pairs = 0;
        var inOrder = 0;
        for (var i = 0; i < placed.Count; i++)
        {
            for (var j = i + 1; j < placed.Count; j++)
            {
                if (placed[i] != placed[j])
                {
                    pairs++;
                    inOrder += placed[i] < placed[j] ? 1 : 0;
                }
            }
        }

        return (pairs, inOrder);
    }

    private static IEnumerable<string> Alternatives(string label) => label.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<string> Heads(LabelledNumber n) =>
        n.Heads is { Count: > 0 } ? n.Heads.Select(h => h.ToLowerInvariant()) : [Words(n.Counts).LastOrDefault() ?? string.Empty];

    private static bool SameWord(string a, string b) => a == b || a.TrimEnd('s') == b.TrimEnd('s');

    /// <summary>"head of commodities research at X" → "head"; "Conservative housing critic" → "critic".</summary>
    public static string RoleHead(string role)
    {
        var words = Regex.Split(role.Trim(), @"\s+");
        var cut = Array.FindIndex(words, w => w is "of" or "at" or "for" or "in" or "and" || w.EndsWith(','));
        var head = cut < 0 ? words[^1] : words[cut].EndsWith(',') ? words[cut] : words[Math.Max(0, cut - 1)];
        return head.Trim(',', '.');
    }

    public static List<string> Words(string text) => [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    public static string Name(string text)
    {
        var s = Regex.Replace(text.Replace('’', '\'').Trim().TrimEnd('.').ToLowerInvariant(), @"\s+", " ");
        s = s.EndsWith("'s", StringComparison.Ordinal) ? s[..^2] : s;
        return s.StartsWith("the ", StringComparison.Ordinal) ? s[4..] : s;
    }

    public static string DateKey(string text) =>
        Regex.Replace(Name(text), @"^(?:on|in|by|since|until|from|of|at|late on|early on)\s+", string.Empty);

    public static string NumberKey(string text)
    {
        var s = text.ToLowerInvariant().Replace("per cent", "%", StringComparison.Ordinal).Replace("percent", "%", StringComparison.Ordinal);
        s = ApproximatorPattern().Replace(s, string.Empty);
        return Regex.Replace(s, @"\s+", string.Empty);
    }

    [GeneratedRegex(@"^(?:(?:about|approximately|around|nearly|almost|roughly|some|more than|over|at least|up to|fewer than|less than|under|just over|just under|an estimated|as many as|a further|another|well over|between)\s+)+")]
    private static partial Regex ApproximatorPattern();

    [GeneratedRegex(@"[\p{L}\d](?:[\p{L}\d']|\.(?=\p{L}))*")]
    private static partial Regex WordPattern();
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(FactLabelFile))]
internal sealed partial class FactLabelsJsonContext : JsonSerializerContext;
