using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using StoryEngine;
using StoryEngine.Ingest;

namespace StoryFacts.Tests;

/// <summary>
/// The JSON that <c>BotHost whosaid|facts|people|timeline|summary --json</c> prints for each story fixture alone, and
/// the snapshot files under <c>tests/Fixtures/golden</c> that pin it. Read and written in the source tree, not the
/// copy beside the test assembly, so that <see cref="UpdateVariable"/> can rewrite them.
/// </summary>
internal static class GoldenSnapshots
{
    /// <summary>Set to 1 to rewrite the snapshots after a meant change in behaviour (CONTRIBUTING.md, "Golden snapshots").</summary>
    public const string UpdateVariable = "BOTHOST_UPDATE_GOLDEN";

    public static readonly IReadOnlyList<string> Views = ["whosaid", "facts", "people", "timeline", "summary"];

    // Folders of story fixtures (relative to the repository root) and the golden subfolder each one's snapshots go to.
    // Fixtures/facts holds only labels of stories in these folders.
    private static readonly (string Folder, string Golden)[] FixtureFolders =
    [
        ("seeds", "seeds"),
        ("tests/Fixtures/stories", "stories"),
        ("tests/Fixtures/statements", "statements"),
        ("tests/Fixtures/ingest/stories", "ingest"),
    ];

    private static readonly Lazy<string> Root = new(FindRoot);

    // One service per fixture: it analyses the story once and serves every view from its cache, as the CLI's does.
    private static readonly ConcurrentDictionary<string, Lazy<StoryFactsService>> Services = new(StringComparer.Ordinal);

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string RepositoryRoot => Root.Value;

    public static string GoldenFolder => Path.Combine(Root.Value, "tests", "Fixtures", "golden");

    /// <summary>Every story fixture, as a path relative to the repository root with forward slashes, in ordinal order.</summary>
    public static IReadOnlyList<string> Fixtures() =>
        [.. FixtureFolders
            .SelectMany(f => Directory.GetFiles(Path.Combine(Root.Value, f.Folder))
                .Where(StoryLoader.IsStoryFile)
                .Where(p => !Path.GetFileName(p).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                .Select(p => f.Folder + "/" + Path.GetFileName(p)))
            .OrderBy(p => p, StringComparer.Ordinal)];

    /// <summary>Where the snapshot of one fixture's view lives: <c>golden/{folder}/{file name without extension}.{view}.json</c>.</summary>
    public static string SnapshotPath(string fixture, string view)
    {
        var folder = fixture[..fixture.LastIndexOf('/')];
        var golden = FixtureFolders.Single(f => f.Folder == folder).Golden;
        return Path.Combine(GoldenFolder, golden, Path.GetFileNameWithoutExtension(fixture) + "." + view + ".json");
    }

    /// <summary>Beside the snapshot, git-ignored: what the code printed when it differed.</summary>
    public static string ActualPath(string snapshotPath) => Path.ChangeExtension(snapshotPath, ".actual.json");

    /// <summary>The view's JSON for the fixture alone, through the service and serializer the CLI verbs use, indented.</summary>
    public static async Task<string> RenderAsync(string fixture, string view)
    {
        var facts = Services.GetOrAdd(fixture, f => new Lazy<StoryFactsService>(() => new StoryFactsService(
            new OneStoryLibrary(Load(f)), NullLogger<StoryFactsService>.Instance))).Value;
        var none = CancellationToken.None;

        // As FactsVerbs does with no words after the verb.
        var json = view switch
        {
            "whosaid" => FactsJson.Serialize(FactsJson.Statements(await facts.GetStatementsAsync(null, none))),
            "facts" => FactsJson.Serialize(FactsJson.Facts(await facts.GetFactsAsync(null, none))),
            "people" => FactsJson.Serialize(FactsJson.People(await facts.GetPeopleAsync(none))),
            "timeline" => FactsJson.Serialize(FactsJson.Timeline(await facts.GetTimelineAsync(none))),
            "summary" => FactsJson.Serialize(FactsJson.Summary(await facts.GetSummaryAsync(none))),
            _ => throw new ArgumentOutOfRangeException(nameof(view), view, "no such view"),
        };
        return Indent(json);
    }

    /// <summary>The CLI prints one line; the snapshots hold one value per line so a diff shows what moved.</summary>
    public static string Indent(string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>Line endings aside, as git may check text out with CRLF.</summary>
    public static string ReadSnapshot(string path) => File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The 1-based number of the first line that differs, with both lines ("(end of file)" past the end).</summary>
    public static (int Line, string Expected, string Actual) FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "(end of file)";
            var right = i < a.Length ? a[i] : "(end of file)";
            if (left != right)
            {
                return (i + 1, left, right);
            }
        }

        return (0, string.Empty, string.Empty);
    }

    // As StoryLoader reads a file from the stories folder: its byte-order and legacy-encoding rules, then the parser.
    private static Story Load(string fixture)
    {
        var path = Path.Combine(Root.Value, fixture);
        var text = StoryLoader.DecodeText(File.ReadAllBytes(path), out var binary)
            ?? throw new InvalidDataException($"{fixture}: {binary}");
        return StoryParser.Parse(Path.GetFileName(path), text);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BotHost.sln")) && Directory.Exists(Path.Combine(dir.FullName, "tests", "Fixtures")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No repository root (a folder with BotHost.sln and tests/Fixtures) above {AppContext.BaseDirectory}.");
    }

    private sealed class OneStoryLibrary(Story story) : IStoryLibrary
    {
        public bool IsReady => true;

        public IReadOnlyList<Story> Stories { get; } = [story];

        public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
