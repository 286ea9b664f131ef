using System.Text.RegularExpressions;
using StoryEngine.Ingest;
using Xunit.Abstractions;

namespace StoryFacts.Tests;

/// <summary>
/// Generalisation to unseen names: every labelled article is scored again with each speaking person's given name and
/// surname replaced by invented words that are in no name list (so the rules cannot lean on a known first name, and
/// the sex "he"/"she" refer to is unknown). A drop here is what a story full of unfamiliar names would cost.
/// </summary>
public sealed class NameSwapRobustnessTests(ITestOutputHelper output)
{
    private static readonly string[] Syllables = ["ka", "lo", "vi", "ren", "dor", "mi", "sa", "tel", "bru", "nek", "quo", "fen", "gal", "ith", "zor", "pell", "wyn", "thra"];

    /// <summary>Invented capitalised words, none of them a listed given name or a place.</summary>
    private static IEnumerable<string> InventedNames()
    {
        foreach (var a in Syllables)
        {
            foreach (var b in Syllables)
            {
                foreach (var c in new[] { "", "ix", "om" })
                {
                    var name = char.ToUpperInvariant(a[0]) + a[1..] + b + c;
                    if (!Lexicon.IsFirstName(name) && Gazetteer.Find(name) is null)
                    {
                        yield return name;
                    }
                }
            }
        }
    }

    private static bool LooksLikePersonName(string speaker)
    {
        var words = speaker.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4 && char.IsUpper(words[0][0]) && char.IsUpper(words[^1][0])
            && !words.Any(w => Lexicon.IsOrganisationWord(w) || Lexicon.PlaceWords.Contains(w) || Lexicon.CapitalisedFunctionWords.Contains(w) || Lexicon.TitleWords.Contains(w) || Gazetteer.Find(w) is not null || w.All(c => char.IsUpper(c) || c == '.'));
    }

    private static string Swap(string text, IReadOnlyDictionary<string, string> map) =>
        map.Aggregate(text, (t, kv) => Regex.Replace(t, @"(?<!\p{L})" + Regex.Escape(kv.Key) + @"(?!\p{L})", kv.Value));

    [Fact]
    public void Articles_keep_their_figures_with_invented_names_for_every_speaking_person()
    {
        var invented = InventedNames().ToList();
        var scores = new List<ArticleScore>();
        var next = 0;
        foreach (var path in StatementScorer.LabelFiles())
        {
            var labels = StatementScorer.ReadLabels(path);
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in labels.Statements.Select(l => l.Speaker).Where(LooksLikePersonName).Distinct())
            {
                var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                foreach (var w in new[] { words[0], words[^1] })
                {
                    if (!map.ContainsKey(w))
                    {
                        map[w] = invented[next++ % invented.Count];
                    }
                }
            }

            var raw = File.ReadAllText(StatementScorer.FixturePath("statements", labels.Article));
            var story = StoryParser.Parse(labels.Article, Swap(raw, map));
            var swapped = labels with
            {
                Statements = [.. labels.Statements.Select(l => l with { Speaker = Swap(l.Speaker, map), Text = Swap(l.Text, map), Aliases = l.Aliases?.Select(a => Swap(a, map)).ToList() })],
            };
            var score = StatementScorer.Score(swapped, story);
            scores.Add(score);
            output.WriteLine($"{score.Article}: labelled {score.Labelled}, extracted {score.Extracted}, matched {score.Matched}, P {score.Precision:P1}, R {score.Recall:P1} ({map.Count} names swapped)");
            foreach (var line in score.MissLines())
            {
                output.WriteLine(line);
            }
        }

        var precision = (double)scores.Sum(s => s.Matched) / scores.Sum(s => s.Extracted);
        var recall = (double)scores.Sum(s => s.Matched) / scores.Sum(s => s.Labelled);
        var speaker = (double)scores.Sum(s => s.SpeakerRight) / scores.Sum(s => s.TextMatched);
        output.WriteLine($"name-swapped overall: P {precision:P1}, R {recall:P1}, speaker accuracy {speaker:P1}");
        // First run (before the pronoun rules it prompted): P 98.9 %, R 99.3 %; after them P 99.6 %, R 100 %, as with the
        // real names. The floor catches rules that start leaning on listed names.
        Assert.True(precision >= 0.97 && recall >= 0.97 && speaker >= 0.97, $"P {precision:P1}, R {recall:P1}, speaker accuracy {speaker:P1}");
    }
}
