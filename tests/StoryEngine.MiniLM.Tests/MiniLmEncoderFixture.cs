using StoryEngine.Search;

namespace StoryEngine.MiniLM.Tests;

/// <summary>One loaded model for a test class (loading it takes about a second), and the fixture stories indexed with it once.</summary>
public sealed class MiniLmEncoderFixture : IDisposable
{
    private readonly Lazy<StoryIndex> _storiesIndex;

    public MiniLmEncoderFixture() => _storiesIndex = new(() => StoryIndex.Build(FixtureFiles.AllStories(), Encoder));

    public MiniLmTextEncoder Encoder { get; } = new();

    /// <summary>The seed and the second story, indexed by words and meaning (encoded once for all the class's tests).</summary>
    public StoryIndex StoriesIndex => _storiesIndex.Value;

    public void Dispose()
    {
        if (_storiesIndex.IsValueCreated)
        {
            _storiesIndex.Value.Dispose();
        }

        Encoder.Dispose();
    }
}
