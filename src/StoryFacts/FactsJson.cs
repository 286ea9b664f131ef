using System.Text.Json;
using System.Text.Json.Serialization;

namespace StoryFacts;

/// <summary>Plain records for the command-line verbs' <c>--json</c> output.</summary>
/// <param name="Sieve">The rule that made the statement (<see cref="StatementSieve"/>), for scoring each rule apart.</param>
public sealed record StatementRecord(string Speaker, string Text, string Kind, string Verb, string Story, int Paragraph, string Sentence, string Sieve);

public sealed record StatementsDocument(IReadOnlyList<StatementRecord> Statements);

public sealed record FactRecord(string Kind, string Text, string Detail, string Story, int Paragraph, string Sentence);

public sealed record FactsDocument(IReadOnlyList<FactRecord> Facts);

public sealed record PersonRecord(string Name, IReadOnlyList<string> Roles, string Story, int Paragraph, string Sentence);

public sealed record PeopleDocument(IReadOnlyList<PersonRecord> People);

public sealed record TimelineRecord(int Order, string When, string Story, int Paragraph, string Sentence);

public sealed record TimelineDocument(IReadOnlyList<TimelineRecord> Timeline);

public sealed record SummaryRecord(string Text, string Story, int Paragraph, bool Lead);

public sealed record SummaryDocument(IReadOnlyList<SummaryRecord> Summary);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(StatementsDocument))]
[JsonSerializable(typeof(FactsDocument))]
[JsonSerializable(typeof(PeopleDocument))]
[JsonSerializable(typeof(TimelineDocument))]
[JsonSerializable(typeof(SummaryDocument))]
public sealed partial class StoryFactsJsonContext : JsonSerializerContext
{
    /// <summary>Keeps quotes, apostrophes and non-ASCII text readable; the output is never embedded in HTML.</summary>
    public static StoryFactsJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // One object on one line, like ask --json and ask --batch, so tools can read the verbs' output line by line.
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

/// <summary>Turns service results into the verbs' JSON: <c>FactsJson.Serialize(FactsJson.Statements(list))</c>.</summary>
public static class FactsJson
{
    public static StatementsDocument Statements(IEnumerable<Statement> statements) =>
        new([.. statements.Select(s => new StatementRecord(s.Speaker, s.Text, s.Kind == StatementKind.Direct ? "direct" : "indirect", s.Verb, s.Story, s.Paragraph, s.Sentence.Text, s.Sieve.ToString()))]);

    public static FactsDocument Facts(IEnumerable<Fact> facts) =>
        new([.. facts.Select(f => new FactRecord(f.Kind, f.Text, f.Detail, f.Sentence.Story, f.Sentence.Paragraph, f.Sentence.Text))]);

    public static PeopleDocument People(IEnumerable<PersonFact> people) =>
        new([.. people.Select(p => new PersonRecord(p.Name, p.Roles, p.Sentence.Story, p.Sentence.Paragraph, p.Sentence.Text))]);

    public static TimelineDocument Timeline(IEnumerable<TimelineEntry> timeline) =>
        new([.. timeline.Select(t => new TimelineRecord(t.Order, t.When, t.Sentence.Story, t.Sentence.Paragraph, t.Sentence.Text))]);

    public static SummaryDocument Summary(IEnumerable<SummarySentence> summary) =>
        new([.. summary.Select(s => new SummaryRecord(s.Sentence.Text, s.Sentence.Story, s.Sentence.Paragraph, s.IsLead))]);

    public static string Serialize(StatementsDocument document) => JsonSerializer.Serialize(document, StoryFactsJsonContext.Readable.StatementsDocument);

    public static string Serialize(FactsDocument document) => JsonSerializer.Serialize(document, StoryFactsJsonContext.Readable.FactsDocument);

    public static string Serialize(PeopleDocument document) => JsonSerializer.Serialize(document, StoryFactsJsonContext.Readable.PeopleDocument);

    public static string Serialize(TimelineDocument document) => JsonSerializer.Serialize(document, StoryFactsJsonContext.Readable.TimelineDocument);

    public static string Serialize(SummaryDocument document) => JsonSerializer.Serialize(document, StoryFactsJsonContext.Readable.SummaryDocument);
}
