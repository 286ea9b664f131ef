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
        cli.AllowOnly("labels", "seeds");
        var folder = cli.Get("labels") ?? DefaultLabels;
        var seeds = cli.Get("seeds") ?? "seeds";
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"--labels: no folder {folder}.");
        }

        var files = LabelledStatementScorer.LabelFiles(folder);
        if (files.Count == 0)
        {
            throw new UsageException($"--labels: {folder} holds no *.labels.json file.");
        }

        var scores = new List<LabelledArticleScore>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LabelledArticleScore score;
            try
            {
                score = LabelledStatementScorer.Score(file, seeds);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"--labels: {file} cannot be scored ({ex.Message}).");
            }

            scores.Add(score);
            await output.WriteLineAsync(Line(score.Article, score.Labelled, score.Extracted, score.Matched, score.Precision, score.Recall, score.SpeakerAccuracy));
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

    private static string Total(string title, IReadOnlyList<LabelledArticleScore> scores)
    {
        var labelled = scores.Sum(s => s.Labelled);
        var extracted = scores.Sum(s => s.Extracted);
        var matched = scores.Sum(s => s.Matched);
        var textMatched = scores.Sum(s => s.TextMatched);
        return Line(title, labelled, extracted, matched,
            extracted == 0 ? 1 : (double)matched / extracted,
            labelled == 0 ? 1 : (double)matched / labelled,
            textMatched == 0 ? 1 : (double)scores.Sum(s => s.SpeakerRight) / textMatched);
    }

    private static string Line(string title, int labelled, int extracted, int matched, double precision, double recall, double speaker) =>
        string.Create(CultureInfo.InvariantCulture, $"{title}: labelled {labelled}, extracted {extracted}, matched {matched}, P {precision:P1}, R {recall:P1}, speaker accuracy {speaker:P1}");
}
