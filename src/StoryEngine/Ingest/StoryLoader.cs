using System.Text;
using Microsoft.Extensions.Logging;

namespace StoryEngine.Ingest;

/// <summary>
/// Loads every <c>*.txt</c> and <c>*.md</c> file of a folder (not its sub-folders) as one story each.
/// A file that cannot serve (unreadable, empty, binary, too large) is skipped with a warning so the rest keep serving;
/// a folder that cannot serve at all throws <see cref="StoriesUnavailableException"/>.
/// </summary>
public static partial class StoryLoader
{
    /// <summary>Files above this size are skipped: a news story is kilobytes; megabytes mean a dump or a mistake.</summary>
    public const long DefaultMaxFileBytes = 5 * 1024 * 1024;

    /// <summary>Above this share of undecodable or control characters a file is treated as binary.</summary>
    private const double BinaryThreshold = 0.10;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The file extensions read as stories (compared case-insensitively).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".txt", ".md"];

    /// <summary>Loads the stories of <paramref name="folder"/>.</summary>
    /// <param name="folder">The stories folder; relative paths resolve against the current directory.</param>
    /// <param name="logger">Receives one warning per skipped file (event ids 2001-2005) and a summary (2006).</param>
    /// <param name="maxFileBytes">Files larger than this are skipped.</param>
    /// <exception cref="StoriesUnavailableException">The folder is missing, unlistable, or has no usable story.</exception>
    /// <param name="reuse">Stories parsed by an earlier load, given again for files whose bytes did not change, and updated with this load's; null to parse every file.</param>
    /// <param name="cancellationToken">Stops the load between two files.</param>
    public static StoryLoadResult Load(
        string folder,
        ILogger logger,
        long maxFileBytes = DefaultMaxFileBytes,
        ParsedStoryCache? reuse = null,
        CancellationToken cancellationToken = default)
    {
        var (full, files) = ListFiles(folder, logger, maxFileBytes);
        var stories = new List<Story>();
        var skipped = new List<SkippedStory>();
        var parsed = reuse is null ? null : new Parsed(reuse.Kept);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[]? bytes = null;
            string? failure;
            try
            {
                bytes = ReadCapped(file, maxFileBytes);
                failure = null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failure = Unreadable(ex);
            }

            Accept(file, bytes, failure, logger, stories, skipped, parsed);
        }

        var result = Finish(full, stories, skipped, logger);
        if (parsed is not null)
        {
            reuse!.Keep(parsed.Used, parsed.Reused);
        }

        return result;
    }

    /// <summary>Loads the stories of <paramref name="folder"/> with asynchronous file reads.</summary>
    /// <inheritdoc cref="Load" path="/param"/>
    /// <exception cref="StoriesUnavailableException">The folder is missing, unlistable, or has no usable story.</exception>
    /// <param name="reuse">Stories parsed by an earlier load, given again for files whose bytes did not change, and updated with this load's; null to parse every file.</param>
    public static async Task<StoryLoadResult> LoadAsync(
        string folder,
        ILogger logger,
        long maxFileBytes = DefaultMaxFileBytes,
        CancellationToken cancellationToken = default,
        ParsedStoryCache? reuse = null)
    {
        var (full, files) = ListFiles(folder, logger, maxFileBytes);
        var stories = new List<Story>();
        var skipped = new List<SkippedStory>();
        var parsed = reuse is null ? null : new Parsed(reuse.Kept);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[]? bytes = null;
            string? failure;
            try
            {
                bytes = await ReadCappedAsync(file, maxFileBytes, cancellationToken).ConfigureAwait(false);
                failure = null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failure = Unreadable(ex);
            }

            Accept(file, bytes, failure, logger, stories, skipped, parsed);
        }

        var result = Finish(full, stories, skipped, logger);
        if (parsed is not null)
        {
            reuse!.Keep(parsed.Used, parsed.Reused);
        }

        return result;
    }

    /// <summary>What one load found in, and adds to, a <see cref="ParsedStoryCache"/>.</summary>
    private sealed class Parsed(Dictionary<string, ParsedStoryCache.Entry> kept)
    {
        public Dictionary<string, ParsedStoryCache.Entry> Kept { get; } = kept;

        public Dictionary<string, ParsedStoryCache.Entry> Used { get; } = new(StringComparer.Ordinal);

        public int Reused { get; set; }
    }

    /// <summary>
    /// Decodes story bytes: honours a UTF-8/UTF-16/UTF-32 byte order mark; otherwise UTF-8, falling back to
    /// Windows-1252 when no valid multi-byte UTF-8 sequence is present (a legacy single-byte file).
    /// </summary>
    /// <returns>The text, or null with <paramref name="binaryReason"/> set when the bytes are not text.</returns>
    public static string? DecodeText(ReadOnlySpan<byte> bytes, out string? binaryReason)
    {
        binaryReason = null;
        string text;
        if (TryDecodeWithBom(bytes, out var bomText))
        {
            text = bomText;
        }
        else if (bytes.Contains((byte)0))
        {
            binaryReason = "binary content (NUL bytes)";
            return null;
        }
        else
        {
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                var lenient = LenientUtf8.GetString(bytes);
                var replaced = lenient.Count(c => c == '\uFFFD');
                if (replaced > BinaryThreshold * Math.Max(1, lenient.Length))
                {
                    binaryReason = $"binary content ({replaced} of {lenient.Length} characters are not valid UTF-8)";
                    return null;
                }

                // Some valid multi-byte sequences: UTF-8 with a few corrupt bytes. None: a legacy single-byte file.
                text = lenient.Any(c => c > '\u007F' && c != '\uFFFD') ? lenient : Latin1OrWindows1252(bytes);
            }
        }

        var control = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v'));
        if (control > BinaryThreshold * Math.Max(1, text.Length))
        {
            binaryReason = $"binary content ({control} of {text.Length} characters are control characters)";
            return null;
        }

        return text;
    }

    private static (string Full, IReadOnlyList<string> Files) ListFiles(string folder, ILogger logger, long maxFileBytes)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFileBytes);

        string full;
        try
        {
            full = Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? "." : folder);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new StoriesUnavailableException(folder,
                $"The stories folder path '{folder}' is not valid ({ex.Message}). Pass a folder with --seeds DIR or set Stories:Path.", ex);
        }

        if (!Directory.Exists(full))
        {
            var what = File.Exists(full) ? "is a file, not a folder" : "does not exist";
            throw new StoriesUnavailableException(full,
                $"The stories folder '{full}' {what}. Create it and put .txt or .md news stories in it, "
                + "or point --seeds DIR (or the setting Stories:Path) at a folder that has them.");
        }

        try
        {
            var files = Directory.EnumerateFiles(full)
                .Where(IsStoryFile)
                .OrderBy(Path.GetFileName, StringComparer.Ordinal)
                .ToArray();
            return (full, files);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoriesUnavailableException(full,
                $"The stories folder '{full}' cannot be listed ({ex.Message}). Check its permissions, "
                + "or point --seeds DIR (or the setting Stories:Path) at a readable folder.", ex);
        }
    }

    /// <summary>Whether a file of the stories folder is read as a story (by its extension: .txt or .md).</summary>
    public static bool IsStoryFile(string path) => Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static string Unreadable(Exception ex) => $"unreadable ({ex.GetType().Name}: {ex.Message})";

    /// <summary>
    /// A zero length means an empty file, or a FIFO or device (which report 0): opening a FIFO blocks until a writer
    /// comes, so it must never be opened. Throws FileNotFoundException for a dangling link, reported as unreadable.
    /// </summary>
    private static bool IsEmptyOrSpecial(string file)
    {
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            throw new FileNotFoundException("The file (or the target of its link) does not exist.", file);
        }

        return info.Length == 0;
    }

    private static FileStream OpenForRead(string file, bool async) => new(file, new FileStreamOptions
    {
        Mode = FileMode.Open,
        Access = FileAccess.Read,
        Share = FileShare.Read,
        Options = async ? FileOptions.SequentialScan | FileOptions.Asynchronous : FileOptions.SequentialScan,
    });

    /// <summary>Reads the whole file unless it exceeds the cap; null when it is larger than the cap.</summary>
    private static byte[]? ReadCapped(string file, long maxFileBytes)
    {
        if (IsEmptyOrSpecial(file))
        {
            return [];
        }

        using var stream = OpenForRead(file, async: false);
        if (stream.CanSeek && stream.Length > maxFileBytes)
        {
            return null;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            // Length may be 0 for special files or the file may grow: the capped read is what really bounds memory.
            if (buffer.Length + read > maxFileBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <inheritdoc cref="ReadCapped(string, long)"/>
    private static async Task<byte[]?> ReadCappedAsync(string file, long maxFileBytes, CancellationToken cancellationToken)
    {
        if (IsEmptyOrSpecial(file))
        {
            return [];
        }

        var stream = OpenForRead(file, async: true);
        await using (stream.ConfigureAwait(false))
        {
            if (stream.CanSeek && stream.Length > maxFileBytes)
            {
                return null;
            }

            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxFileBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static void Accept(
        string file, byte[]? bytes, string? failure, ILogger logger, List<Story> stories, List<SkippedStory> skipped, Parsed? parsed = null)
    {
        var name = Path.GetFileName(file);
        byte[]? hash = null;
        if (parsed is not null && failure is null && bytes is { Length: > 0 })
        {
            hash = ParsedStoryCache.Hash(bytes);
            if (parsed.Kept.TryGetValue(name, out var kept) && kept.Hash.AsSpan().SequenceEqual(hash))
            {
                // The same bytes under the same name: the checks below passed for them and parsing gives this story.
                parsed.Used[name] = kept;
                parsed.Reused++;
                stories.Add(kept.Story);
                return;
            }
        }

        if (failure is not null)
        {
            Skip(skipped, name, failure);
            LogUnreadable(logger, file, failure);
            return;
        }

        if (bytes is null)
        {
            var reason = "too large for a news story";
            try
            {
                reason = $"too large ({new FileInfo(file).Length:N0} bytes; the limit is configurable)";
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The size only decorates the message.
            }

            Skip(skipped, name, reason);
            LogTooLarge(logger, file, reason);
            return;
        }

        if (bytes.Length == 0)
        {
            Skip(skipped, name, "empty file");
            LogEmpty(logger, file);
            return;
        }

        var text = DecodeText(bytes, out var binaryReason);
        if (text is null)
        {
            Skip(skipped, name, binaryReason!);
            LogBinary(logger, file, binaryReason!);
            return;
        }

        if (string.IsNullOrWhiteSpace(StoryParser.NormaliseText(text)))
        {
            Skip(skipped, name, "empty file (whitespace only)");
            LogEmpty(logger, file);
            return;
        }

        var story = StoryParser.Parse(name, text);
        if (story.Sentences.Count == 0)
        {
            const string reason = "no text content (no line with a letter or digit)";
            Skip(skipped, name, reason);
            LogNoContent(logger, file, reason);
            return;
        }

        if (parsed is not null && hash is not null)
        {
            parsed.Used[name] = new ParsedStoryCache.Entry(hash, story);
        }

        stories.Add(story);
    }

    private static void Skip(List<SkippedStory> skipped, string name, string reason) => skipped.Add(new SkippedStory(name, reason));

    private static StoryLoadResult Finish(string full, List<Story> stories, List<SkippedStory> skipped, ILogger logger)
    {
        if (stories.Count == 0)
        {
            var detail = skipped.Count == 0
                ? "it has no .txt or .md files"
                : $"all {skipped.Count} story files were skipped: "
                  + string.Join("; ", skipped.Select(s => $"{s.File}: {s.Reason}"));
            throw new StoriesUnavailableException(full,
                $"The stories folder '{full}' has no usable story ({detail}). Put UTF-8 .txt or .md news stories in it, "
                + "or point --seeds DIR (or the setting Stories:Path) at a folder that has them.");
        }

        LogLoaded(logger, stories.Count, stories.Sum(s => s.Sentences.Count), skipped.Count, full);
        return new StoryLoadResult(stories, skipped);
    }

    private static bool TryDecodeWithBom(ReadOnlySpan<byte> bytes, out string text)
    {
        Encoding? encoding = null;
        var skip = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            (encoding, skip) = (LenientUtf8, 3);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            (encoding, skip) = (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            (encoding, skip) = (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (encoding, skip) = (Encoding.Unicode, 2);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (encoding, skip) = (Encoding.BigEndianUnicode, 2);
        }

        text = encoding is null ? string.Empty : encoding.GetString(bytes[skip..]);
        return encoding is not null;
    }

    /// <summary>Windows-1252 is what legacy "ANSI" news files use; it only differs from Latin-1 in 0x80-0x9F.</summary>
    private static string Latin1OrWindows1252(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            chars[i] = b is >= 0x80 and <= 0x9F ? Windows1252High[b - 0x80] : (char)b;
        }

        return new string(chars);
    }

    // 0x80-0x9F of Windows-1252 (undefined bytes map to their Latin-1 control code, later stripped).
    private static readonly char[] Windows1252High =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Skipped story file {File}: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Skipped story file {File}: it is empty")]
    private static partial void LogEmpty(ILogger logger, string file);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Skipped story file {File}: {Reason}")]
    private static partial void LogBinary(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Skipped story file {File}: {Reason}")]
    private static partial void LogTooLarge(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Skipped story file {File}: {Reason}")]
    private static partial void LogNoContent(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information,
        Message = "Loaded {Stories} stories ({Sentences} sentences) from {Folder}; skipped {Skipped} files")]
    private static partial void LogLoaded(ILogger logger, int stories, int sentences, int skipped, string folder);
}
