using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace StoryEngine.Hosting;

/// <summary>A passage's identity on disk and in memory: the SHA-256 of its UTF-8 text.</summary>
internal readonly record struct PassageKey(ulong A, ulong B, ulong C, ulong D)
{
    public const int Size = 32;

    public static PassageKey Of(string text)
    {
        Span<byte> hash = stackalloc byte[Size];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Read(hash);
    }

    public static PassageKey Read(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]));

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, A);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], B);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], C);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], D);
    }
}

/// <summary>
/// Passage vectors kept in a folder (Stories:IndexPath) between runs, so a restart over an unchanged library encodes
/// nothing. The store is a set of immutable segment files, each written whole to a temporary name and renamed into
/// place, so a reader never sees half a file and two processes sharing the folder never write the same file. A build
/// adds one segment holding what it encoded; when the segments hold more vectors no longer asked for than live ones,
/// or there are too many of them, the live vectors are rewritten as one segment and the others deleted (compaction).
/// A segment that is truncated, corrupt or unreadable is logged and ignored: its passages are simply encoded again.
/// </summary>
/// <remarks>
/// Segment format, little-endian: the 8-byte magic "BHVECTOR", format version (int32), vector length (int32), entry
/// count (int32), identity length (int32) and the encoder's identity (UTF-8); then per entry the passage's 32-byte
/// key and its floats; then the SHA-256 of everything before it. The file's length must match the header exactly.
/// </remarks>
internal sealed partial class PassageVectorStore
{
    internal const string Extension = ".vectors";
    internal const int FormatVersion = 1;

    // Beyond this many segments a build compacts even without dead vectors: each start opens every one.
    internal const int MaxSegments = 16;

    private const int HeaderSize = 24;
    private const int MaxDimension = 1 << 16;
    private const int MaxIdentityBytes = 4096;

    // A temporary file this old is a writer that died, not one still writing.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    private static ReadOnlySpan<byte> Magic => "BHVECTOR"u8;

    private readonly string _folder;
    private readonly byte[] _identityBytes;
    private readonly string _prefix;
    private readonly ILogger _logger;

    // This process's view of its identity's segments (read or written), and the vectors they hold, duplicates included.
    private readonly HashSet<string> _segments = new(StringComparer.Ordinal);
    private long _stored;
    private int _dimension;

    public PassageVectorStore(string folder, string identity, ILogger logger)
    {
        _folder = folder;
        _identityBytes = Encoding.UTF8.GetBytes(identity);
        // One folder may hold several models' vectors (after an upgrade, say): each reads only its own files.
        _prefix = "vectors-" + Convert.ToHexStringLower(SHA256.HashData(_identityBytes))[..16] + "-";
        _logger = logger;
    }

    /// <summary>Vectors in this process's view of the store, counting duplicates and vectors no longer asked for.</summary>
    internal long Stored => _stored;

    internal int Segments => _segments.Count;

    /// <summary>Every vector of this encoder's identity kept in the folder; empty when there is none or the folder cannot be read.</summary>
    public Dictionary<PassageKey, float[]> Load()
    {
        var started = Stopwatch.GetTimestamp();
        var vectors = new Dictionary<PassageKey, float[]>();
        string[] files;
        try
        {
            files = Directory.GetFiles(_folder, _prefix + "*" + Extension);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogFolderUnreadable(_logger, ex.GetType().Name);
            return vectors;
        }

        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (_segments.Contains(file))
            {
                continue;
            }

            var entries = TryRead(file);
            if (entries is null)
            {
                continue;
            }

            foreach (var (key, vector) in entries)
            {
                vectors.TryAdd(key, vector);
            }

            _segments.Add(file);
            _stored += entries.Count;
        }

        LogLoaded(_logger, vectors.Count, _segments.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return vectors;
    }

