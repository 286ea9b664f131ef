using System.Text;
using ChatCommands;

namespace SlackBot.Rendering;

/// <summary>
/// Turns story text into Slack mrkdwn that shows literally and never pings. Slack's control characters
/// <c>&amp; &lt; &gt;</c> become entities, which also breaks every mention and link form (<c>&lt;!channel&gt;</c>,
/// <c>&lt;@U123&gt;</c>, <c>&lt;http://x|y&gt;</c>); a zero-width space after each '@' keeps bare "@here" inert even
/// where a client would link names. Slack has no backslash escape for its formatting marks (<c>* _ ~ `</c>), so each
/// is followed by a zero-width space too: a mark followed by a space-like character opens no bold, italics,
/// strikethrough or code, and the text still reads (and copies) as written, unlike look-alike replacements.
/// </summary>
/// <remarks>
/// Escaping maps each character on its own, so the escaped length of any prefix is known exactly; that is what
/// lets text be cut on the plain string and still fit the escaped limit.
/// </remarks>
public static class SlackMrkdwn
{
    public const string Ellipsis = "…";

    private const char ZeroWidthSpace = '\u200B';

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        AppendEscaped(builder, text);
        return builder.ToString();
    }

    /// <summary>Escapes and, when too long, cuts on a word boundary with an ellipsis; the result is at most <paramref name="max"/> characters.</summary>
    public static string EscapeAndFit(string text, int max) => Highlight(text, [], max);

    /// <summary>
    /// Escapes <paramref name="text"/>, wraps the <paramref name="highlights"/> in <c>*bold*</c>, and fits the result
    /// in <paramref name="max"/> characters, cutting on a word boundary and ending with an ellipsis when it is longer.
    /// Highlights that overlap, fall outside the text or would not render as bold are dropped rather than trusted.
    /// </summary>
    public static string Highlight(string text, IReadOnlyList<Highlight> highlights, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(highlights);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (max == 0)
        {
            return string.Empty;
        }

        var spans = CleanHighlights(text, highlights);
        if (RenderedLength(text, text.Length, spans) <= max)
        {
            return Render(text, text.Length, spans, ellipsis: false);
        }

        var cut = CutPoint(text, spans, max - Ellipsis.Length);
        return Render(text, cut, spans, ellipsis: true);
    }

    /// <summary>
    /// Undoes the escaping Slack applies to text it sends (a slash command's <c>text</c>): only <c>&amp;amp;</c>,
    /// <c>&amp;lt;</c> and <c>&amp;gt;</c>, so "AT&amp;T" reaches the command as typed. Anything else stays literal.
    /// </summary>
    public static string Unescape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }

        // One pass, so "&amp;lt;" becomes "&lt;" (what the user typed), not "<".
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var rest = text.AsSpan(i);
            if (rest.StartsWith("&amp;", StringComparison.Ordinal))
            {
                builder.Append('&');
                i += 4;
            }
            else if (rest.StartsWith("&lt;", StringComparison.Ordinal))
            {
                builder.Append('<');
                i += 3;
            }
            else if (rest.StartsWith("&gt;", StringComparison.Ordinal))
            {
                builder.Append('>');
                i += 3;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    internal static int Width(char c) => c switch
    {
        '&' => 5,
        '<' or '>' => 4,
        '@' or '*' or '_' or '~' or '`' => 2,
        _ => 1,
    };

    internal static void AppendEscaped(StringBuilder builder, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '@' or '*' or '_' or '~' or '`':
                    builder.Append(c).Append(ZeroWidthSpace);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
    }

    /// <summary>Sorted, non-overlapping, inside the text, trimmed of whitespace, and free of '*' (which would end the bold early).</summary>
    internal static List<Highlight> CleanHighlights(string text, IReadOnlyList<Highlight> highlights)
    {
        var result = new List<Highlight>(highlights.Count);
        var end = 0;
        foreach (var h in highlights.OrderBy(h => h.Start))
        {
            if (h.Length <= 0 || h.Start < end || h.Start < 0 || h.Start > text.Length - h.Length)
            {
                continue;
            }

            var start = h.Start;
            var stop = h.Start + h.Length;
            while (start < stop && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (stop > start && char.IsWhiteSpace(text[stop - 1]))
            {
                stop--;
            }

            if (stop == start || text.AsSpan(start, stop - start).Contains('*') ||
                char.IsLowSurrogate(text[start]) || char.IsHighSurrogate(text[stop - 1]))
            {
                continue;
            }

            result.Add(new Highlight(start, stop - start));
            end = stop;
        }

        return result;
    }

    /// <summary>Length of the rendering of <c>text[..length]</c>, highlights clipped to it, without an ellipsis.</summary>
    internal static int RenderedLength(string text, int length, List<Highlight> spans)
    {
        var total = 0;
        for (var i = 0; i < length; i++)
        {
            total += Width(text[i]);
        }

        foreach (var h in spans)
        {
            if (h.Start < length)
            {
                total += 2;
            }
        }

        return total;
    }

    /// <summary>
    /// The longest prefix whose rendering fits <paramref name="budget"/>, moved back to the last whitespace when that
    /// keeps at least half, without trailing whitespace or a split surrogate pair.
    /// </summary>
    internal static int CutPoint(string text, List<Highlight> spans, int budget)
    {
        if (budget <= 0)
        {
            return 0;
        }

        var used = 0;
        var fit = 0;
        var next = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var width = Width(text[i]);
            if (next < spans.Count && spans[next].Start == i)
            {
                // Opening a bold span costs its closing '*' too, wherever it ends up.
                width += 2;
            }

            if (used + width > budget)
            {
                break;
            }

            used += width;
            fit = i + 1;
            if (next < spans.Count && spans[next].Start == i)
            {
                next++;
            }
        }

        return ReplyText.CutBack(text, fit);
    }

    private static string Render(string text, int length, List<Highlight> spans, bool ellipsis)
    {
        var builder = new StringBuilder(length + 16);
        var position = 0;
        foreach (var h in spans)
        {
            if (h.Start >= length)
            {
                break;
            }

            var stop = Math.Min(h.Start + h.Length, length);

            // A span clipped to end in whitespace would not render as bold; close it before the space.
            while (stop > h.Start && char.IsWhiteSpace(text[stop - 1]))
            {
                stop--;
            }

            if (stop == h.Start || (stop > h.Start && char.IsHighSurrogate(text[stop - 1])))
            {
                // Nothing left worth emphasising; the span's two characters of budget simply go unused.
                continue;
            }

            AppendEscaped(builder, text.AsSpan(position, h.Start - position));
            builder.Append('*');
            AppendEscaped(builder, text.AsSpan(h.Start, stop - h.Start));
            builder.Append('*');
            position = stop;
        }

        if (position < length)
        {
            AppendEscaped(builder, text.AsSpan(position, length - position));
        }

        if (ellipsis)
        {
            builder.Append(Ellipsis);
        }

        return builder.ToString();
    }
}
