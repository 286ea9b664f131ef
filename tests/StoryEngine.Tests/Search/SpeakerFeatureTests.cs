using StoryEngine.Ingest;
using StoryEngine.Reading;
using StoryEngine.Search;

namespace StoryEngine.Tests.Search;

/// <summary>The answerer reads who speaks where from an <see cref="ISpeechFinder"/>; made-up stories and speakers.</summary>
public sealed class SpeakerFeatureTests
{
    private const string HarbourStory =
        "Harbour plan divides town\n\n" +
        "The harbour wall will be rebuilt next spring, harbour master Ruth Calloway announced on Monday.\n" +
        "She said the old wall could not survive another winter of storms.\n" +
        "Fishermen said they had not been asked about the harbour plan.";

    /// <summary>Stands in for who-said-what: the second sentence is the harbour master's, written as "she".</summary>
    private sealed class FixedSpeech(params SpeechInSentence[] speech) : ISpeechFinder
    {
        public int Calls { get; private set; }

        public IReadOnlyList<SpeechInSentence> Find(Story story)
        {
            Calls++;
            return speech;
        }
    }

    private static float Feature((int Ordinal, float[] Features) candidate, RankingFeature feature) => candidate.Features[(int)feature];

    [Fact]
    public void A_sentence_in_which_the_asked_about_person_speaks_is_marked_even_when_it_calls_her_she()
    {
        var speech = new FixedSpeech(new SpeechInSentence(2, "Ruth Calloway", "she"));
        using var index = StoryIndex.Build([StoryParser.Parse("harbour.txt", HarbourStory)], speech: speech);
        var answerer = new QuestionAnswerer(index);

        var candidates = answerer.DescribeCandidates("What did Calloway say about the harbour wall?");
        var hers = candidates.Single(c => index.Sentences[c.Ordinal].Sentence.Text.StartsWith("She said", StringComparison.Ordinal));
        var others = candidates.Where(c => c.Ordinal != hers.Ordinal).ToArray();

        Assert.Equal(1, Feature(hers, RankingFeature.SpeakerNamed));
        Assert.Equal(1, Feature(hers, RankingFeature.SpeakerAsked));
        Assert.All(others, c => Assert.Equal(0, Feature(c, RankingFeature.SpeakerNamed)));
    }

    [Fact]
    public void A_speaker_named_by_role_matches_a_question_that_uses_the_role()
    {
        var speech = new FixedSpeech(new SpeechInSentence(2, "Ruth Calloway", "the harbour master"));
        using var index = StoryIndex.Build([StoryParser.Parse("harbour.txt", HarbourStory)], speech: speech);
        var answerer = new QuestionAnswerer(index);

        var candidates = answerer.DescribeCandidates("Which storms worried the master?");
        var hers = candidates.Single(c => index.Sentences[c.Ordinal].Sentence.Text.StartsWith("She said", StringComparison.Ordinal));

        Assert.Equal(1, Feature(hers, RankingFeature.SpeakerNamed));
        Assert.Equal(0, Feature(hers, RankingFeature.SpeakerAsked)); // not a what-did-X-say question
    }

    [Fact]
    public void Without_a_speech_finder_no_sentence_is_marked_and_statements_are_looked_for_once_per_story()
    {
        using (var plain = StoryIndex.Build([StoryParser.Parse("harbour.txt", HarbourStory)]))
        {
            var candidates = new QuestionAnswerer(plain).DescribeCandidates("What did Calloway say about the harbour wall?");
            Assert.All(candidates, c => Assert.Equal(0, Feature(c, RankingFeature.SpeakerNamed)));
        }

        var speech = new FixedSpeech(new SpeechInSentence(2, "Ruth Calloway", "she"));
        using var index = StoryIndex.Build([StoryParser.Parse("harbour.txt", HarbourStory)], speech: speech);
        var answerer = new QuestionAnswerer(index);
        answerer.DescribeCandidates("What did Calloway say about the harbour wall?");
        answerer.DescribeCandidates("What did Calloway say about storms?");

        Assert.Equal(1, speech.Calls);
    }

    [Fact]
    public void A_speech_finder_pointing_past_the_story_is_ignored()
    {
        var speech = new FixedSpeech(new SpeechInSentence(99, "Ruth Calloway", "she"), new SpeechInSentence(-1, "Ruth Calloway", null));
        using var index = StoryIndex.Build([StoryParser.Parse("harbour.txt", HarbourStory)], speech: speech);

        var candidates = new QuestionAnswerer(index).DescribeCandidates("What did Calloway say about the harbour wall?");

        Assert.All(candidates, c => Assert.Equal(0, Feature(c, RankingFeature.SpeakerNamed)));
    }
}
