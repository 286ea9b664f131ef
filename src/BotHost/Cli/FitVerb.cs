using System.Globalization;
using System.Text.Json;
using StoryEngine.Evaluation;
using StoryEngine.MiniLM;
using StoryEngine.Search;

namespace BotHost.Cli;

/// <summary>
/// <c>fit [--squad FILE] [--newsqa DIR] [--folds N] [--only words|meaning|meaning-without-pieces] [--news-weight X] [--dump FILE] [--write FILE]</c>: fits the /ask
/// re-ranking weights, by words alone, with sentence vectors and word pieces, and with sentence vectors alone, on SQuAD tune and the reader-question set together, and prints each set's
/// figure held out (SQuAD by article, reader questions by folds of whole stories) beside the fitted one. With
/// <c>--write</c> it writes the weights by feature name, in the form <see cref="RankingWeights"/> reads (the shipped
/// file is <c>src/StoryEngine/Search/ranking-weights.json</c>). With <c>--dump</c> (and one <c>--only</c>) it also writes
/// the fit's data, every question's candidates with their features, for <c>tools/ranking/news_weight.py</c>.
/// </summary>
public static class FitVerb
{
    public static async Task<int> RunAsync(CliArguments cli, TextWriter output, CancellationToken cancellationToken)
    {
        cli.AllowOnly("squad", "newsqa", "folds", "write", "only", "news-weight", "dump");
        var folds = 5;
        if (cli.Get("folds") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out folds) || folds is < 2 or > 30))
        {
            throw new UsageException("--folds takes a whole number from 2 to 30.");
        }

        var (squad, newsFolder) = BenchSets.Resolve(cli);
        float? newsWeight = null;
        if (cli.Get("news-weight") is { } weightText)
        {
            if (!float.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !float.IsFinite(weight) || weight is <= 0 or > 100)
            {
                throw new UsageException("--news-weight takes a number above 0 and up to 100.");
            }

            newsWeight = weight;
        }

        var only = cli.Get("only");
        if (only is not (null or "words" or "meaning" or "meaning-without-pieces"))
        {
            throw new UsageException("--only takes words, meaning or meaning-without-pieces.");
        }

        var dumpPath = cli.Get("dump");
        if (dumpPath is not null && only is null)
        {
            throw new UsageException("--dump writes one fit's data: give --only too.");
        }

        await using var dump = dumpPath is null ? null : new StreamWriter(dumpPath, append: false);

        var news = NewsQaSet.Read(newsFolder);
        JointFitReport? words = null, meaning = null, withoutPieces = null;
        if (only is null or "words")
        {
            await output.WriteLineAsync("by words:");
            words = EvalRunner.FitWeights(squad, news, folds: folds, speech: EvalVerb.Speech, newsWeight: newsWeight, dump: dump);
            await output.WriteLineAsync(words.ToString());
            cancellationToken.ThrowIfCancellationRequested();
        }

        var models = SentenceModelOptions.From(BotServices.CreateHostBuilder(cli).Configuration);
        if (only is null or "meaning")
        {
            await output.WriteLineAsync($"with sentence vectors ({models.SentenceModels}, {models.ModelPrecision}, word pieces {(models.AlignWords ? "aligned" : "off")}):");
            using var encoder = models.CreateModels();
            meaning = EvalRunner.FitWeights(squad, news, encoder: encoder, folds: folds, speech: EvalVerb.Speech, newsWeight: newsWeight, dump: dump);
            await output.WriteLineAsync(meaning.ToString());
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (only is null or "meaning-without-pieces")
        {
            // The weights for an index without word pieces (Stories:AlignWords false, or Arctic alone).
            await output.WriteLineAsync($"with sentence vectors, no word pieces ({models.SentenceModels}, {models.ModelPrecision}):");
            using var encoder = new SentenceModelOptions { SentenceModels = models.SentenceModels, ModelPrecision = models.ModelPrecision, AlignWords = false }.CreateModels();
            withoutPieces = EvalRunner.FitWeights(squad, news, encoder: encoder, folds: folds, speech: EvalVerb.Speech, newsWeight: newsWeight, dump: dump);
            await output.WriteLineAsync(withoutPieces.ToString());
        }

        if (cli.Get("write") is { } path)
        {
            if (words is null || meaning is null || withoutPieces is null)
            {
                throw new UsageException("--write needs every fit; leave out --only.");
            }

            var weights = new RankingWeights(words.NamedWeights, meaning.NamedWeights, words.Temperature, meaning.Temperature, withoutPieces.NamedWeights, withoutPieces.Temperature);
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(weights, RankingWeightsJsonContext.Default.RankingWeights) + "\n", cancellationToken);
            await output.WriteLineAsync($"wrote {path}");
        }

        return 0;
    }
}
