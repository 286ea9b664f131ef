using System.Globalization;
using StoryFacts.Evaluation;

namespace BotHost.Cli;

/// <summary>
/// <c>eval-facts [--labels DIR] [--seeds DIR]</c>: key facts on hand-labelled articles (default <c>tests/Fixtures/facts</c>,
/// whose articles are named relative to the folder above it; the seed story is looked for in the seeds folder): each
/// article's misses and extras per fact kind, then precision and recall per kind for the development articles, for
/// each held-out round's first articles, and for all of them.
/// </summary>
public static class EvalFactsVerb
{
    public const string DefaultLabels = "tests/Fixtures/facts";

    public static async Task<int> RunAsync(CliArguments cli, TextWriter output, CancellationToken cancellationToken)
    {
        var (folder, seeds, files) = LabelledEval.Open(cli, DefaultLabels, LabelledFactsScorer.LabelFiles, "*.facts.json");
        var fixtures = Path.GetDirectoryName(Path.GetFullPath(folder))!;
        var scores = new List<FactArticleScore>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var score = LabelledEval.Score(file, f => LabelledFactsScorer.Score(f, fixtures, seeds));
            scores.Add(score);
            var kind = score.HeldOut ? $" (held out, round {score.Round})" : score.Blind ? " (labelled before extraction)" : string.Empty;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"== {score.Article}{kind}; timeline pairs in order {score.TimelinePairsInOrder}/{score.TimelinePairs}"));
            foreach (var (name, k) in score.Kinds)
            {
                foreach (var miss in k.Misses)
                {
                    await output.WriteLineAsync($"  {name} MISS {miss}");
                }

                foreach (var extra in k.Spurious)
                {
                    await output.WriteLineAsync($"  {name} EXTRA {extra}");
                }
            }
        }

        await SummariseAsync(output, "development articles (the rules were fixed on them)", [.. scores.Where(s => !s.HeldOut)]);
        foreach (var round in scores.Where(s => s.HeldOut).Select(s => s.Round).Distinct().Order())
        {
            await SummariseAsync(output, string.Create(CultureInfo.InvariantCulture, $"held-out round {round} (labelled before the extractor ran on them)"), [.. scores.Where(s => s.HeldOut && s.Round == round)]);
        }

        await SummariseAsync(output, "all articles", scores);
        return 0;
    }

    private static async Task SummariseAsync(TextWriter output, string title, IReadOnlyList<FactArticleScore> scores)
    {
        var total = LabelledFactsScorer.KindNames.ToDictionary(k => k, _ => new KindScore(), StringComparer.Ordinal);
        foreach (var (kind, k) in scores.SelectMany(s => s.Kinds))
        {
            total[kind].Add(k);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{title}, {scores.Count} articles:"));
        foreach (var (kind, k) in total)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {kind}: labelled {k.Labelled}, extracted {k.Extracted}, matched {k.Matched}, P {k.Precision:P1}, R {k.Recall:P1}"));
        }

        var pairs = scores.Sum(s => s.TimelinePairs);
        var inOrder = scores.Sum(s => s.TimelinePairsInOrder);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  timeline: {inOrder}/{pairs} pairs of dated entries in the labelled order ({(pairs == 0 ? 1 : (double)inOrder / pairs):P1})"));
    }
}
