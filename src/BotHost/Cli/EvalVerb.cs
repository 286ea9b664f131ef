using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using StoryEngine;
using StoryEngine.Evaluation;
using StoryEngine.Hosting;
using StoryEngine.Ingest;
using StoryEngine.MiniLM;
using StoryFacts;

namespace BotHost.Cli;

/// <summary>
/// <c>eval [FILE...] [--seeds DIR] [--stories DIR] [--misses N] [--semantic]</c>: top-1 and abstention accuracy, and
/// time per question, for question files (answered against the stories), SQuAD v2.0 files (each article one
/// story) and reader-question folders in the newsqa-dev layout (each story alone), ranked as the bot is configured
/// to rank (Stories:Semantic).
/// With no FILE it evaluates the repository's own question files and, when present, ../shared/bench/*.json.
/// </summary>
public static class EvalVerb
{
    public static async Task<int> RunAsync(CliArguments cli, TextWriter output, CancellationToken cancellationToken)
    {
        cli.AllowOnly("seeds", "stories", "misses", "semantic");
        var misses = 0;
        if (cli.Get("misses") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out misses) || misses > 1000))
        {
            throw new UsageException("--misses takes a whole number up to 1000.");
        }

        var files = cli.Positionals.Count > 0 ? [.. cli.Positionals] : DefaultFiles();
        if (files.Count == 0)
        {
            throw new UsageException("eval needs question files, e.g. eval tests/Fixtures/questions/000_7788cec921cb3b17.json");
        }

        foreach (var missing in files.Where(f => !File.Exists(f) && !NewsQaSet.IsSet(f)))
        {
            throw new UsageException($"No such file: {missing}");
        }

        var stories = LoadStories(cli);
        // The bot's own configuration (appsettings.json, environment, --semantic or --Stories:Semantic), so eval
        // measures what it serves.
        var configuration = BotServices.CreateHostBuilder(cli).Configuration;
        using var encoder = configuration.GetValue<bool>($"{StoryEngineOptions.SectionName}:{nameof(StoryEngineOptions.Semantic)}") ? SentenceModelOptions.From(configuration).CreateModels() : null;
        var reports = new List<EvalReport>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = NewsQaSet.IsSet(file)
                ? EvalRunner.RunNewsQa(NewsQaSet.Read(file), encoder: encoder, speech: Speech)
                : EvalRunner.RunFile(file, stories, encoder: encoder, speech: Speech);
            reports.Add(report);
            await output.WriteLineAsync(report.Describe(misses) + PerQuestion(report));
        }

        if (reports.Count > 1)
        {
            var ours = reports.Where(r => r.Format == "questions").ToArray();
            if (ours.Length > 1)
            {
                await output.WriteLineAsync("all question files: " + EvalReport.Combine("all", ours).ToString());
            }
        }

        return 0;
    }

    /// <summary>Who speaks where, as the bot knows it when it serves the stories (StoryFacts registers it).</summary>
    internal static readonly StatementSpeechFinder Speech = new();

    private static string PerQuestion(EvalReport report)
    {
        var questions = report.Answerable + report.Unanswerable;
        return questions == 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $" ({report.Elapsed.TotalMicroseconds / questions:F0} µs per question)");
    }

    /// <summary>Stories for our question files: the stories folder plus any extra folder (fixtures keep their own stories).</summary>
    private static IReadOnlyList<Story> LoadStories(CliArguments cli)
    {
        var folders = new List<string> { cli.Get("seeds") ?? "seeds" };
        if (cli.Get("stories") is { } extra)
        {
            folders.Add(extra);
        }
        else if (cli.Positionals.Count == 0 && Directory.Exists(Path.Combine("tests", "Fixtures", "stories")))
        {
            folders.Add(Path.Combine("tests", "Fixtures", "stories"));
        }

        return [.. folders.SelectMany(f => StoryLoader.Load(f, NullLogger.Instance).Stories)];
    }

    private static List<string> DefaultFiles()
    {
        var files = new List<string>();
        var questions = Path.Combine("tests", "Fixtures", "questions");
        if (Directory.Exists(questions))
        {
            files.AddRange(Directory.GetFiles(questions, "*.json").Order(StringComparer.Ordinal));
        }

        var bench = Path.Combine("..", "shared", "bench");
        if (Directory.Exists(bench))
        {
            files.AddRange(Directory.GetFiles(bench, "*.json").Order(StringComparer.Ordinal));
            files.AddRange(Directory.GetDirectories(bench).Where(NewsQaSet.IsSet).Order(StringComparer.Ordinal));
        }

        return files;
    }
}
