using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StoryEngine.Hosting;

namespace StoryEngine.Tests.Search;

/// <summary>The running bot follows its stories folder: real files in a temporary folder, the real watcher and index.</summary>
public sealed class StoryFolderWatchTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("bothost-watch-").FullName;

    public StoryFolderWatchTests() =>
        File.Copy(Path.Combine(StoriesFixture.FixturesFolder, "seeds", "000_7788cec921cb3b17.txt"), Path.Combine(_folder, "000_7788cec921cb3b17.txt"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private IHost BuildHost(bool watch = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Stories:Path", _folder), new("Stories:Watch", watch ? "true" : "false")]);
        builder.Services.AddStoryEngine(builder.Configuration);
        return builder.Build();
    }

    private static async Task<IStoryLibrary> StartAsync(IHost host)
    {
        await host.StartAsync();
        var library = host.Services.GetRequiredService<IStoryLibrary>();
        await library.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(Patience);
        return library;
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        // The condition is read before the deadline: on a busy test run this continuation can wait many seconds for
        // one of xUnit's two test threads, and a delay cancelled by a timer then failed the test even when the change
        // it waited for had long been served (both CI failures of this class were such cancellations).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Patience, $"Not so within {Patience.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }

    private static string Second => File.ReadAllText(Path.Combine(StoriesFixture.FixturesFolder, "stories", "001_northwind_battery_plant.txt"));

    [Fact]
    public async Task A_story_dropped_into_the_folder_is_answered_without_a_restart()
    {
        using var host = BuildHost();
        var library = await StartAsync(host);
        var answerer = host.Services.GetRequiredService<IQuestionAnswerer>();
        Assert.True(answerer.Ask("Who leads the local union branch?").Abstained);

        File.WriteAllText(Path.Combine(_folder, "001_northwind_battery_plant.txt"), Second);
        await EventuallyAsync(() => library.Stories.Count == 2);

        var answer = answerer.Ask("Who leads the local union branch?");
        Assert.False(answer.Abstained);
        Assert.Equal("001_northwind_battery_plant.txt", answer.Answers[0].Sentence.Story);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_story_changed_without_a_file_event_is_found_by_its_listing()
    {
        // The story is a link to a file outside the folder: writing that file raises no event in the folder, as when
        // an event is lost or a network file system sends none; only the listing check can see the change.
        var outside = Directory.CreateTempSubdirectory("bothost-outside-").FullName;
        try
        {
            var target = Path.Combine(outside, "draft.txt");
            File.WriteAllText(target, "Draft.\n\nNothing here yet.");
            File.CreateSymbolicLink(Path.Combine(_folder, "001_northwind_battery_plant.txt"), target);
            using var host = BuildHost();
            var library = await StartAsync(host);
            var answerer = host.Services.GetRequiredService<IQuestionAnswerer>();
            Assert.True(answerer.Ask("Who leads the local union branch?").Abstained);

            File.WriteAllText(target, Second);
            await EventuallyAsync(() => library.Stories.Any(s => s.Paragraphs.Any(p => p.Text.Contains("Dana Kowalski", StringComparison.Ordinal))));

            Assert.False(answerer.Ask("Who leads the local union branch?").Abstained);
            await host.StopAsync();
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task An_edited_story_is_served_as_edited_and_a_removed_one_is_dropped()
    {
        var second = Path.Combine(_folder, "001_northwind_battery_plant.txt");
        File.WriteAllText(second, Second);
        using var host = BuildHost();
        var library = await StartAsync(host);
        Assert.Equal(2, library.Stories.Count);

        File.WriteAllText(second, Second.Replace("Dana Kowalski", "Marta Quispe", StringComparison.Ordinal));
        await EventuallyAsync(() => library.Stories.Any(s => s.Paragraphs.Any(p => p.Text.Contains("Marta Quispe", StringComparison.Ordinal))));

        File.Delete(second);
        await EventuallyAsync(() => library.Stories.Count == 1);
        Assert.Equal("000_7788cec921cb3b17.txt", library.Stories[0].Id);
        await host.StopAsync();
    }

    [Fact]
    public async Task Emptying_the_folder_keeps_the_stories_it_had_and_other_files_are_ignored()
    {
        using var host = BuildHost();
        var library = await StartAsync(host);
        var before = library.Stories;

        File.WriteAllText(Path.Combine(_folder, "notes.json"), "{}");
        File.Delete(Path.Combine(_folder, "000_7788cec921cb3b17.txt"));
        // Give the watcher several quiet periods to act on both changes.
        await Task.Delay(StoryIndexer.QuietPeriod * 6);

        Assert.Same(before[0], Assert.Single(library.Stories));
        Assert.False(host.Services.GetRequiredService<IQuestionAnswerer>().Ask("Who is the Middle East envoy?").Abstained);
        await host.StopAsync();
    }

    [Fact]
    public async Task With_watching_off_the_stories_loaded_at_start_stay()
    {
        using var host = BuildHost(watch: false);
        var library = await StartAsync(host);

        File.WriteAllText(Path.Combine(_folder, "001_northwind_battery_plant.txt"), Second);
        await Task.Delay(StoryIndexer.QuietPeriod * 6);

        Assert.Single(library.Stories);
        await host.StopAsync();
    }
}
