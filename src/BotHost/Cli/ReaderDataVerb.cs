using System.Globalization;
using System.Text.Json;
using StoryEngine.Evaluation;
using StoryEngine.MiniLM;

namespace BotHost.Cli;

/// <summary>
/// <c>reader-data --out DIR [--squad FILE] [--newsqa DIR] [--top N]</c>: writes what the sentence reader is trained
/// and measured on (<c>tools/reader/train.py</c>): <c>questions.jsonl</c>, each question of SQuAD tune and the
/// reader-question set with its first N candidates by the shipped ranking (with sentence vectors), and
/// <c>pieces.jsonl</c>, the model's word pieces of every text in it, so training reads text exactly as the bot does.
/// </summary>
public static class ReaderDataVerb
{
    public static async Task<int> RunAsync(CliArguments cli, TextWriter output, CancellationToken cancellationToken)
    {
        cli.AllowOnly("squad", "newsqa", "out", "top");
        var folder = cli.Get("out") ?? throw new UsageException("reader-data needs --out DIR.");
        var top = 16;
        if (cli.Get("top") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > 60))
        {
            throw new UsageException("--top takes a whole number from 1 to 60.");
        }

        var (squad, newsFolder) = BenchSets.Resolve(cli);
        Directory.CreateDirectory(folder);
        var models = SentenceModelOptions.From(BotServices.CreateHostBuilder(cli).Configuration);
        using var encoder = models.CreateModels();
        var texts = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        await using (var questions = new StreamWriter(Path.Combine(folder, "questions.jsonl")))
        {
            foreach (var question in ReaderCandidates.Collect(squad, NewsQaSet.Read(newsFolder), encoder, top))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await questions.WriteLineAsync(JsonSerializer.Serialize(question, ReaderJsonContext.Default.ReaderQuestion));
                texts.Add(question.Question);
                foreach (var candidate in question.Candidates)
                {
                    texts.Add(candidate.Sentence);
                }

                count++;
            }
        }

        await using (var pieces = new StreamWriter(Path.Combine(folder, "pieces.jsonl")))
        {
            foreach (var each in texts)
            {
                await pieces.WriteLineAsync(JsonSerializer.Serialize(new ReaderPieces(each, MiniLmWordPieces.Of(each)), ReaderJsonContext.Default.ReaderPieces));
            }
        }

        await File.WriteAllBytesAsync(Path.Combine(folder, "all-MiniLM-L6-v2.onnx"), MiniLmWordPieces.PublishedModel(), cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"wrote {count} questions and {texts.Count} texts' word pieces to {folder}"));
        return 0;
    }
}
