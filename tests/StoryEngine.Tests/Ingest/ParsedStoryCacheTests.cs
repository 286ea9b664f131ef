using Microsoft.Extensions.Logging.Abstractions;
using StoryEngine.Ingest;
using StoryEngine.Tests.Search;

namespace StoryEngine.Tests.Ingest;

/// <summary>A reload given the stories parsed by the last load parses only files whose bytes changed; the stories are those a fresh load gives.</summary>
public sealed class ParsedStoryCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bothost-parsed-").FullName;
    private readonly string _stories = Path.Combine(StoriesFixture.FixturesFolder, "ingest", "stories");

    public ParsedStoryCacheTests()
    {
        foreach (var file in Directory.EnumerateFiles(_stories))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void AssertSameStories(IReadOnlyList<Story> expected, IReadOnlyList<Story> actual)
    {
        Assert.Equal(expected.Select(s => (s.Id, s.Title)), actual.Select(s => (s.Id, s.Title)));
        Assert.Equal(expected.SelectMany(s => s.Paragraphs.Select(p => (p.Number, p.Text))), actual.SelectMany(s => s.Paragraphs.Select(p => (p.Number, p.Text))));
        Assert.Equal(expected.SelectMany(s => s.Sentences), actual.SelectMany(s => s.Sentences));
    }

    [Fact]
    public async Task A_reload_parses_only_the_changed_file_and_gives_the_stories_a_fresh_load_gives()
    {
        var cache = new ParsedStoryCache();
        var first = await StoryLoader.LoadAsync(_folder, NullLogger.Instance, reuse: cache);
        Assert.Equal((first.Stories.Count, 0), (cache.Parsed, cache.Reused));

        var changed = Path.Combine(_folder, "011_city_budget.txt");
        File.AppendAllText(changed, File.ReadAllText(Path.Combine(_stories, "010_port_strike.md")));
        var second = await StoryLoader.LoadAsync(_folder, NullLogger.Instance, reuse: cache);

        Assert.Equal((1, first.Stories.Count - 1), (cache.Parsed, cache.Reused));
        AssertSameStories((await StoryLoader.LoadAsync(_folder, NullLogger.Instance)).Stories, second.Stories);
        Assert.Same(first.Stories.Single(s => s.Id == "010_port_strike.md"), second.Stories.Single(s => s.Id == "010_port_strike.md"));
        Assert.NotSame(first.Stories.Single(s => s.Id == "011_city_budget.txt"), second.Stories.Single(s => s.Id == "011_city_budget.txt"));
    }

    [Fact]
    public async Task A_removed_file_is_not_given_again_and_a_file_put_back_is_parsed()
    {
        var cache = new ParsedStoryCache();
        var first = await StoryLoader.LoadAsync(_folder, NullLogger.Instance, reuse: cache);
        var removed = Path.Combine(_folder, "010_port_strike.md");
        File.Delete(removed);

        var second = await StoryLoader.LoadAsync(_folder, NullLogger.Instance, reuse: cache);
        Assert.DoesNotContain(second.Stories, s => s.Id == "010_port_strike.md");
        Assert.Equal(first.Stories.Count - 1, second.Stories.Count);

        File.Copy(Path.Combine(_stories, "010_port_strike.md"), removed);
        var third = await StoryLoader.LoadAsync(_folder, NullLogger.Instance, reuse: cache);
        Assert.Equal((1, first.Stories.Count - 1), (cache.Parsed, cache.Reused));
        AssertSameStories(first.Stories, third.Stories);
    }
}
