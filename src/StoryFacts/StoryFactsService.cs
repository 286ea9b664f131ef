using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using StoryEngine;

namespace StoryFacts;

public sealed partial class StoryFactsService(IStoryLibrary library, ILogger<StoryFactsService> logger) : IStoryFactsService, StoryEngine.Reading.ISpeechFinder
{
    // Keyed by the Story object, so a reloaded library never serves stale facts and dropped stories are collected.
    private readonly ConditionalWeakTable<Story, StoryFactSheet> _cache = [];

    public async Task<IReadOnlyList<StoryFactSheet>> GetFactSheetsAsync(CancellationToken cancellationToken)
    {
        await library.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
        return [.. library.Stories.Select(Sheet)];
    }

    public async Task<IReadOnlyList<Statement>> GetStatementsAsync(string? speaker, CancellationToken cancellationToken)
    {
        var statements = (await GetFactSheetsAsync(cancellationToken).ConfigureAwait(false)).SelectMany(s => s.Statements).ToList();
        return string.IsNullOrWhiteSpace(speaker) ? statements : [.. statements.Where(s => SpeakerMatches(s.Speaker, speaker))];
    }

    public async Task<IReadOnlyList<Statement>> FindQuoteAsync(string phrase, CancellationToken cancellationToken)
    {
        var wanted = Normalise(phrase);
        if (wanted.Length == 0)
        {
            return [];
        }

        var words = wanted.Split(' ');
        var statements = await GetStatementsAsync(null, cancellationToken).ConfigureAwait(false);
        var exact = statements.Where(s => (" " + Normalise(s.Text) + " ").Contains(" " + wanted + " ", StringComparison.Ordinal)).ToList();
        if (exact.Count > 0)
        {
            return [.. exact.OrderBy(s => s.Kind)];
        }

        // No exact phrase: statements holding most of its words, when they hold at least 70 % of them.
        return [.. statements
            .Select(s => (Statement: s, Share: (double)words.Count(w => Normalise(s.Text).Split(' ').Contains(w)) / words.Length))
            .Where(x => x.Share >= 0.7)
            .OrderByDescending(x => x.Share)
            .Select(x => x.Statement)];
    }

    public async Task<IReadOnlyList<string>> CompleteSpeakersAsync(string partial, CancellationToken cancellationToken)
    {
        var names = (await GetStatementsAsync(null, cancellationToken).ConfigureAwait(false))
            .GroupBy(s => s.Speaker, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();
        var text = (partial ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return names;
        }

        var starts = names.Where(n => n.StartsWith(text, StringComparison.OrdinalIgnoreCase)
            || n.Split(' ').Any(w => w.StartsWith(text, StringComparison.OrdinalIgnoreCase)));
        var contains = names.Where(n => n.Contains(text, StringComparison.OrdinalIgnoreCase));
        return [.. starts.Concat(contains).Distinct(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<Fact>> GetFactsAsync(string? topic, CancellationToken cancellationToken)
    {
        var facts = (await GetFactSheetsAsync(cancellationToken).ConfigureAwait(false)).SelectMany(s => s.Facts).ToList();
        if (string.IsNullOrWhiteSpace(topic))
        {
            return facts;
        }

        var words = Summarizer.Words(topic);
        if (words.Count == 0)
        {
            words = [.. Normalise(topic).Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        }

        return [.. facts.Where(f =>
        {
            var haystack = Summarizer.Words(f.Text + " " + f.Detail + " " + f.Sentence.Text);
            return words.All(w => haystack.Contains(w, StringComparer.Ordinal));
        })];
    }

    public async Task<IReadOnlyList<PersonFact>> GetPeopleAsync(CancellationToken cancellationToken) =>
        [.. (await GetFactSheetsAsync(cancellationToken).ConfigureAwait(false)).SelectMany(s => s.People)];

    public async Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(CancellationToken cancellationToken) =>
        [.. (await GetFactSheetsAsync(cancellationToken).ConfigureAwait(false)).SelectMany(s => s.Timeline)];

    public async Task<IReadOnlyList<SummarySentence>> GetSummaryAsync(CancellationToken cancellationToken) =>
        [.. (await GetFactSheetsAsync(cancellationToken).ConfigureAwait(false)).SelectMany(s => s.Summary)];

    /// <summary>Case-insensitive; "witkoff", "Steve", "steve witkoff" all match "Steve Witkoff".</summary>
    public static bool SpeakerMatches(string speaker, string query)
    {
        var q = Normalise(query);
        var s = Normalise(speaker);
        if (q.Length == 0)
        {
            return true;
        }

        if (s == q || StripArticle(s) == StripArticle(q))
        {
            return true;
        }

        var speakerWords = s.Split(' ');
        var queryWords = q.Split(' ');
        return queryWords.All(w => speakerWords.Contains(w)) || s.Contains(q, StringComparison.Ordinal);
    }

    private static string StripArticle(string s) =>
        s.StartsWith("the ", StringComparison.Ordinal) ? s[4..] : s.StartsWith("a ", StringComparison.Ordinal) ? s[2..] : s;

    private static string Normalise(string text) =>
        string.Join(' ', NonWord().Split(text.ToLowerInvariant().Replace("’", "'", StringComparison.Ordinal)).Where(w => w.Length > 0));

    /// <summary>Who speaks where, for the answerer, from the fact sheet <c>/whosaid</c> uses (computed once per story).</summary>
    public IReadOnlyList<StoryEngine.Reading.SpeechInSentence> Find(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return StatementSpeechFinder.From(Sheet(story));
    }

    private StoryFactSheet Sheet(Story story) =>
        _cache.GetValue(story, s =>
        {
            var sheet = StoryAnalyzer.Analyze(s);
            Log.Analysed(logger, s.Id, sheet.Statements.Count, sheet.People.Count);
            return sheet;
        });

    [GeneratedRegex(@"[^\p{L}\d']+")]
    private static partial Regex NonWord();

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Analysed story {Story}: {Statements} statements, {People} people")]
        public static partial void Analysed(ILogger logger, string story, int statements, int people);
    }
}
