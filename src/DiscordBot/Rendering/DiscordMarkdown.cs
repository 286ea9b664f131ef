using System.Text;
using ChatCommands;

namespace DiscordBot.Rendering;

/// <summary>
/// Turns story text into Discord markdown that shows literally: formatting characters are backslash-escaped and
/// mention syntax is broken so it neither renders as a mention nor pings (allowed_mentions also forbids pings;
/// this keeps "@everyone" from even looking like one).
/// </summary>
/// <remarks>
/// Escaping is a per-character mapping that depends only on what came before, so escaping a prefix of a text gives a
/// prefix of the escaped text. That is what lets <see cref="EscapeAndFit"/> cut on the plain text and still know the
/// escaped length exactly.
/// </remarks>
public static class DiscordMarkdown
{
    public const string Ellipsis = "…";

    // Breaks "@everyone", "@here" and "@name" without hiding the text.
    private const char ZeroWidthSpace = '\u200B';

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        AppendEscaped(builder, text, lineStart: true);
        return builder.ToString();
    }

    /// <summary>Escapes <paramref name="text"/> and, when that is longer than <paramref name="max"/>, cuts it on a word
    /// boundary and ends it with an ellipsis, so the result is at most <paramref name="max"/> characters.</summary>
    public static string EscapeAndFit(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (max == 0)
        {
            return string.Empty;
        }

        if (IsPlain(text))
        {
            // Nothing to escape (the usual case for our own labels): no copy.
            return text.Length <= max ? text : string.Concat(text.AsSpan(0, CutPoint(text, max - Ellipsis.Length)), Ellipsis);
        }

        var escapedLength = EscapedLength(text, text.Length);
        if (escapedLength <= max)
        {
            var whole = new StringBuilder(escapedLength);
            AppendEscaped(whole, text, lineStart: true);
            return whole.ToString();
        }

        var cut = CutPoint(text, max - Ellipsis.Length);
        var builder = new StringBuilder(Math.Min(max, (2 * cut) + Ellipsis.Length));
        AppendEscaped(builder, text.AsSpan(0, cut), lineStart: true);
        builder.Append(Ellipsis);
        return builder.ToString();
    }

    /// <summary>
    /// The longest prefix length of <paramref name="text"/> whose escaped form fits in <paramref name="budget"/>,
    /// moved back to the last whitespace (when that keeps at least half) and without trailing whitespace or a split
    /// surrogate pair.
    /// </summary>
    internal static int CutPoint(string text, int budget)
    {
        if (budget <= 0)
        {
            return 0;
        }

        var used = 0;
        var fit = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var width = EscapedWidth(text, i);
            if (used + width > budget)
            {
                break;
            }

            used += width;
            fit = i + 1;
        }

        return ReplyText.CutBack(text, fit);
    }

    private static bool IsPlain(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '@' || NeedsBackslash(c, i == 0 || text[i - 1] == '\n'))
            {
                return false;
            }
        }

        return true;
    }

    internal static int EscapedLength(string text, int length)
    {
        var total = 0;
        for (var i = 0; i < length; i++)
        {
            total += EscapedWidth(text, i);
        }

        return total;
    }

    internal static void AppendEscaped(StringBuilder builder, ReadOnlySpan<char> text, bool lineStart)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var atLineStart = i == 0 ? lineStart : text[i - 1] == '\n';
            if (NeedsBackslash(c, atLineStart))
            {
                builder.Append('\\').Append(c);
            }
            else if (c == '@')
            {
                builder.Append('@').Append(ZeroWidthSpace);
            }
            else if (c == '\r')
            {
                // Dropped: Discord renders "\r\n" and "\n" alike, and a lone CR would only confuse the line-start rules.
            }
            else
            {
                builder.Append(c);
            }
        }
    }

    private static int EscapedWidth(string text, int i)
    {
        var c = text[i];
        var atLineStart = i == 0 || text[i - 1] == '\n';
        return c switch
        {
            '\r' => 0,
            '@' => 2,
            _ when NeedsBackslash(c, atLineStart) => 2,
            _ => 1,
        };
    }

    // Emphasis, code, spoilers, strikethrough, masked links and "<@id>" / "<#id>" / "<t:...>" syntax anywhere;
    // headings, quotes and list bullets only where Discord reads them, at the start of a line.
    private static bool NeedsBackslash(char c, bool atLineStart) => c switch
    {
        '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' or '<' => true,
        '>' or '#' or '-' or '+' => atLineStart,
        _ => false,
    };
}
