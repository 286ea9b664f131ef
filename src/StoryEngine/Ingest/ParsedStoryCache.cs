using System.Security.Cryptography;

namespace StoryEngine.Ingest;

/// <summary>
/// The stories parsed by the last load, by file name and the SHA-256 of the file's bytes: a reload reads every file
/// again (cheap) but parses only those whose bytes changed. Parsing is a function of the name and the bytes, so a
/// story given again is the one parsing would make. Holds the last successful load's stories only. One load at a time.
/// </summary>
public sealed class ParsedStoryCache
{
    private readonly Lock _gate = new();
    private Dictionary<string, Entry> _kept = new(StringComparer.Ordinal);

    /// <summary>Stories the last load found here rather than parsed.</summary>
    public int Reused { get; private set; }

    /// <summary>Stories the last load parsed.</summary>
    public int Parsed { get; private set; }

    internal Dictionary<string, Entry> Kept
    {
        get
        {
            lock (_gate)
            {
                return _kept;
            }
        }
    }

    internal static byte[] Hash(byte[] bytes) => SHA256.HashData(bytes);

    /// <summary>Keeps what a finished load used (a load that found nothing to serve leaves the last one's).</summary>
    internal void Keep(Dictionary<string, Entry> used, int reused)
    {
        lock (_gate)
        {
            _kept = used;
            Reused = reused;
            Parsed = used.Count - reused;
        }
    }

    /// <summary>A parsed story and the hash of the bytes it was parsed from.</summary>
    internal sealed record Entry(byte[] Hash, Story Story);
}
