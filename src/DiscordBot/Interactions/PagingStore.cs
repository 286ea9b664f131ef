using System.Text;
using ChatCommands;
using DiscordBot.Rendering;
using Microsoft.Extensions.Options;

namespace DiscordBot.Interactions;

/// <summary>
/// Remembers which command a "previous" / "next" button pages through. A button's custom_id holds at most 100
/// characters, so a short request is encoded into the id itself (it then survives restarts) and a longer one is kept
/// here, bounded in count and age, under a short random key.
/// </summary>
public sealed class PagingStore
{
    private const string Prefix = "pg:";
    private const string Inline = "c:";
    private const string Stored = "s:";

    // "pg:" + a page number + ":" must still fit next to the token.
    private const int PageReserve = 3 + 6 + 1;

    private readonly RequestMemory _memory;

    public PagingStore(IOptions<DiscordOptions> options, TimeProvider time) =>
        _memory = new RequestMemory(options.Value.PagingCacheSize, options.Value.PagingCacheLifetime, time);

    public int Count => _memory.Count;

    /// <summary>A token naming <paramref name="request"/> (without its page), for <see cref="CustomId"/>.</summary>
    public string Remember(CommandRequest request)
    {
        var inline = Encode(request);
        if (inline is not null && Prefix.Length + inline.Length + PageReserve <= DiscordLimits.CustomId)
        {
            return inline;
        }

        return _memory.Remember(request, Stored);
    }

    public static string CustomId(string token, int page) => $"{Prefix}{page}:{token}";

    /// <summary>The request and page a button's custom_id stands for, or null when it is not ours, malformed or expired.</summary>
    public CommandRequest? Recall(string? customId)
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
        else
        {
            request = _memory.Recall(token);
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
