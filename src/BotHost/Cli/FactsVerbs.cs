using System.Globalization;
using System.Text;
using StoryEngine;
using StoryFacts;

namespace BotHost.Cli;

/// <summary>
/// <c>whosaid</c>, <c>quote</c>, <c>facts</c>, <c>people</c>, <c>timeline</c>, <c>summary</c>: the facts views from the
/// command line, as text or (<c>--json</c>) as one JSON document.
/// </summary>
public static class FactsVerbs
{
    public static async Task<int> RunAsync(CliArguments cli, TextWriter output, CancellationToken cancellationToken)
    {
        cli.AllowOnly("seeds", "json", "story");
        var argument = string.Join(' ', cli.Positionals).Trim();
        if (cli.Verb == "quote" && argument.Length == 0)
        {
            throw new UsageException("quote needs a phrase, e.g. quote \"finish the job\"");
        }

        if (cli.Verb is "people" or "timeline" or "summary" && argument.Length > 0)
        {
            throw new UsageException($"{cli.Verb} takes no words.");
        }

        await using var engine = await EngineHost.StartAsync(cli, cancellationToken, ranksByMeaning: false);
        var facts = engine.Get<IStoryFactsService>();
        var json = cli.Has("json");
        var library = engine.Get<IStoryLibrary>();
        var names = new StoryNames(library);
        var story = StoryNames.Resolve(library, cli.Get("story"));
        IReadOnlyList<T> Only<T>(IReadOnlyList<T> items, Func<T, Sentence> sentence) =>
            story is null ? items : [.. items.Where(item => sentence(item).Story == story)];

        var text = cli.Verb switch
        {
            "whosaid" => Statements(Only(await facts.GetStatementsAsync(argument.Length == 0 ? null : argument, cancellationToken), s => s.Sentence), json, names),
            "quote" => Statements(Only(await facts.FindQuoteAsync(argument, cancellationToken), s => s.Sentence), json, names),
            "facts" => Facts(Only(await facts.GetFactsAsync(argument.Length == 0 ? null : argument, cancellationToken), f => f.Sentence), json, names),
            "people" => People(Only(await facts.GetPeopleAsync(cancellationToken), p => p.Sentence), json, names),
            "timeline" => Timeline(Only(await facts.GetTimelineAsync(cancellationToken), t => t.Sentence), json, names),
            "summary" => Summary(Only(await facts.GetSummaryAsync(cancellationToken), s => s.Sentence), json, names),
            _ => throw new UsageException($"Unknown command '{cli.Verb}'."),
        };
        await output.WriteLineAsync(text);
        return 0;
    }

    private static string Statements(IReadOnlyList<Statement> statements, bool json, StoryNames names) => json
        ? FactsJson.Serialize(FactsJson.Statements(statements))
        : Lines(statements, s => $"{s.Speaker} ({s.Verb}, {s.Kind.ToString().ToLowerInvariant()}): {s.Text}", s => s.Sentence, "No statements found.", names);

    private static string Facts(IReadOnlyList<Fact> facts, bool json, StoryNames names) => json
        ? FactsJson.Serialize(FactsJson.Facts(facts))
        : Lines(facts, f => $"[{f.Kind}] {f.Text}{(f.Detail.Length > 0 ? " — " + f.Detail : string.Empty)}", f => f.Sentence, "No facts found.", names);

    private static string People(IReadOnlyList<PersonFact> people, bool json, StoryNames names) => json
        ? FactsJson.Serialize(FactsJson.People(people))
        : Lines(people, p => p.Roles.Count == 0 ? p.Name : $"{p.Name}: {string.Join("; ", p.Roles)}", p => p.Sentence, "No people found.", names);

    private static string Timeline(IReadOnlyList<TimelineEntry> timeline, bool json, StoryNames names) => json
        ? FactsJson.Serialize(FactsJson.Timeline(timeline))
        : Lines(timeline, t => $"{t.When}: {t.Sentence.Text}", t => t.Sentence, "No dates found.", names);

    private static string Summary(IReadOnlyList<SummarySentence> summary, bool json, StoryNames names) => json
        ? FactsJson.Serialize(FactsJson.Summary(summary))
        : Lines(summary, s => s.Sentence.Text, s => s.Sentence, "Nothing to summarise.", names);

    private static string Lines<T>(IReadOnlyList<T> items, Func<T, string> describe, Func<T, Sentence> source, string none, StoryNames names)
    {
        if (items.Count == 0)
        {
            return none;
        }

        var text = new StringBuilder();
        foreach (var item in items)
        {
            var sentence = source(item);
            text.Append("- ").AppendLine(describe(item));
            text.Append(CultureInfo.InvariantCulture, $"  — {names.Of(sentence)}, paragraph {sentence.Paragraph}\n");
        }

        return text.ToString().TrimEnd();
    }
}
