using StoryEngine.Search;

namespace StoryEngine.MiniLM.Tests;

/// <summary>
/// The loaded models for a test class (loading takes a second or two): the shipped pair the ranking is fitted for, and
/// MiniLM alone for the tests of its encoder; the fixture stories indexed with the pair once.
/// </summary>
public sealed class MiniLmEncoderFixture : IDisposable
{
    private readonly Lazy<StoryIndex> _storiesIndex;

    public MiniLmEncoderFixture() => _storiesIndex = new(() => StoryIndex.Build(FixtureFiles.AllStories(), Encoder));

    private readonly Lazy<MiniLmTextEncoder> _miniLm = new(() => new MiniLmTextEncoder());

    /// <summary>What the bot ranks by meaning with (<see cref="SentenceModels.Create"/>).</summary>
    public CombinedTextEncoder Encoder { get; } = SentenceModels.Create();

    /// <summary>all-MiniLM-L6-v2 alone.</summary>
    public MiniLmTextEncoder MiniLm => _miniLm.Value;

    /// <summary>The seed and the second story, indexed by words and meaning (encoded once for all the class's tests).</summary>
    public StoryIndex StoriesIndex => _storiesIndex.Value;

    public void Dispose()
    {
        if (_storiesIndex.IsValueCreated)
        {
            _storiesIndex.Value.Dispose();
        }

        Encoder.Dispose();
        if (_miniLm.IsValueCreated)
        {
            _miniLm.Value.Dispose();
        }
    }
}
