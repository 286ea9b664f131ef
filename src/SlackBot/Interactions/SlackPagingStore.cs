using System.Globalization;
using System.Security.Cryptography;
using ChatCommands;
using Microsoft.Extensions.Options;

namespace SlackBot.Interactions;

/// <summary>
/// Remembers which command a "Previous" / "More answers" button pages through. The button's value carries only a
/// short random key (a guess finds nothing); the request itself stays here, bounded in count and age, because a
/// button value is visible to anyone who can see the message.
/// </summary>
public sealed class SlackPagingStore
{
    private const int MaxPage = 100_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly TimeSpan _lifetime;

    public SlackPagingStore(IOptions<SlackOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _capacity = options.Value.PagingCacheSize;
        _lifetime = options.Value.PagingCacheLifetime;
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

    /// <summary>A token naming <paramref name="request"/> (without its page), for a button's value.</summary>
    public string Remember(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = NewKey();
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

    /// <summary>The request at the page a button's value names, and its token; null when malformed, unknown or expired.</summary>
    public (CommandRequest Request, string Token)? Recall(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 64)
        {
            return null;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 ||
            !int.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var page) ||
            page > MaxPage)
        {
            return null;
        }

        var token = value[(colon + 1)..];
        lock (_gate)
        {
            return _entries.TryGetValue(token, out var entry) && entry.Expires > _time.GetUtcNow()
                ? (entry.Request with { Page = page }, token)
                : null;
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
