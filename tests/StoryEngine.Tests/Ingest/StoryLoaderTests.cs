using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StoryEngine.Ingest;

namespace StoryEngine.Tests.Ingest;

public sealed class StoryLoaderTests : IDisposable
{
    private const string GoodStory = "Port Strike Ends\nDock workers returned on Friday. Cargo moved again.\n";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("storyloader-");
    private readonly FakeLogger _logger = new();

    public void Dispose()
    {
        foreach (var file in _folder.EnumerateFileSystemInfos())
        {
            if (file is FileInfo { LinkTarget: null } f && !OperatingSystem.IsWindows())
            {
                // Restore what a chmod-000 test took away so the folder can be deleted by a non-root user.
                File.SetUnixFileMode(f.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        _folder.Delete(recursive: true);
    }

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    private void Write(string name, string text) => File.WriteAllText(PathOf(name), text);

    private void Write(string name, byte[] bytes) => File.WriteAllBytes(PathOf(name), bytes);

    [Fact]
    public void Loads_txt_and_md_files_in_ordinal_file_name_order_and_ignores_other_files()
    {
        Write("b.txt", "Bravo\nSecond story.");
        Write("a.md", "# Alpha\nFirst story.");
        Write("C.TXT", "Charlie\nThird story.");
        Write("notes.json", "{\"x\": 1}");
        Write("readme", "Not a story.");
        Directory.CreateDirectory(PathOf("sub"));
        File.WriteAllText(Path.Combine(PathOf("sub"), "nested.txt"), "Nested\nNot loaded.");

        var result = StoryLoader.Load(_folder.FullName, _logger);

        Assert.Equal(["C.TXT", "a.md", "b.txt"], result.Stories.Select(s => s.Id));
        Assert.Equal(["Charlie", "Alpha", "Bravo"], result.Stories.Select(s => s.Title));
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public void Empty_and_whitespace_only_files_are_skipped_with_a_warning()
    {
        Write("good.txt", GoodStory);
        Write("empty.txt", string.Empty);
        Write("blank.md", " \r\n\t\n\u00A0\n");

        var result = StoryLoader.Load(_folder.FullName, _logger);

        Assert.Equal(["good.txt"], result.Stories.Select(s => s.Id));
        Assert.Equal(["blank.md", "empty.txt"], result.Skipped.Select(s => s.File));
        Assert.All(result.Skipped, s => Assert.Contains("empty", s.Reason, StringComparison.Ordinal));
        AssertWarned("empty.txt", 2002);
        AssertWarned("blank.md", 2002);
    }

    [Fact]
    public void File_with_nul_bytes_is_skipped_as_binary()
    {
        Write("good.txt", GoodStory);
        Write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);

        var result = StoryLoader.Load(_folder.FullName, _logger);

        Assert.Equal(["good.txt"], result.Stories.Select(s => s.Id));
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal("image.txt", skipped.File);
        Assert.Contains("binary", skipped.Reason, StringComparison.Ordinal);
        AssertWarned("image.txt", 2003);
    }

    [Fact]
    public void File_that_is_mostly_invalid_utf8_is_skipped_as_binary()
    {
        Write("good.txt", GoodStory);
        var random = new Random(42);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(bytes[i] | 0x80); // high bytes only: no NUL, mostly invalid UTF-8
        }

        Write("noise.md", bytes);

        var result = StoryLoader.Load(_folder.FullName, _logger);

        Assert.Equal(["good.txt"], result.Stories.Select(s => s.Id));
        Assert.Contains("binary", Assert.Single(result.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_full_of_control_characters_is_skipped_as_binary()
    {
        Write("good.txt", GoodStory);
        Write("control.txt", string.Concat(Enumerable.Repeat("ab\u0001\u0002\u0003", 50)));

        var result = StoryLoader.Load(_folder.FullName, _logger);

        Assert.Equal("control.txt", Assert.Single(result.Skipped).File);
    }

    [Fact]
    public void Legacy_windows_1252_file_is_decoded_not_skipped()
    {
        // "Café talks resume – officials" in Windows-1252: é = 0xE9, en dash = 0x96.
        var bytes = Encoding.ASCII.GetBytes("Caf_ Talks Resume\nOfficials _ including the mayor _ met.")
            .Select((b, i) => b == (byte)'_' ? (byte)(i == 3 ? 0xE9 : 0x96) : b).ToArray();
        Write("legacy.txt", bytes);

        var story = Assert.Single(StoryLoader.Load(_folder.FullName, _logger).Stories);

        Assert.Equal("Café Talks Resume", story.Title);
        Assert.Equal("Officials – including the mayor – met.", story.Sentences[1].Text);
    }

    [Fact]
    public void Utf16_file_with_byte_order_mark_is_decoded()
    {
        Write("utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(GoodStory)]);

        var story = Assert.Single(StoryLoader.Load(_folder.FullName, _logger).Stories);

        Assert.Equal("Port Strike Ends", story.Title);
    }

    [Fact]
    public void Utf8_byte_order_mark_does_not_reach_the_title()
    {
        Write("bom.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(GoodStory)]);

        Assert.Equal("Port Strike Ends", Assert.Single(StoryLoader.Load(_folder.FullName, _logger).Stories).Title);
    }

    [Fact]
    public void File_over_the_size_cap_is_skipped()
    {
        Write("good.txt", GoodStory);
        Write("huge.txt", "Huge\n" + new string('x', 5000));

        var result = StoryLoader.Load(_folder.FullName, _logger, maxFileBytes: 1000);

        Assert.Equal(["good.txt"], result.Stories.Select(s => s.Id));
        var skipped = Assert.Single(result.Skipped);
        Assert.Contains("too large", skipped.Reason, StringComparison.Ordinal);
        AssertWarned("huge.txt", 2004);
    }

    [Fact]
    public void Dangling_symbolic_link_is_skipped_as_unreadable()
    {
        Write("good.txt", GoodStory);
        File.CreateSymbolicLink(PathOf("gone.txt"), PathOf("does-not-exist.txt"));

        var result = StoryLoader.Load(_folder.FullName, _logger);

        Assert.Equal(["good.txt"], result.Stories.Select(s => s.Id));
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal("gone.txt", skipped.File);
        Assert.StartsWith("unreadable", skipped.Reason, StringComparison.Ordinal);
        AssertWarned("gone.txt", 2001);
    }

    [Fact]
    public void File_locked_by_another_writer_is_skipped_as_unreadable()
    {
        Write("good.txt", GoodStory);
        Write("locked.txt", GoodStory);
        using var exclusive = new FileStream(PathOf("locked.txt"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var result = StoryLoader.Load(_folder.FullName, _logger);

        Assert.Equal(["good.txt"], result.Stories.Select(s => s.Id));
        Assert.StartsWith("unreadable", Assert.Single(result.Skipped).Reason, StringComparison.Ordinal);
        AssertWarned("locked.txt", 2001);
    }

    /// <remarks>
    /// Under root (typical in containers) mode 000 does not stop reads; then the honest expectation is that the file
    /// loads. The unreadable path itself is covered unconditionally by the dangling-link and locked-file tests.
    /// </remarks>
    [Fact]
    public void File_without_read_permission_is_skipped_when_the_process_cannot_read_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions only; the other unreadable-file tests cover the path on every platform.
        }

        Write("good.txt", GoodStory);
        Write("secret.txt", GoodStory);
        File.SetUnixFileMode(PathOf("secret.txt"), UnixFileMode.None);
        var readable = CanRead(PathOf("secret.txt"));

        var result = StoryLoader.Load(_folder.FullName, _logger);

        if (readable)
        {
            Assert.Equal(["good.txt", "secret.txt"], result.Stories.Select(s => s.Id));
        }
        else
        {
            Assert.Equal(["good.txt"], result.Stories.Select(s => s.Id));
            Assert.StartsWith("unreadable", Assert.Single(result.Skipped).Reason, StringComparison.Ordinal);
            AssertWarned("secret.txt", 2001);
        }
    }

    [Fact]
    public void Named_pipe_is_skipped_without_blocking_on_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // FIFOs in a folder are a Unix thing.
        }

        Write("good.txt", GoodStory);
        Assert.Equal(0, MakeFifo(PathOf("pipe.txt"), 0x1B6));

        var result = StoryLoader.Load(_folder.FullName, _logger);

        Assert.Equal(["good.txt"], result.Stories.Select(s => s.Id));
        Assert.Equal("pipe.txt", Assert.Single(result.Skipped).File);
    }

    [Fact]
    public void Mixed_folder_loads_every_good_story_and_reports_every_bad_file()
    {
        Write("01_good.txt", GoodStory);
        Write("02_empty.txt", string.Empty);
        Write("03_binary.md", [0x00, 0x01, 0x02, 0x03]);
        Write("04_good.md", "# Second Story\nIt **also** loads.");
        File.CreateSymbolicLink(PathOf("05_dangling.txt"), PathOf("nowhere"));
        Write("06_punctuation.txt", "* * *\n---\n");

        var result = StoryLoader.Load(_folder.FullName, _logger);

        Assert.Equal(["01_good.txt", "04_good.md"], result.Stories.Select(s => s.Id));
        Assert.Equal("It also loads.", result.Stories[1].Sentences[1].Text);
        Assert.Equal(["02_empty.txt", "03_binary.md", "05_dangling.txt", "06_punctuation.txt"], result.Skipped.Select(s => s.File));
        Assert.All(result.Skipped, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        Assert.Equal(4, _logger.Collector.GetSnapshot().Count(r => r.Level == LogLevel.Warning));
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Id.Id == 2006 && r.Message.Contains("skipped 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_folder_is_a_clear_error_naming_the_folder()
    {
        var missing = PathOf("no-such-folder");

        var error = Assert.Throws<StoriesUnavailableException>(() => StoryLoader.Load(missing, _logger));

        Assert.Equal(missing, error.Folder);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("--seeds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_given_as_the_folder_is_a_clear_error()
    {
        Write("story.txt", GoodStory);

        var error = Assert.Throws<StoriesUnavailableException>(() => StoryLoader.Load(PathOf("story.txt"), _logger));

        Assert.Contains("not a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_folder_is_a_clear_error()
    {
        Write("notes.json", "{}");

        var error = Assert.Throws<StoriesUnavailableException>(() => StoryLoader.Load(_folder.FullName, _logger));

        Assert.Contains(_folder.FullName, error.Message, StringComparison.Ordinal);
        Assert.Contains("no .txt or .md files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_with_only_unusable_files_is_a_clear_error_listing_the_reasons()
    {
        Write("empty.txt", string.Empty);
        Write("binary.txt", [0x00, 0xFF]);

        var error = Assert.Throws<StoriesUnavailableException>(() => StoryLoader.Load(_folder.FullName, _logger));

        Assert.Contains("empty.txt: empty file", error.Message, StringComparison.Ordinal);
        Assert.Contains("binary.txt: binary", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _logger.Collector.GetSnapshot().Count(r => r.Level == LogLevel.Warning));
    }

    [Fact]
    public async Task Async_load_gives_the_same_result_as_sync_load()
    {
        Write("01_good.txt", GoodStory);
        Write("02_empty.txt", string.Empty);
        Write("03_good.md", "# Second\nText **here**.");
        Write("04_huge.txt", "Huge\n" + new string('x', 5000));

        var sync = StoryLoader.Load(_folder.FullName, _logger, maxFileBytes: 1000);
        var async = await StoryLoader.LoadAsync(_folder.FullName, _logger, maxFileBytes: 1000);

        Assert.Equal(sync.Skipped, async.Skipped);
        Assert.Equal(sync.Stories.SelectMany(s => s.Sentences), async.Stories.SelectMany(s => s.Sentences));
        Assert.Equal(sync.Stories.Select(s => s.Title), async.Stories.Select(s => s.Title));
    }

    [Fact]
    public async Task Async_load_of_a_missing_folder_throws_the_same_clear_error()
    {
        await Assert.ThrowsAsync<StoriesUnavailableException>(() => StoryLoader.LoadAsync(PathOf("missing"), _logger));
    }

    [Fact]
    public void Fixture_stories_load_with_markdown_and_text()
    {
        var result = StoryLoader.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ingest", "stories"), _logger);

        Assert.Equal(["010_port_strike.md", "011_city_budget.txt", "012_wrapped_flood.txt"], result.Stories.Select(s => s.Id));
        Assert.Empty(result.Skipped);
    }

    private void AssertWarned(string file, int eventId) =>
        Assert.Contains(_logger.Collector.GetSnapshot(), r =>
            r.Level == LogLevel.Warning && r.Id.Id == eventId && r.Message.Contains(file, StringComparison.Ordinal));

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, uint mode);

    private static bool CanRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
