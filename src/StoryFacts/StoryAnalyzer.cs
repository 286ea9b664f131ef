using StoryEngine;

namespace StoryFacts;

/// <summary>Runs every extractor over one story. Pure and deterministic: the same story always gives the same facts.</summary>
public static class StoryAnalyzer
{
    /// <summary>How many sentences a summary has, the lead included.</summary>
    public const int SummaryLength = 4;

    /// <summary>Who said what in the story, in reading order.</summary>
    public static IReadOnlyList<Statement> Statements(Story story) => Analyze(story).Statements;

    /// <summary>
    /// How each speaking "he" or "she" of the story was resolved, with every candidate's features, under
    /// <paramref name="weights"/> (the shipped ones when null): what <c>tools/speakers/fit_pronouns.py</c> fits on.
    /// </summary>
    public static IReadOnlyList<PronounDecision> PronounDecisions(Story story, PronounWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(story);
        var paragraphs = ParagraphModel.Of(story);
        var registry = new EntityRegistry();
        var mentions = NameFinder.Collect(paragraphs, registry);
        var decisions = new List<PronounDecision>();
        void Note(long position, string pronoun, IReadOnlyList<PronounCandidate> candidates, string? chosen)
        {
            var paragraph = paragraphs[(int)(position >> 24)];
            decisions.Add(new PronounDecision(story.Id, paragraph.Paragraph.Number, paragraph.SentenceAt((int)(position & 0xFFFFFF)).Text, pronoun, candidates, chosen));
        }

        _ = new StatementExtractor(paragraphs, registry, mentions, weights, Note).Extract();
        return decisions;
    }

    public static StoryFactSheet Analyze(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var paragraphs = ParagraphModel.Of(story);
        var registry = new EntityRegistry();
        var mentions = NameFinder.Collect(paragraphs, registry);
        var statements = new StatementExtractor(paragraphs, registry, mentions).Extract();

        var speakers = statements.Select(s => s.Speaker).ToHashSet(StringComparer.Ordinal);
        var (people, entities) = KeyEntities.Build(paragraphs, registry, mentions, speakers);
        var numbers = FactExtractor.Numbers(story);
        var dates = FactExtractor.Dates(story);
        var timeline = FactExtractor.Timeline(story, dates);
        var summary = Summarizer.Summarize(story, SummaryLength);
        return new StoryFactSheet(story, statements, people, numbers, dates, entities, timeline, summary);
    }
}

/// <summary>Everything extracted from one story; every item points at a sentence of it.</summary>
public sealed record StoryFactSheet(
    Story Story,
    IReadOnlyList<Statement> Statements,
    IReadOnlyList<PersonFact> People,
    IReadOnlyList<NumberFact> Numbers,
    IReadOnlyList<DateFact> Dates,
    IReadOnlyList<EntityFact> PlacesAndOrganisations,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<SummarySentence> Summary)
{
    /// <summary>People, numbers, dates, places and organisations as one list, in that order.</summary>
    public IReadOnlyList<Fact> Facts { get; } =
    [
        .. People.Select(p => new Fact("person", p.Name, string.Join("; ", p.Roles), p.Sentence)),
        .. Numbers.Select(n => new Fact(n.Kind switch
        {
            NumberKind.Money => "money",
            NumberKind.Percent => "percent",
            NumberKind.Duration => "duration",
            _ => "number",
        }, n.Text, n.Counts, n.Sentence)),
        .. Dates.Select(d => new Fact(d.Kind == DateKind.Time ? "time" : "date", d.Text, string.Empty, d.Sentence)),
        .. PlacesAndOrganisations.Select(e => new Fact(e.Kind == EntityFactKind.Place ? "place" : "organisation", e.Name, string.Empty, e.Sentence)),
    ];
}
