using Microsoft.Extensions.Logging.Abstractions;
using StoryEngine.Ingest;

namespace StoryEngine.MiniLM.Tests;

/// <summary>The repository's fixture stories and question files, copied beside the tests.</summary>
internal static class FixtureFiles
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The seed and the second story our question files ask about.</summary>
    public static IReadOnlyList<Story> AllStories() =>
    [
        .. StoryLoader.Load(Path.Combine(Folder, "seeds"), NullLogger.Instance).Stories,
        .. StoryLoader.Load(Path.Combine(Folder, "stories"), NullLogger.Instance).Stories,
    ];

    /// <summary>Our own question files (the SQuAD-format ones excluded), in name order.</summary>
    public static string[] OwnQuestionFiles() =>
        [.. Directory.GetFiles(Path.Combine(Folder, "questions"), "*.json").Where(f => !Path.GetFileName(f).StartsWith("squad", StringComparison.Ordinal)).Order()];
}
