using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StoryEngine.Hosting;
using StoryEngine.Search;

namespace StoryEngine.MiniLM.Tests;

public sealed class MiniLmHostingTests
{
    private static IHost BuildHost(bool semantic, Action<IServiceCollection>? registerFirst = null, string? folder = null, string? indexPath = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stories:Path"] = folder ?? Path.Combine(FixtureFiles.Folder, "seeds"),
            ["Stories:Semantic"] = semantic ? "true" : "false",
            ["Stories:IndexPath"] = indexPath,
        });
        registerFirst?.Invoke(builder.Services);
        builder.Services.AddStoryEngine(builder.Configuration);
        builder.Services.AddSentenceModels(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task With_semantic_on_the_host_indexes_by_meaning_and_answers()
    {
        using var host = BuildHost(semantic: true);
        await host.StartAsync();

        await host.Services.GetRequiredService<IStoryLibrary>().WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
        var result = host.Services.GetRequiredService<IQuestionAnswerer>().Ask("Who is the Middle East envoy?");

        Assert.Contains("Witkoff", result.Answers[0].Sentence.Text, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task With_semantic_off_the_model_is_never_loaded()
    {
        var loaded = false;
        using var host = BuildHost(semantic: false, services => services.AddSingleton<ITextEncoder>(_ =>
        {
            loaded = true;
            return new MiniLmTextEncoder();
        }));
        await host.StartAsync();

        await host.Services.GetRequiredService<IStoryLibrary>().WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
        var result = host.Services.GetRequiredService<IQuestionAnswerer>().Ask("Who is the Middle East envoy?");

        Assert.Contains("Witkoff", result.Answers[0].Sentence.Text, StringComparison.Ordinal);
        Assert.False(loaded);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_story_added_while_running_is_encoded_alone_and_answered_by_meaning()
    {
        var folder = Directory.CreateTempSubdirectory("bothost-watch-minilm-").FullName;
        try
        {
            File.Copy(Path.Combine(FixtureFiles.Folder, "seeds", "000_7788cec921cb3b17.txt"), Path.Combine(folder, "seed.txt"));
            using var model = new MiniLmTextEncoder();
            var encoder = new CountingEncoder(model);
            using var host = BuildHost(semantic: true, services => services.AddSingleton<ITextEncoder>(encoder), folder);
            await host.StartAsync();
            var library = host.Services.GetRequiredService<IStoryLibrary>();
            await library.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
            var atStart = encoder.Passages;

            var added = Path.Combine(FixtureFiles.Folder, "stories", "001_northwind_battery_plant.txt");
            File.Copy(added, Path.Combine(folder, "added.txt"));
            // The count is read before the deadline, as in StoryFolderWatchTests: a continuation delayed on a busy run
            // must not fail a change already served.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (library.Stories.Count < 2)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), "The added story was not served within a minute.");
                await Task.Delay(50);
            }

            // Only the new story's sentences and paragraphs reach the model; the seed's vectors are reused.
            var story = library.Stories.Single(s => s.Id == "added.txt");
            var newPassages = story.Sentences.Select(s => s.Text).Concat(story.Paragraphs.Select(p => p.Text)).Distinct().Count();
            Assert.Equal(newPassages, encoder.Passages - atStart);
            var result = host.Services.GetRequiredService<IQuestionAnswerer>().Ask("Who is in charge of the union's local branch?");
            Assert.Equal("added.txt", result.Answers[0].Sentence.Story);
            await host.StopAsync();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task With_an_index_path_a_restart_encodes_nothing_and_ranks_by_the_models_own_vectors()
    {
        var index = Directory.CreateTempSubdirectory("bothost-index-minilm-").FullName;
        try
        {
            using var model = new MiniLmTextEncoder();
            const string question = "Which envoy travelled to the region?";
            var answers = new List<IReadOnlyList<(string Text, double Score)>>();
            var encoded = new List<int>();
            foreach (var run in new[] { "first", "restart" })
            {
                var encoder = new CountingEncoder(model);
                using var host = BuildHost(semantic: true, services => services.AddSingleton<ITextEncoder>(encoder), indexPath: index);
                await host.StartAsync();
                await host.Services.GetRequiredService<IStoryLibrary>().WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
                answers.Add([.. host.Services.GetRequiredService<IQuestionAnswerer>().Ask(question).Answers.Select(a => (a.Sentence.Text, a.Score))]);
                encoded.Add(encoder.Passages);
                await host.StopAsync();
            }

            Assert.True(encoded[0] > 0);
            Assert.Equal(0, encoded[1]);
            // The same vectors, read back from disk, rank exactly as the model's fresh ones did.
            Assert.Equal(answers[0], answers[1]);
        }
        finally
        {
            Directory.Delete(index, recursive: true);
        }
    }
}
