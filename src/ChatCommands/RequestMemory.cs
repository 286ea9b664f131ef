using System.Security.Cryptography;

namespace ChatCommands;

/// <summary>
/// Remembers the requests that paging buttons point at, under short random keys (a guessed key finds nothing),
/// bounded in count (oldest forgotten first) and in age. Adapters put the key in a button; the request stays here.
/// </summary>
public sealed class RequestMemory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly int _capacity;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public RequestMemory(int capacity, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _capacity = capacity;
        _lifetime = lifetime;
        _time = time;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Stores <paramref name="request"/> (as its first page) and returns its key: <paramref name="prefix"/> and 16 URL-safe characters.</summary>
    public string Remember(CommandRequest request, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = prefix + NewKey();
        var expires = _time.GetUtcNow() + _lifetime;
        lock (_gate)
        {
            while (_entries.Count >= _capacity && _order.TryDequeue(out var oldest))
            {
                _entries.Remove(oldest);
            }

            _entries[key] = new Entry(request with { Page = 0 }, expires);
            _order.Enqueue(key);
        }

        return key;
    }

    /// <summary>The request stored under <paramref name="key"/>, or null when unknown, forgotten or expired.</summary>
    public CommandRequest? Recall(string key)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(key, out var entry) && entry.Expires > _time.GetUtcNow() ? entry.Request : null;
        }
    }

    private static string NewKey()
    {
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }

    private sealed record Entry(CommandRequest Request, DateTimeOffset Expires);
}
