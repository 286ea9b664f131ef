using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StoryEngine.Hosting;

namespace StoryEngine.Tests.Hosting;

/// <summary>The vector store's files: real files in a temporary folder.</summary>
public sealed class PassageVectorStoreTests : IDisposable
{
    private const string Identity = "store-test;dimension=4";
    private readonly string _folder = Directory.CreateTempSubdirectory("bothost-vectors-").FullName;
    private readonly FakeLogger _logger = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private PassageVectorStore Store(string identity = Identity) => new(_folder, identity, _logger);

    private static KeyValuePair<PassageKey, float[]> Entry(int i, params float[] vector) => KeyValuePair.Create(PassageKey.Of($"passage {i}"), vector);

    private static List<KeyValuePair<PassageKey, float[]>> Entries(int from, int count) =>
        [.. Enumerable.Range(from, count).Select(i => Entry(i, i, -i, i / 3f, 1f / (i + 1)))];

    private static Dictionary<PassageKey, float[]> Live(IEnumerable<KeyValuePair<PassageKey, float[]>> entries) => entries.ToDictionary();

    [Fact]
    public void Vectors_read_back_equal_those_written_to_the_bit()
    {
        List<KeyValuePair<PassageKey, float[]>> written =
        [
            Entry(1, 0.5f, -0.25f, 1e-42f, -0f),
            Entry(2, float.Epsilon, float.MaxValue, float.MinValue, 0.1f),
            .. Entries(3, 100),
        ];
        Store().Save(written, Live(written));

        var read = Store().Load();

        Assert.Equal(written.Count, read.Count);
        foreach (var (key, vector) in written)
        {
            Assert.Equal(vector.Select(BitConverter.SingleToInt32Bits), read[key].Select(BitConverter.SingleToInt32Bits));
        }

        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public void Each_build_adds_one_file_written_whole_and_leaves_no_temporary_file()
    {
        var store = Store();
        var first = Entries(0, 10);
        store.Save(first, Live(first));
        var second = Entries(10, 5);
        store.Save(second, Live(first.Concat(second)));

        Assert.Equal(2, Directory.GetFiles(_folder, "*" + PassageVectorStore.Extension).Length);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
        Assert.Equal(15, Store().Load().Count);
    }

    [Fact]
    public void Vectors_of_removed_passages_are_dropped_once_they_outnumber_the_live_ones()
    {
        var all = Entries(0, 10);
        var store = Store();
        store.Save(all, Live(all));
        var restarted = Store();
        Assert.Equal(10, restarted.Load().Count);

        // Seven of ten passages removed (their stories deleted): a build encodes nothing new, uses three.
        restarted.Save([], Live(all.Take(3)));

        var file = Assert.Single(Directory.GetFiles(_folder, "*" + PassageVectorStore.Extension));
        var kept = Store().Load();
        Assert.Equal(all.Take(3).Select(e => e.Key).ToHashSet(), kept.Keys.ToHashSet());
        Assert.Equal(3, restarted.Stored);
        Assert.True(new FileInfo(file).Length < 3 * 100);
    }

    [Fact]
    public void Many_small_builds_are_compacted_into_one_file()
    {
        var store = Store();
        var live = new List<KeyValuePair<PassageKey, float[]>>();
        for (var build = 0; build <= PassageVectorStore.MaxSegments; build++)
        {
            var fresh = Entries(build, 1);
            live.AddRange(fresh);
            store.Save(fresh, Live(live));
        }

        Assert.Single(Directory.GetFiles(_folder, "*" + PassageVectorStore.Extension));
        Assert.Equal(live.Count, Store().Load().Count);
    }

    [Fact]
    public void A_file_of_another_encoder_renamed_into_this_ones_place_is_refused()
    {
        var entries = Entries(0, 5);
        Store("another-model;dimension=4").Save(entries, Live(entries));
        var theirs = Assert.Single(Directory.GetFiles(_folder));
        // Give it this encoder's file name prefix: only the identity in its header can tell.
        Store().Save(Entries(100, 1), Live(Entries(100, 1)));
        var mine = Directory.GetFiles(_folder).Single(f => f != theirs);
        File.Move(theirs, mine[..^PassageVectorStore.Extension.Length] + "0" + PassageVectorStore.Extension);

        var read = Store().Load();

        Assert.Single(read);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Id.Id == 2121 && r.Message.Contains("another encoder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_processes_saving_into_one_folder_at_once_lose_and_damage_nothing()
    {
        var written = new List<KeyValuePair<PassageKey, float[]>>[2];
        await Task.WhenAll(Enumerable.Range(0, 2).Select(writer => Task.Run(() =>
        {
            var store = Store();
            var live = new List<KeyValuePair<PassageKey, float[]>>();
            for (var build = 0; build < 30; build++)
            {
                var fresh = Entries((writer * 10_000) + (build * 20), 20);
                live.AddRange(fresh);
                store.Save(fresh, Live(live));
            }

            written[writer] = live;
        })));

        var read = Store().Load();

        Assert.Equal(written.Sum(w => w.Count), read.Count);
        foreach (var (key, vector) in written.SelectMany(w => w))
        {
            Assert.Equal(vector, read[key]);
        }

        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public void An_unwritable_folder_is_logged_and_the_build_goes_on()
    {
        var store = new PassageVectorStore(Path.Combine(_folder, "gone"), Identity, _logger);
        var entries = Entries(0, 3);

        store.Save(entries, Live(entries));
        var read = store.Load();

        Assert.Empty(read);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Id.Id == 2124);
    }
}
