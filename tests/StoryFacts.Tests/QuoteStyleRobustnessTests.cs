using System.Text;
using StoryEngine.Ingest;
using Xunit.Abstractions;

namespace StoryFacts.Tests;

/// <summary>
/// Generalisation to other quotation-mark styles: every labelled article is scored again with its double quotation marks
/// rewritten as curly marks, as straight marks, and as British single marks (with any single marks inside turned
/// double). Apostrophes are left alone. A drop here is what a publication with a different house style would cost.
/// </summary>
public sealed class QuoteStyleRobustnessTests(ITestOutputHelper output)
{
    /// <summary>Rewrites double quotation marks (straight or curly) as the given opening and closing marks.</summary>
    private static string Restyle(string text, string open, string close, bool britishNesting)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            var inQuote = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                var isDouble = c is '"' or '“' or '”';
                if (isDouble)
                {
                    var opening = c == '“' || (c == '"' && !inQuote);
                    sb.Append(opening ? open : close);
                    inQuote = opening;
                    continue;
                }

                if (britishNesting && inQuote && c is '\'' or '‘' or '’')
                {
                    // A single mark inside a quotation is a nested quotation or an apostrophe: keep apostrophes
                    // between letters, turn the rest double.
                    var letterBefore = i > 0 && char.IsLetter(line[i - 1]);
                    var letterAfter = i + 1 < line.Length && char.IsLetter(line[i + 1]);
                    sb.Append(letterBefore && letterAfter ? c : c is '‘' || (c == '\'' && !letterBefore) ? '“' : '”');
                    continue;
                }

                sb.Append(c);
            }

            sb.Append('\n');
        }

        return sb.ToString(0, Math.Max(0, sb.Length - 1));
    }

    [Theory]
    [InlineData("curly", "“", "”", false)]
    [InlineData("straight", "\"", "\"", false)]
    [InlineData("british single", "‘", "’", true)]
    [InlineData("doubled apostrophes (archive text)", "''", "''", false)]
    public void Articles_keep_their_figures_in_another_quotation_style(string style, string open, string close, bool british)
    {
        var scores = new List<ArticleScore>();
        foreach (var path in StatementScorer.LabelFiles())
        {
            var labels = StatementScorer.ReadLabels(path);
            var raw = File.ReadAllText(StatementScorer.FixturePath("statements", labels.Article));
            var score = StatementScorer.Score(labels, StoryParser.Parse(labels.Article, Restyle(raw, open, close, british)));
            scores.Add(score);
            if (score.Matched < score.Labelled || score.Matched < score.Extracted)
            {
                output.WriteLine($"{score.Article}: labelled {score.Labelled}, extracted {score.Extracted}, matched {score.Matched}");
                foreach (var line in score.MissLines())
                {
                    output.WriteLine(line);
                }
            }
        }

        var precision = (double)scores.Sum(s => s.Matched) / scores.Sum(s => s.Extracted);
        var recall = (double)scores.Sum(s => s.Matched) / scores.Sum(s => s.Labelled);
        output.WriteLine($"{style} quotation marks: P {precision:P1}, R {recall:P1}");
        // Measured after the single-quote rules it prompted: curly and straight P 99.7 %, R 100 %; British single P 99.7 %, R 99.9 %.
        Assert.True(precision >= 0.95 && recall >= 0.95, $"{style}: P {precision:P1}, R {recall:P1}");
    }
}
