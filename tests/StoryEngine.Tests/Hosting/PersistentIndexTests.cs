using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using StoryEngine.Hosting;
using StoryEngine.Search;
using StoryEngine.Tests.Search;

namespace StoryEngine.Tests.Hosting;

/// <summary>
/// Stories:IndexPath keeps the passage vectors between runs: real story files and a real store folder in a temporary
/// directory, the real host and indexer, and a counting encoder in place of the sentence model.
/// </summary>
public sealed class PersistentIndexTests : IDisposable
{
    private const string Question = "Who is the Middle East envoy?";
    private const string SeedFile = "000_7788cec921cb3b17.txt";
    private const string AddedFile = "001_northwind_battery_plant.txt";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);
    private readonly string _root = Directory.CreateTempSubdirectory("bothost-index-").FullName;

    public PersistentIndexTests()
    {
        Directory.CreateDirectory(Stories);
        File.Copy(Path.Combine(StoriesFixture.FixturesFolder, "seeds", SeedFile), Path.Combine(Stories, SeedFile));
    }

    private string Stories => Path.Combine(_root, "stories");

    private string IndexFolder => Path.Combine(_root, "index");

    private static string AddedStory => Path.Combine(StoriesFixture.FixturesFolder, "stories", AddedFile);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static IHost BuildHost(CountingTextEncoder encoder, string stories, string? indexPath)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stories:Path"] = stories,
            ["Stories:Watch"] = "false",
            ["Stories:Semantic"] = "true",
            ["Stories:IndexPath"] = indexPath,
        });
        builder.Logging.AddFakeLogging();
        builder.Services.AddSingleton<ITextEncoder>(encoder);
        builder.Services.AddStoryEngine(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Starts a host over <paramref name="stories"/>, waits until it serves, asks once and stops; returns the answer and the log.</summary>
    private static async Task<(AskResult Answer, IReadOnlyList<FakeLogRecord> Log)> RunAsync(CountingTextEncoder encoder, string stories, string? indexPath)
    {
        using var host = BuildHost(encoder, stories, indexPath);
        await host.StartAsync();
        await host.Services.GetRequiredService<IStoryLibrary>().WaitUntilReadyAsync(CancellationToken.None).WaitAsync(Patience);
        var answer = host.Services.GetRequiredService<IQuestionAnswerer>().Ask(Question);
        await host.StopAsync();
        return (answer, host.Services.GetFakeLogCollector().GetSnapshot());
    }

    private Task<(AskResult Answer, IReadOnlyList<FakeLogRecord> Log)> RunAsync(CountingTextEncoder encoder) => RunAsync(encoder, Stories, IndexFolder);

    private string[] VectorFiles() => Directory.GetFiles(IndexFolder, "*" + PassageVectorStore.Extension);

    [Fact]
    public async Task Restart_over_an_unchanged_library_encodes_no_passage_and_answers_the_same()
    {
        var first = new CountingTextEncoder();
        var (before, _) = await RunAsync(first);
        Assert.NotEmpty(first.Passages);

        var second = new CountingTextEncoder();
        var (after, _) = await RunAsync(second);

        Assert.Empty(second.Passages);
        Assert.Equal(before.Answers.Select(a => (a.Sentence.Text, a.Score)), after.Answers.Select(a => (a.Sentence.Text, a.Score)));
    }

    [Fact]
    public async Task A_story_added_between_runs_encodes_only_its_own_passages()
    {
        await RunAsync(new CountingTextEncoder());
        // What the added story alone encodes: its sentences and paragraphs.
        var alone = Path.Combine(_root, "alone");
        Directory.CreateDirectory(alone);
        File.Copy(AddedStory, Path.Combine(alone, AddedFile));
        var expected = new CountingTextEncoder();
        await RunAsync(expected, alone, indexPath: null);

        File.Copy(AddedStory, Path.Combine(Stories, AddedFile));
        var afterAdding = new CountingTextEncoder();
        await RunAsync(afterAdding);

        Assert.NotEmpty(expected.Passages);
        Assert.Equal(expected.Passages.Order(StringComparer.Ordinal), afterAdding.Passages.Order(StringComparer.Ordinal));
        var again = new CountingTextEncoder();
        await RunAsync(again);
        Assert.Empty(again.Passages);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("one byte changed")]
    [InlineData("empty")]
    [InlineData("not a vector file")]
    public async Task A_damaged_vector_file_is_logged_ignored_and_its_passages_encoded_again(string damage)
    {
        var first = new CountingTextEncoder();
        var (before, _) = await RunAsync(first);
        var file = Assert.Single(VectorFiles());
        var bytes = File.ReadAllBytes(file);
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
                break;
            case "one byte changed":
                // A byte inside the first vector: only the checksum can tell.
                bytes[bytes.Length / 2] ^= 0x40;
                File.WriteAllBytes(file, bytes);
                break;
            case "empty":
                File.WriteAllBytes(file, []);
                break;
            default:
                File.WriteAllText(file, "Lorem ipsum dolor sit amet, consectetur adipiscing elit.");
                break;
        }

        var second = new CountingTextEncoder();
        var (after, log) = await RunAsync(second);

        Assert.Equal(first.Passages.Distinct().Order(StringComparer.Ordinal), second.Passages.Order(StringComparer.Ordinal));
        Assert.Equal(before.Answers.Select(a => (a.Sentence.Text, a.Score)), after.Answers.Select(a => (a.Sentence.Text, a.Score)));
        var warning = Assert.Single(log, r => r.Id.Id == 2121);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.DoesNotContain(_root, warning.Message, StringComparison.Ordinal);
        // The damaged file is gone and the passages are kept again: the next start encodes nothing.
        Assert.DoesNotContain(file, VectorFiles());
        var third = new CountingTextEncoder();
        await RunAsync(third);
        Assert.Empty(third.Passages);
    }

    [Fact]
    public async Task Vectors_of_another_encoder_are_never_reused()
    {
        await RunAsync(new CountingTextEncoder("model-a;dimension=8"));

        var other = new CountingTextEncoder("model-b;dimension=8");
        await RunAsync(other);

        Assert.NotEmpty(other.Passages);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Without_an_index_path_nothing_is_kept_and_a_restart_encodes_everything(string? indexPath)
    {
        var first = new CountingTextEncoder();
        await RunAsync(first, Stories, indexPath);
        var second = new CountingTextEncoder();
        await RunAsync(second, Stories, indexPath);

        Assert.Equal(first.Passages, second.Passages);
        Assert.False(Directory.Exists(IndexFolder));
        Assert.Equal([Stories], Directory.GetFileSystemEntries(_root));
        Assert.Equal([Path.Combine(Stories, SeedFile)], Directory.GetFileSystemEntries(Stories));
    }

    [Fact]
    public async Task A_missing_index_folder_is_created_at_start()
    {
        var nested = Path.Combine(IndexFolder, "a", "b");

        await RunAsync(new CountingTextEncoder(), Stories, nested);

        Assert.Single(Directory.GetFiles(nested, "*" + PassageVectorStore.Extension));
    }

    [Theory]
    [InlineData("under a file")]
    [InlineData("blank")]
    public async Task An_index_path_that_cannot_be_a_folder_fails_start_naming_the_setting_but_not_its_value(string problem)
    {
        var file = Path.Combine(_root, "a-file");
        File.WriteAllText(file, "not a folder");
        var unusable = problem == "blank" ? "  " : Path.Combine(file, "index");
        using var host = BuildHost(new CountingTextEncoder(), Stories, unusable);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Stories:IndexPath", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_root, error.Message, StringComparison.Ordinal);
    }
}
