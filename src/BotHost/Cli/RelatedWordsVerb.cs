using StoryEngine.Reading;

namespace BotHost.Cli;

/// <summary>
/// <c>related-words [--wordnet DIR] --write FILE</c>: regenerates the related-words lexicon that /ask uses for
/// paraphrase (<c>src/StoryEngine/Reading/related-words.tsv</c>) from a WordNet 3.0 database folder (Debian:
/// <c>apt-get install wordnet-base</c>, which puts it in <c>/usr/share/wordnet</c>).
/// </summary>
public static class RelatedWordsVerb
{
    public static async Task<int> RunAsync(CliArguments cli, TextWriter output, CancellationToken cancellationToken)
    {
        cli.AllowOnly("wordnet", "write");
        var folder = cli.Get("wordnet") ?? "/usr/share/wordnet";
        if (!File.Exists(Path.Combine(folder, "data.noun")) || !File.Exists(Path.Combine(folder, "index.verb")))
        {
            throw new UsageException($"No WordNet database (data.noun, index.verb) in {folder}; on Debian: apt-get install wordnet-base.");
        }

        var path = cli.Get("write") ?? throw new UsageException("related-words needs --write FILE.");
        var lines = WordNetExport.Export(folder);
        await File.WriteAllTextAsync(path, WordNetExport.Header(folder) + string.Join('\n', lines) + "\n", cancellationToken);
        await output.WriteLineAsync($"wrote {lines.Count} words to {path}");
        return 0;
    }
}
