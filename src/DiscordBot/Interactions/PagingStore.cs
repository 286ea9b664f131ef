using System.Text;
using ChatCommands;
using DiscordBot.Rendering;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordBot.Interactions;

/// <summary>
/// Remembers which command a "previous" / "next" button pages through. A button's custom_id holds at most 100
/// characters, so a short request is encoded into the id itself (it then survives restarts and needs no cache) and a
/// longer one is kept in the <see cref="IDistributedCache"/> (shared by every replica when it is Redis), bounded in
/// age, under a short random key.
/// </summary>
public sealed class PagingStore
{
    /// <summary>Cache keys of this store start with this (followed by ':').</summary>
    public const string CacheNamespace = "discord-page";

    private const string Prefix = "pg:";
    private const string Inline = "c:";
    private const string Stored = "s:";

    // "pg:" + a page number + ":" must still fit next to the token.
    private const int PageReserve = 3 + 6 + 1;

    private readonly RequestMemory _memory;

    public PagingStore(IDistributedCache cache, IOptions<DiscordOptions> options, TimeProvider time, ILogger<PagingStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _memory = new RequestMemory(cache, CacheNamespace, options.Value.PagingCacheSize, options.Value.PagingCacheLifetime, time, logger);
    }

    /// <summary>Requests this process stored in the cache (short ones travel in the button instead) that have not expired.</summary>
    public int Count => _memory.Count;

    /// <summary>
    /// A token naming <paramref name="request"/> (without its page), for <see cref="CustomId"/>; null when the request
    /// is too long for the button and the cache could not store it (the reply then goes without paging buttons).
    /// </summary>
    public async ValueTask<string?> RememberAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return InlineToken(request) ?? await _memory.RememberAsync(request, Stored, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The token that carries <paramref name="request"/> inside the button itself, or null when it does not fit.</summary>
    public static string? InlineToken(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inline = Encode(request);
        return inline is not null && Prefix.Length + inline.Length + PageReserve <= DiscordLimits.CustomId ? inline : null;
    }

    public static string CustomId(string token, int page) => $"{Prefix}{page}:{token}";

    /// <summary>
    /// The request and page a button's custom_id stands for, or null when it is not ours, malformed, expired, or the
    /// cache holding it cannot be reached.
    /// </summary>
    public async ValueTask<CommandRequest?> RecallAsync(string? customId, CancellationToken cancellationToken)
    {
        if (customId is null || !customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = customId.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0 || !int.TryParse(rest[..colon], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page))
        {
            return null;
        }

        var token = rest[(colon + 1)..].ToString();
        CommandRequest? request;
        if (token.StartsWith(Inline, StringComparison.Ordinal))
        {
            request = Decode(token);
        }
        else if (token.StartsWith(Stored, StringComparison.Ordinal))
        {
            request = await _memory.RecallAsync(token[Stored.Length..], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            request = null;
        }

        return request is null ? null : request with { Page = page };
    }

    private static string? Encode(CommandRequest request)
    {
        var builder = new StringBuilder(Inline).Append(Uri.EscapeDataString(request.Name)).Append('?');
        var first = true;
        foreach (var (name, value) in request.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (!first)
            {
                builder.Append('&');
            }

            first = false;
            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            if (builder.Length > DiscordLimits.CustomId)
            {
                return null;
            }
        }

        return builder.ToString();
    }

    private static CommandRequest? Decode(string token)
    {
        var body = token.AsSpan(Inline.Length);
        var question = body.IndexOf('?');
        if (question <= 0)
        {
            return null;
        }

        try
        {
            var name = Uri.UnescapeDataString(body[..question].ToString());
            var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var query = body[(question + 1)..].ToString();
            if (query.Length > 0)
            {
                foreach (var pair in query.Split('&'))
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        return null;
                    }

                    options[Uri.UnescapeDataString(pair[..equals])] = Uri.UnescapeDataString(pair[(equals + 1)..]);
                }
            }

            return new CommandRequest(name, options);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
