using System.Globalization;
using ChatCommands;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SlackBot.Interactions;

/// <summary>
/// Remembers which command a "Previous" / "More answers" button pages through. The button's value carries only a
/// short random key (a guess finds nothing); the request itself stays in the <see cref="IDistributedCache"/> (shared
/// by every replica when it is Redis), bounded in age, because a button value is visible to anyone who can see the
/// message.
/// </summary>
public sealed class SlackPagingStore
{
    /// <summary>Cache keys of this store start with this (followed by ':').</summary>
    public const string CacheNamespace = "slack-page";

    private const int MaxPage = 100_000;

    private readonly RequestMemory _memory;

    public SlackPagingStore(IDistributedCache cache, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackPagingStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _memory = new RequestMemory(cache, CacheNamespace, options.Value.PagingCacheSize, options.Value.PagingCacheLifetime, time, logger);
    }

    /// <summary>Requests this process stored that have not expired.</summary>
    public int Count => _memory.Count;

    /// <summary>A token naming <paramref name="request"/> (without its page), for a button's value; null when the cache could not store it.</summary>
    public ValueTask<string?> RememberAsync(CommandRequest request, CancellationToken cancellationToken) =>
        _memory.RememberAsync(request, string.Empty, cancellationToken);

    /// <summary>The request at the page a button's value names, and its token; null when malformed, unknown, expired or the cache cannot be reached.</summary>
    public async ValueTask<(CommandRequest Request, string Token)?> RecallAsync(string? value, CancellationToken cancellationToken)
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
        return await _memory.RecallAsync(token, cancellationToken).ConfigureAwait(false) is { } request ? (request with { Page = page }, token) : null;
    }
}
