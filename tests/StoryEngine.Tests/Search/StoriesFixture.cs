using Microsoft.Extensions.Logging.Abstractions;
using StoryEngine.Ingest;
using StoryEngine.Search;

namespace StoryEngine.Tests.Search;

/// <summary>The seed story and our fixture stories (tests/Fixtures/stories), loaded by the real loader and indexed once per test class.</summary>
public sealed class StoriesFixture : IDisposable
{
    public StoriesFixture()
    {
        Stories = LoadAll();
        Index = StoryIndex.Build(Stories);
        Answerer = new QuestionAnswerer(Index);
    }

    public static string FixturesFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public IReadOnlyList<Story> Stories { get; }

    public StoryIndex Index { get; }

    public QuestionAnswerer Answerer { get; }

    public static IReadOnlyList<Story> LoadAll() =>
    [
        .. StoryLoader.Load(Path.Combine(FixturesFolder, "seeds"), NullLogger.Instance).Stories,
        .. StoryLoader.Load(Path.Combine(FixturesFolder, "stories"), NullLogger.Instance).Stories,
    ];

    public void Dispose() => Index.Dispose();
}
