using Microsoft.Extensions.Logging.Abstractions;
using StoryEngine;
using StoryEngine.Ingest;

namespace StoryFacts.Tests;

public sealed class StatementSpeechFinderTests
{
    [Fact]
    public void Finds_the_speaker_of_each_statement_by_sentence_position_including_one_referred_to_by_pronoun()
    {
        var story = StoryParser.Parse("harbour.txt",
            "Harbour wall to be rebuilt\n\n" +
            "The harbour wall will be rebuilt next spring, the council announced on Monday.\n" +
            "\"The old wall cannot survive another winter,\" said Ruth Calloway, the harbour master.\n" +
            "She added that fishing boats would use the north quay while work went on.");

        var speech = new StatementSpeechFinder().Find(story);

        var quote = Assert.Single(speech, s => s.Position == 2);
        Assert.Contains("Calloway", quote.Speaker, StringComparison.Ordinal);
        Assert.Contains(speech, s => s.Position == 3 && s.Speaker.Contains("Calloway", StringComparison.Ordinal));
        Assert.All(speech, s => Assert.InRange(s.Position, 0, story.Sentences.Count - 1));
    }

    [Fact]
    public async Task The_facts_service_tells_the_answerer_the_same_speakers_as_whosaid_from_its_cached_sheet()
    {
        var story = StoryParser.Parse("harbour.txt",
            "Harbour wall to be rebuilt\n\n" +
            "\"The old wall cannot survive another winter,\" said Ruth Calloway, the harbour master.\n" +
            "Fishermen said they had not been consulted.");
        var service = new StoryFactsService(new OneStoryLibrary(story), NullLogger<StoryFactsService>.Instance);

        var speech = service.Find(story);
        var statements = await service.GetStatementsAsync(null, CancellationToken.None);

        Assert.Equal(new StatementSpeechFinder().Find(story), speech);
        Assert.Equal(statements.Select(s => (s.Sentence.Position, s.Speaker)), speech.Select(s => (s.Position, s.Speaker)));
    }

    private sealed class OneStoryLibrary(Story story) : IStoryLibrary
    {
        public bool IsReady => true;

        public IReadOnlyList<Story> Stories { get; } = [story];

        public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public void A_story_in_which_no_one_speaks_gives_nothing()
    {
        var story = StoryParser.Parse("tide.txt", "Tide tables\n\nHigh tide is at 6.40am on Tuesday.\nLow tide follows six hours later.");

        Assert.Empty(new StatementSpeechFinder().Find(story));
    }
}
