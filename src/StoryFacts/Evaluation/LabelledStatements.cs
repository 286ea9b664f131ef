using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using StoryEngine;
using StoryEngine.Ingest;

namespace StoryFacts.Evaluation;

/// <summary>One hand-labelled statement: who said it (and other names the label accepts), what, and how.</summary>
public sealed record LabelledStatement(
    [property: JsonPropertyName("speaker")] string Speaker,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("aliases")] IReadOnlyList<string>? Aliases);

/// <summary>An article's labels (<c>NAME.labels.json</c> beside <c>NAME.txt</c>): every statement in it.</summary>
public sealed record StatementLabelFile(
    [property: JsonPropertyName("article")] string Article,
    [property: JsonPropertyName("statements")] IReadOnlyList<LabelledStatement> Statements);

/// <summary>How the extracted statements of one article compare with its labels.</summary>
/// <param name="TextMatched">Extracted statements whose text matches some label, whoever the speaker.</param>
/// <param name="Misses">The labels no extracted statement matched.</param>
/// <param name="Spurious">The extracted statements that matched no label.</param>
public sealed record LabelledArticleScore(string Article, int Labelled, int Extracted, int Matched, int TextMatched, int SpeakerRight, IReadOnlyList<string> Misses, IReadOnlyList<string> Spurious)
{
    public double Precision => Extracted == 0 ? 1 : (double)Matched / Extracted;

    public double Recall => Labelled == 0 ? 1 : (double)Matched / Labelled;

    public double SpeakerAccuracy => TextMatched == 0 ? 1 : (double)SpeakerRight / TextMatched;

    /// <summary>The missed labels and spurious extractions, one line each.</summary>
    public IEnumerable<string> MissLines() => Misses.Select(m => "  MISS " + m).Concat(Spurious.Select(x => "  EXTRA " + x));
}

/// <summary>
/// Scores extracted statements against hand labels (the project's own articles, <c>tests/Fixtures/statements</c>): a
/// statement matches a label when the speakers agree (case, a leading article and "'s" ignored; a label alias also
/// counts) and the texts' token F1 is at least 0.5. <c>BotHost eval-whosaid</c> reports it; real news is measured by
/// PolNeAR's own scorer instead (bench/polnear-split.md).
/// </summary>
public static partial class LabelledStatementScorer
{
    public const double MinimumTokenF1 = 0.5;

    /// <summary>The label files of a folder, in ordinal order.</summary>
    public static IReadOnlyList<string> LabelFiles(string folder) =>
        [.. Directory.GetFiles(folder, "*.labels.json").OrderBy(f => f, StringComparer.Ordinal)];

    /// <exception cref="InvalidDataException">The file is not a label file.</exception>
    public static StatementLabelFile ReadLabels(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, StatementLabelsJsonContext.Default.StatementLabelFile) ?? throw new InvalidDataException($"{path} holds no labels.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a label file: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Scores the article a label file names, read from the path it gives relative to the label file's folder or, when
    /// there is none, by its file name from <paramref name="seeds"/> (see <see cref="LabelledArticles.Load"/>).
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither folder holds the article.</exception>
    public static LabelledArticleScore Score(string labelPath, string? seeds = null)
    {
        var labels = ReadLabels(labelPath);
        return Score(labels, LabelledArticles.Load(labelPath, labels.Article, Path.GetDirectoryName(Path.GetFullPath(labelPath))!, seeds));
    }

    public static LabelledArticleScore Score(StatementLabelFile labels, Story story)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var extracted = StoryAnalyzer.Statements(story);
        var used = new bool[labels.Statements.Count];
        var matched = 0;
        var textMatched = 0;
        var speakerRight = 0;
        var spurious = new List<string>();
        foreach (var s in extracted)
        {
            var best = -1;
            var bestF1 = 0.0;
            var textOnly = -1;
            for (var i = 0; i < labels.Statements.Count; i++)
            {
                var f1 = TokenF1(s.Text, labels.Statements[i].Text);
                if (f1 < MinimumTokenF1)
                {
                    continue;
                }

                textOnly = textOnly < 0 ? i : textOnly;
                if (!used[i] && SpeakerMatches(s.Speaker, labels.Statements[i]) && f1 > bestF1)
                {
                    best = i;
                    bestF1 = f1;
                }
            }

            if (textOnly >= 0)
            {
                textMatched++;
            }

            if (best >= 0)
            {
                used[best] = true;
                matched++;
                speakerRight++;
            }
            else
            {
                spurious.Add($"[{s.Speaker}] ({s.Kind}, {s.Verb}) {s.Text}");
            }
        }

        var misses = labels.Statements.Where((l, i) => !used[i]).Select(l => $"[{l.Speaker}] {l.Text}").ToList();
        return new LabelledArticleScore(Path.GetFileName(labels.Article), labels.Statements.Count, extracted.Count, matched, textMatched, speakerRight, misses, spurious);
    }

    public static bool SpeakerMatches(string extracted, LabelledStatement label)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(extracted);
        // "the union's statement" speaks for the union, as PolNeAR's scorer reads a document for its author.
        var owner = Regex.Match(extracted, @"^(.+?)(?:'s|’s|'|’)\s+(\w+)$");
        var names = owner.Success && Lexicon.DocumentNouns.Contains(owner.Groups[2].Value.ToLowerInvariant())
            ? new[] { extracted, owner.Groups[1].Value }
            : [extracted];
        return new[] { label.Speaker }.Concat(label.Aliases ?? [])
            .Any(n => names.Any(e => string.Equals(NormaliseSpeaker(n), NormaliseSpeaker(e), StringComparison.Ordinal)));
    }

    public static string NormaliseSpeaker(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var s = name.Trim().ToLowerInvariant().Replace("’", "'", StringComparison.Ordinal).Replace("'s", string.Empty, StringComparison.Ordinal);
        foreach (var article in new[] { "the ", "a ", "an " })
        {
            if (s.StartsWith(article, StringComparison.Ordinal))
            {
                s = s[article.Length..];
            }
        }

        return s;
    }

    public static double TokenF1(string a, string b)
    {
        var x = Tokens(a);
        var y = Tokens(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return 0;
        }

        var counts = y.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var common = 0;
        foreach (var t in x)
        {
            if (counts.TryGetValue(t, out var c) && c > 0)
            {
                common++;
                counts[t] = c - 1;
            }
        }

        if (common == 0)
        {
            return 0;
        }

        var precision = (double)common / x.Count;
        var recall = (double)common / y.Count;
        return 2 * precision * recall / (precision + recall);
    }

    private static List<string> Tokens(string text) => [.. Word().Matches(text.ToLowerInvariant().Replace("’", "'", StringComparison.Ordinal)).Select(m => m.Value)];

    [GeneratedRegex(@"[\p{L}\d][\p{L}\d'\-,.%£$]*[\p{L}\d%]|[\p{L}\d]")]
    private static partial Regex Word();
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(StatementLabelFile))]
internal sealed partial class StatementLabelsJsonContext : JsonSerializerContext;
