using System.Text.Json;
using System.Text.RegularExpressions;
using StoryEngine;
using StoryEngine.Ingest;

namespace StoryFacts.Tests;

internal sealed record LabelledStatement(string Speaker, string Text, string Kind, IReadOnlyList<string>? Aliases);

internal sealed record LabelFile(string Article, IReadOnlyList<LabelledStatement> Statements);

internal sealed record ArticleScore(string Article, int Labelled, int Extracted, int Matched, int TextMatched, int SpeakerRight, IReadOnlyList<string> Misses, IReadOnlyList<string> Spurious)
{
    public double Precision => Extracted == 0 ? 1 : (double)Matched / Extracted;

    public double Recall => Labelled == 0 ? 1 : (double)Matched / Labelled;

    public double SpeakerAccuracy => TextMatched == 0 ? 1 : (double)SpeakerRight / TextMatched;

    /// <summary>The missed labels and spurious extractions, one line each, for the test output under the score line.</summary>
    public IEnumerable<string> MissLines() => Misses.Select(m => "  MISS " + m).Concat(Spurious.Select(x => "  EXTRA " + x));
}

/// <summary>
/// Scores extracted statements against hand labels: a statement matches a label when the speakers agree (case, a
/// leading article and "'s" ignored; a label alias also counts) and the texts' token F1 is at least 0.5.
/// </summary>
internal static partial class StatementScorer
{
    public const double MinimumTokenF1 = 0.5;

    public static string FixturePath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static Story LoadStory(string relativePath)
    {
        var path = Path.GetFullPath(FixturePath("statements", relativePath));
        return StoryParser.Parse(Path.GetFileName(path), File.ReadAllText(path));
    }

    public static IReadOnlyList<string> LabelFiles() =>
        [.. Directory.GetFiles(FixturePath("statements"), "*.labels.json").OrderBy(f => f, StringComparer.Ordinal)];

    public static LabelFile ReadLabels(string path) =>
        JsonSerializer.Deserialize<LabelFile>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
        ?? throw new InvalidDataException(path);

    public static ArticleScore Score(string labelPath)
    {
        var labels = ReadLabels(labelPath);
        return Score(labels, LoadStory(labels.Article));
    }

    public static ArticleScore Score(LabelFile labels, Story story)
    {
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
        return new ArticleScore(Path.GetFileName(labels.Article), labels.Statements.Count, extracted.Count, matched, textMatched, speakerRight, misses, spurious);
    }

    public static bool SpeakerMatches(string extracted, LabelledStatement label) =>
        new[] { label.Speaker }.Concat(label.Aliases ?? []).Any(n => string.Equals(NormaliseSpeaker(n), NormaliseSpeaker(extracted), StringComparison.Ordinal));

    public static string NormaliseSpeaker(string name)
    {
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
