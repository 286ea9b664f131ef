using Microsoft.Extensions.Logging.Abstractions;
using StoryEngine.Ingest;
using StoryEngine.Search;

namespace StoryEngine.Tests.Search;

/// <summary>The seed story and the fixture stories, indexed once per test class.</summary>
public sealed class SeedIndexFixture : IDisposable
{
    public SeedIndexFixture()
    {
        var seeds = StoryLoader.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds"), NullLogger.Instance);
        Seed = seeds.Stories[0];
        Index = StoryIndex.Build(seeds.Stories);
        Answerer = new QuestionAnswerer(Index);
    }

    public Story Seed { get; }

    public StoryIndex Index { get; }

    public QuestionAnswerer Answerer { get; }

    public void Dispose() => Index.Dispose();
}