    /// <summary>
    /// Keeps what a build encoded (<paramref name="fresh"/>): a new segment, or, when the store has grown well past
    /// <paramref name="live"/> (every vector the build used), one segment of the live vectors replacing all others.
    /// Failing to write is logged and costs only encoding again after the next restart.
    /// </summary>
    public void Save(IReadOnlyList<KeyValuePair<PassageKey, float[]>> fresh, IReadOnlyDictionary<PassageKey, float[]> live)
    {
        try
        {
            var stored = _stored + fresh.Count;
            if (stored - live.Count > live.Count || _segments.Count + (fresh.Count > 0 ? 1 : 0) > MaxSegments)
            {
                Compact(live);
            }
            else if (fresh.Count > 0)
            {
                _segments.Add(Write(fresh));
                _stored += fresh.Count;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // The type only: an I/O message names the folder, and settings' values stay out of the logs.
            LogWriteFailed(_logger, ex is InvalidDataException ? ex.Message : ex.GetType().Name);
        }
    }

    private void Compact(IReadOnlyDictionary<PassageKey, float[]> live)
    {
        var started = Stopwatch.GetTimestamp();
        var before = _stored;
        var written = live.Count > 0 ? Write([.. live]) : null;
        // Only files this process has read or written go: a segment another process wrote since is left for it.
        foreach (var old in _segments)
        {
            TryDelete(old);
        }

        _segments.Clear();
        _stored = 0;
        if (written is not null)
        {
            _segments.Add(written);
            _stored = live.Count;
        }

        DeleteLeftovers();
        LogCompacted(_logger, before, _stored, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Other models' segments (this folder now serves this one) and temporary files of writers that died.</summary>
    private void DeleteLeftovers()
    {
        foreach (var file in Directory.EnumerateFiles(_folder, "vectors-*"))
        {
            var name = Path.GetFileName(file);
            var abandoned = name.EndsWith(".tmp", StringComparison.Ordinal) && File.GetLastWriteTimeUtc(file) < DateTime.UtcNow - AbandonedAfter;
            var otherModel = name.EndsWith(Extension, StringComparison.Ordinal) && !name.StartsWith(_prefix, StringComparison.Ordinal);
            if (abandoned || otherModel)
            {
                TryDelete(file);
            }
        }
    }

    /// <summary>Writes one segment under a temporary name, flushed to disk, then renames it into place; returns its path.</summary>
    private string Write(IReadOnlyList<KeyValuePair<PassageKey, float[]>> entries)
    {
        var dimension = entries.Count > 0 ? entries[0].Value.Length : 0;
        if ((_dimension != 0 && dimension != 0 && dimension != _dimension) || entries.Any(e => e.Value.Length != dimension))
        {
            // Never mix vector lengths: the encoder broke its identity's promise.
            throw new InvalidDataException("The encoder returned vectors of different lengths under one identity.");
        }

        _dimension = dimension;
        var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_prefix}{DateTime.UtcNow.Ticks:x16}-{Guid.NewGuid():N}{Extension}");
        var path = Path.Combine(_folder, name);
        var temporary = path + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var header = new byte[HeaderSize + _identityBytes.Length];
                Magic.CopyTo(header);
                BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), FormatVersion);
                BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), dimension);
                BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), entries.Count);
                BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(20), _identityBytes.Length);
                _identityBytes.CopyTo(header, HeaderSize);
                Append(stream, hash, header);

                var entry = new byte[PassageKey.Size + (dimension * sizeof(float))];
                foreach (var (key, vector) in entries)
                {
                    key.Write(entry);
                    WriteFloats(vector, entry.AsSpan(PassageKey.Size));

                    Append(stream, hash, entry);
                }

                stream.Write(hash.GetHashAndReset());
                // On disk before the rename makes it visible: a crash leaves a temporary file, never a short segment.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path);
            return path;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void Append(FileStream stream, IncrementalHash hash, byte[] bytes)
    {
        hash.AppendData(bytes);
        stream.Write(bytes);
    }

    /// <summary>The entries of one segment, or null (logged) when it is not a whole, intact segment of this identity.</summary>
    private List<KeyValuePair<PassageKey, float[]>>? TryRead(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var header = new byte[HeaderSize];
            Read(stream, hash, header);
            if (!header.AsSpan(0, 8).SequenceEqual(Magic))
            {
                throw new InvalidDataException("not a vector segment");
            }

            var version = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8));
            var dimension = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12));
            var count = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(16));
            var identityLength = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(20));
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"format version {version}, not {FormatVersion}");
            }

            if (dimension is < 1 or > MaxDimension || count < 0 || identityLength is < 0 or > MaxIdentityBytes)
            {
                throw new InvalidDataException("impossible header");
            }

            var entrySize = PassageKey.Size + ((long)dimension * sizeof(float));
            var expected = HeaderSize + identityLength + (count * entrySize) + PassageKey.Size;
            if (stream.Length != expected)
            {
                throw new InvalidDataException($"{stream.Length} bytes where the header promises {expected}");
            }

            var identity = new byte[identityLength];
            Read(stream, hash, identity);
            if (!identity.AsSpan().SequenceEqual(_identityBytes))
            {
                // Same file name prefix, another encoder: never use its vectors.
                throw new InvalidDataException("written by another encoder");
            }

            if (_dimension != 0 && dimension != _dimension)
            {
                throw new InvalidDataException($"vectors of {dimension} numbers where the others have {_dimension}");
            }

            var entries = new List<KeyValuePair<PassageKey, float[]>>(count);
            var entry = new byte[entrySize];
            for (var n = 0; n < count; n++)
            {
                Read(stream, hash, entry);
                var vector = new float[dimension];
                ReadFloats(entry.AsSpan(PassageKey.Size), vector);

                entries.Add(KeyValuePair.Create(PassageKey.Read(entry), vector));
            }

            var checksum = new byte[PassageKey.Size];
            stream.ReadExactly(checksum);
            if (!checksum.AsSpan().SequenceEqual(hash.GetHashAndReset()))
            {
                throw new InvalidDataException("checksum mismatch");
            }

            _dimension = dimension;
            return entries;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            // Complete files only ever appear by rename, so this one is damaged for good: remove it, encode again.
            LogSegmentIgnored(_logger, Path.GetFileName(file), ex.Message);
            TryDelete(file);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Perhaps compacted away by another process between listing and opening; or not ours to read.
            LogSegmentUnreadable(_logger, Path.GetFileName(file), ex.GetType().Name);
            return null;
        }
    }

    // The file is little-endian; so is nearly every machine .NET runs on, where the bytes are copied as they are.
    private static void WriteFloats(ReadOnlySpan<float> vector, Span<byte> destination)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(vector).CopyTo(destination);
            return;
        }

        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(destination[(i * sizeof(float))..], vector[i]);
        }
    }

    private static void ReadFloats(ReadOnlySpan<byte> source, Span<float> vector)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(source).CopyTo(vector);
            return;
        }

        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = BinaryPrimitives.ReadSingleLittleEndian(source[(i * sizeof(float))..]);
        }
    }

    private static void Read(FileStream stream, IncrementalHash hash, byte[] buffer)
    {
        stream.ReadExactly(buffer);
        hash.AppendData(buffer);
    }

    private void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogDeleteFailed(_logger, Path.GetFileName(file), ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 2120, Level = LogLevel.Information, Message = "Read {Vectors} passage vectors kept on disk ({Segments} files) in {Milliseconds:F0} ms")]
    private static partial void LogLoaded(ILogger logger, int vectors, int segments, double milliseconds);

    [LoggerMessage(EventId = 2121, Level = LogLevel.Warning, Message = "Ignored the damaged vector file {File} ({Reason}); its passages are encoded again")]
    private static partial void LogSegmentIgnored(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 2122, Level = LogLevel.Warning, Message = "Could not read the vector file {File} ({Error}); its passages are encoded again")]
    private static partial void LogSegmentUnreadable(ILogger logger, string file, string error);

    [LoggerMessage(EventId = 2123, Level = LogLevel.Warning, Message = "Could not read the Stories:IndexPath folder ({Error}); every passage is encoded")]
    private static partial void LogFolderUnreadable(ILogger logger, string error);

    [LoggerMessage(EventId = 2124, Level = LogLevel.Warning, Message = "Could not keep the passage vectors on disk ({Error}); they are encoded again after a restart")]
    private static partial void LogWriteFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 2125, Level = LogLevel.Information, Message = "Compacted the passage vectors kept on disk from {Before} to {After} in {Milliseconds:F0} ms")]
    private static partial void LogCompacted(ILogger logger, long before, long after, double milliseconds);

    [LoggerMessage(EventId = 2126, Level = LogLevel.Debug, Message = "Could not delete the vector file {File} ({Error})")]
    private static partial void LogDeleteFailed(ILogger logger, string file, string error);
}
