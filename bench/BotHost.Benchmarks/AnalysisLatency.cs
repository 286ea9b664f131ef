using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using StoryEngine;
using StoryEngine.Ingest;
using StoryFacts;

namespace BotHost.Benchmarks;

/// <summary>
/// How long a story's whole analysis takes (statements, people, numbers, dates, places, timeline, summary:
/// <see cref="StoryAnalyzer.Analyze"/>), per story and per 1,000 words, over a folder of real stories. Issue 11's budget
/// is 20 ms for a 1,000-word story; BenchmarkDotNet would time one story, this times every story of a folder.
/// </summary>
public static class AnalysisLatency
{
    /// <param name="args">[RUNS] [--stories DIR]: each story analysed RUNS times (default 20) after one warm-up run, its
    /// median kept; the folder defaults to seeds/ (e.g. ../shared/bench/polnear-train/stories for 840 real articles).</param>
    public static int Run(string[] args)
    {
        var folder = AskLatency.Option(args, "--stories") ?? StoryFolder.Seeds();
        var numbers = args.Where((a, i) => a != "--stories" && (i == 0 || args[i - 1] != "--stories")).ToArray();
        var runs = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 20;
        var stories = StoryLoader.Load(folder, NullLogger.Instance).Stories;
        if (stories.Count == 0)
        {
            Console.Error.WriteLine($"no stories in {folder}");
            return 1;
        }

        // Warm the JIT on every story once before any timing.
        foreach (var story in stories)
        {
            _ = StoryAnalyzer.Analyze(story);
        }

        var measured = new List<(Story Story, int Words, double Ms)>(stories.Count);
        var samples = new double[runs];
        foreach (var story in stories)
        {
            for (var r = 0; r < runs; r++)
            {
                var watch = Stopwatch.StartNew();
                _ = StoryAnalyzer.Analyze(story);
                samples[r] = watch.Elapsed.TotalMilliseconds;
            }

            Array.Sort(samples);
            measured.Add((story, Words(story), samples[runs / 2]));
        }

        var c = CultureInfo.InvariantCulture;
        var perStory = measured.Select(m => m.Ms).Order().ToArray();
        var perThousand = measured.Select(m => m.Ms * 1000 / Math.Max(1, m.Words)).Order().ToArray();
        var words = measured.Select(m => (double)m.Words).Order().ToArray();
        Console.WriteLine(string.Create(c, $"{measured.Count} stories from {folder}, {runs} runs each (median kept); words: median {AskLatency.Percentile(words, 0.5)}, max {words[^1]}"));
        Console.WriteLine(string.Create(c, $"per story: p50 {AskLatency.Percentile(perStory, 0.5):F2} ms, p90 {AskLatency.Percentile(perStory, 0.9):F2} ms, max {perStory[^1]:F2} ms"));
        Console.WriteLine(string.Create(c, $"per 1,000 words: p50 {AskLatency.Percentile(perThousand, 0.5):F2} ms, p90 {AskLatency.Percentile(perThousand, 0.9):F2} ms, max {perThousand[^1]:F2} ms"));
        var near = measured.Where(m => m.Words is >= 900 and <= 1100).Select(m => m.Ms).Order().ToArray();
        if (near.Length > 0)
        {
            Console.WriteLine(string.Create(c, $"stories of 900-1,100 words ({near.Length}): p50 {AskLatency.Percentile(near, 0.5):F2} ms, p90 {AskLatency.Percentile(near, 0.9):F2} ms, max {near[^1]:F2} ms"));
        }

        var slowest = measured.MaxBy(m => m.Ms);
        Console.WriteLine(string.Create(c, $"slowest: {slowest.Story.Id} ({slowest.Words} words) {slowest.Ms:F2} ms"));
        return 0;
    }

    private static int Words(Story story) =>
        story.Paragraphs.Sum(p => p.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
}
