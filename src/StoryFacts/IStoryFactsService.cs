namespace StoryFacts;

/// <summary>
/// Who said what and the key facts of the loaded stories, computed once per story and cached.
/// Every call waits until the story library is ready.
/// </summary>
public interface IStoryFactsService
{
    /// <summary>All statements, or one speaker's (case-insensitive; a surname or any part of the name matches).</summary>
    Task<IReadOnlyList<Statement>> GetStatementsAsync(string? speaker, CancellationToken cancellationToken);

    /// <summary>Statements whose words contain the phrase (case and punctuation ignored), best match first.</summary>
    Task<IReadOnlyList<Statement>> FindQuoteAsync(string phrase, CancellationToken cancellationToken);

    /// <summary>Speaker names for autocomplete: names starting with the text first, then names containing it.</summary>
    Task<IReadOnlyList<string>> CompleteSpeakersAsync(string partial, CancellationToken cancellationToken);

    /// <summary>Key facts of every story, optionally only those about a topic word.</summary>
    Task<IReadOnlyList<Fact>> GetFactsAsync(string? topic, CancellationToken cancellationToken);

    Task<IReadOnlyList<PersonFact>> GetPeopleAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<SummarySentence>> GetSummaryAsync(CancellationToken cancellationToken);

    /// <summary>The full fact sheet of every loaded story, in library order.</summary>
    Task<IReadOnlyList<StoryFactSheet>> GetFactSheetsAsync(CancellationToken cancellationToken);
}
