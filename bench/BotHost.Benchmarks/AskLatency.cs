using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using StoryEngine.Ingest;
using StoryEngine.MiniLM;
using StoryEngine.Search;

namespace BotHost.Benchmarks;

/// <summary>
/// p50/p99 of single <c>/ask</c> calls, one timing per call over many calls and a mix of questions.
/// BenchmarkDotNet reports means of batches; tail latency needs per-call samples, hence this runner.
/// </summary>
public static class AskLatency
{
    private static readonly string[] Questions =
    [
        "Who is the Middle East envoy?",
        "How many people have died in Gaza?",
        "When did Netanyahu arrive at the White House?",
        "What did Netanyahu say after the meeting?",
        "How long was the ceasefire supposed to last?",
        "Which country helped mediate?",
        "What is the capital of France?",
        "*:* AND (",
    ];

    /// <param name="args">
    /// [CALLS] [--semantic] [--newsqa DIR] [--stories DIR] [--questions FILE]: with --semantic, ranked by meaning too
    /// (one MiniLM encoding a question); with --newsqa, the reader-question set's stories as one library, asked its
    /// questions (all 270); --stories, a folder of stories instead of seeds/ (an archive, for cost against library
    /// size); --questions, one question a line instead of the built-in eight.
    /// </param>
    public static int Run(string[] args)
    {
        var semantic = args.Contains("--semantic");
        var newsqaFolder = Option(args, "--newsqa");
        var storiesFolder = Option(args, "--stories");
        var questionsFile = Option(args, "--questions");
        var newsqa = newsqaFolder is not null ? StoryEngine.Evaluation.NewsQaSet.Read(newsqaFolder) : null;
        string[] valued = ["--newsqa", "--stories", "--questions"];
        var numbers = args.Where((a, i) => a != "--semantic" && !valued.Contains(a) && (i == 0 || !valued.Contains(args[i - 1]))).ToArray();
        var calls = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : semantic ? 2_000 : 200_000;
        var stories = newsqa is not null
            ? [.. newsqa.Stories.Select(s => s.Story)]
            : StoryLoader.Load(storiesFolder ?? StoryFolder.Seeds(), NullLogger.Instance).Stories;
        var questions = questionsFile is not null
            ? [.. File.ReadAllLines(questionsFile).Where(l => l.Trim().Length > 0)]
            : newsqa is not null ? [.. newsqa.Stories.SelectMany(s => s.Questions).Select(q => q.Question)] : Questions;
        // The sentence models as the bot reads them from its environment (Stories__SentenceModels, Stories__ModelPrecision, Stories__AlignWords).
        var models = new SentenceModelOptions
        {
            SentenceModels = Enum.Parse<SentenceModelChoice>(Environment.GetEnvironmentVariable("Stories__SentenceModels") ?? nameof(SentenceModelChoice.Both)),
            ModelPrecision = Enum.Parse<SentenceModelPrecision>(Environment.GetEnvironmentVariable("Stories__ModelPrecision") ?? nameof(SentenceModelPrecision.Float32)),
            AlignWords = bool.Parse(Environment.GetEnvironmentVariable("Stories__AlignWords") ?? bool.TrueString),
        };
        using var encoder = semantic ? models.CreateModels() : null;
        var build = Stopwatch.StartNew();
        using var index = StoryIndex.Build(stories, encoder);
        build.Stop();
        var answerer = new QuestionAnswerer(index);

        // What the host reads ahead once the index is served (who speaks where; a small library's stories indexed
        // alone, with their word pieces), so the timings are of questions, not of first reads.
        var prepare = Stopwatch.StartNew();
        answerer.Prepare(CancellationToken.None);
        prepare.Stop();

        // Warm up the JIT (tiered compilation reaches its final code after enough calls); at most 5 s, since over a
        // large archive each call is slower and the full count would take minutes.
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < (semantic ? 200 : 50_000) && warm.Elapsed < TimeSpan.FromSeconds(5); i++)
        {
            answerer.Ask(questions[i % questions.Length], 3);
        }

        var samples = new double[calls];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            answerer.Ask(questions[i % questions.Length], 3);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        total.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Array.Sort(samples);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ask latency ({(semantic ? "words and meaning" : "words")}) over {calls:N0} calls, {questions.Length} questions, {stories.Count} stories ({index.SentenceCount} sentences):"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  p50 {Percentile(samples, 0.50):F1} µs, p90 {Percentile(samples, 0.90):F1} µs, p99 {Percentile(samples, 0.99):F1} µs, max {samples[^1]:F1} µs"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  index built in {build.Elapsed.TotalMilliseconds:F0} ms, read ahead in {prepare.Elapsed.TotalMilliseconds:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  throughput {calls / total.Elapsed.TotalSeconds:N0} asks/s on one thread, {allocated / (double)calls:N0} bytes allocated per ask"));
        return 0;
    }

    /// <summary>The value after <paramref name="name"/> in <paramref name="args"/>, or null (the latency runners share it).</summary>
    internal static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The sample at share <paramref name="p"/> of an ascending array (the latency runners share it).</summary>
    internal static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
