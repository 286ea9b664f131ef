using System.Globalization;
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

    private readonly RequestMemory _memory;

    public SlackPagingStore(IOptions<SlackOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _memory = new RequestMemory(options.Value.PagingCacheSize, options.Value.PagingCacheLifetime, time);
    }

    public int Count => _memory.Count;

    /// <summary>A token naming <paramref name="request"/> (without its page), for a button's value.</summary>
    public string Remember(CommandRequest request) => _memory.Remember(request);

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
        return _memory.Recall(token) is { } request ? (request with { Page = page }, token) : null;
    }
}
