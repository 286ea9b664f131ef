using System.Globalization;
using StoryFacts.Evaluation;

namespace BotHost.Cli;

/// <summary>
/// <c>eval-whosaid [--labels DIR] [--seeds DIR]</c>: who-said-what on hand-labelled articles (default
/// <c>tests/Fixtures/statements</c>, the project's own; an article not beside its labels is looked for by name in the
/// seeds folder, default <c>seeds</c>): each article's figures with its misses and extras, then the totals. These articles were written
/// here, so the figures run ahead of real news; PolNeAR's scorer measures that (bench/polnear-split.md).
/// </summary>
public static class EvalWhosaidVerb
{
    public const string DefaultLabels = "tests/Fixtures/statements";

    public static async Task<int> RunAsync(CliArguments cli, TextWriter output, CancellationToken cancellationToken)
    {
        var (_, seeds, files) = LabelledEval.Open(cli, DefaultLabels, LabelledStatementScorer.LabelFiles, "*.labels.json");
        var scores = new List<LabelledArticleScore>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var score = LabelledEval.Score(file, f => LabelledStatementScorer.Score(f, seeds));
            scores.Add(score);
            await output.WriteLineAsync(Line(score));
            foreach (var miss in score.MissLines())
            {
                await output.WriteLineAsync(miss);
            }
        }

        var blind = scores.Where(s => s.Article.StartsWith("blind", StringComparison.Ordinal)).ToList();
        if (blind.Count > 0)
        {
            // Labelled before the rules ran on them; rules have been fixed on them since (README: their first runs).
            await output.WriteLineAsync(Total(string.Create(CultureInfo.InvariantCulture, $"the {blind.Count} blind articles"), blind));
        }

        await output.WriteLineAsync(Total(string.Create(CultureInfo.InvariantCulture, $"all {scores.Count} labelled articles"), scores));
        return 0;
    }

    /// <summary>The articles' counts summed, read through the same figures as one article's.</summary>
    private static string Total(string title, IReadOnlyList<LabelledArticleScore> scores)
    {
        var total = new LabelledArticleScore(title, scores.Sum(s => s.Labelled), scores.Sum(s => s.Extracted), scores.Sum(s => s.Matched),
            scores.Sum(s => s.TextMatched), scores.Sum(s => s.SpeakerRight), [], []);
        return Line(total);
    }

    private static string Line(LabelledArticleScore s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Article}: labelled {s.Labelled}, extracted {s.Extracted}, matched {s.Matched}, P {s.Precision:P1}, R {s.Recall:P1}, speaker accuracy {s.SpeakerAccuracy:P1}");
}
