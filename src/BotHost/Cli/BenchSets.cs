using StoryEngine.Evaluation;

namespace BotHost.Cli;

/// <summary>
/// Where the verbs that fit on SQuAD tune and a reader-question set find them: <c>--squad FILE</c> and
/// <c>--newsqa DIR</c>, by default those of <c>../shared/bench</c>. Both must exist.
/// </summary>
internal static class BenchSets
{
    public static (string Squad, string NewsFolder) Resolve(CliArguments cli)
    {
        var bench = Path.Combine("..", "shared", "bench");
        var squad = cli.Get("squad") ?? Path.Combine(bench, "squad-v2-tune.json");
        var newsFolder = cli.Get("newsqa") ?? Path.Combine(bench, "newsqa-dev");
        if (!File.Exists(squad))
        {
            throw new UsageException($"No such SQuAD file: {squad}");
        }

        if (!NewsQaSet.IsSet(newsFolder))
        {
            throw new UsageException($"No reader-question set (questions.tsv and stories/) in {newsFolder}");
        }

        return (squad, newsFolder);
    }
}
