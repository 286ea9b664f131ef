using System.Globalization;
using System.Text;
using ChatCommands;
using DiscordBot.Interactions;
using DiscordBot.Wire;

namespace DiscordBot.Rendering;

/// <summary>
/// Renders a platform-neutral <see cref="Reply"/> as a Discord message: one embed (answer sentences with matched
/// words in bold, their story and paragraph, confidence; fields for who-said-what; footer "page N of M") and paging
/// buttons. Story text is escaped, nothing may ping, and every part is cut to Discord's limits on a word boundary.
/// Errors become short ephemeral text.
/// </summary>
public sealed class DiscordReplyRenderer
{
    private const string EmptyField = "\u200B";
    private const string BlockSeparator = "\n\n";

    // Below this a cut citation says too little to be worth showing; the rest are counted instead.
    private const int MinCitationBlock = 80;

    // Room kept in the footer for " · N more fields not shown".
    private const int FooterNoteReserve = 40;

    /// <param name="reply">What the command answered.</param>
    /// <param name="pagingToken">
    /// The <see cref="PagingStore"/> token of the request, for the paging buttons of a reply with several pages; with
    /// none the reply goes without buttons.
    /// </param>
    public InteractionCallbackData Render(Reply reply, string? pagingToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.IsError)
        {
            return Error(reply.Text ?? reply.Title);
        }

        var embed = RenderEmbed(reply);
        return new InteractionCallbackData(
            Embeds: [embed],
            AllowedMentions: AllowedMentions.None,
            Components: PagingButtons(reply.Page, pagingToken));
    }

    /// <summary>A private plain-text message (only the user who asked sees it).</summary>
    public static InteractionCallbackData Error(string message) => new(
        Content: DiscordMarkdown.EscapeAndFit(message, DiscordLimits.Content),
        AllowedMentions: AllowedMentions.None,
        Flags: MessageFlags.Ephemeral,
        Components: []);

    private static Embed RenderEmbed(Reply reply)
    {
        var title = DiscordMarkdown.EscapeAndFit(reply.Title, DiscordLimits.EmbedTitle);
        var footerBase = reply.Page is { } page
            ? string.Create(CultureInfo.InvariantCulture, $"Page {page.Index + 1} of {page.Count} · results {page.FirstItem}–{page.LastItem} of {page.TotalItems}")
            : null;
        footerBase = footerBase is null ? null : DiscordMarkdown.EscapeAndFit(footerBase, DiscordLimits.Footer - FooterNoteReserve);
        var fixedLength = title.Length + (footerBase?.Length ?? 0) + (reply.Fields.Count > 0 ? FooterNoteReserve : 0);

        var descriptionBudget = Math.Min(DiscordLimits.EmbedDescription, DiscordLimits.EmbedTotal - fixedLength);
        var description = Description(reply, descriptionBudget);

        var fieldBudget = DiscordLimits.EmbedTotal - fixedLength - description.Length;
        var fields = Fields(reply.Fields, fieldBudget, out var droppedFields);

        var footer = footerBase;
        if (droppedFields > 0)
        {
            var note = string.Create(CultureInfo.InvariantCulture, $"{droppedFields} more not shown");
            footer = footer is null ? note : $"{footer} · {note}";
        }

        // Discord refuses an embed with nothing in it.
        if (title.Length == 0 && description.Length == 0 && fields.Count == 0)
        {
            description = reply.Kind == ReplyKind.NotFound ? "Nothing found." : "(empty reply)";
        }

        return new Embed(
            Title: title.Length > 0 ? title : null,
            Description: description.Length > 0 ? description : null,
            Fields: fields.Count > 0 ? fields : null,
            Footer: footer is null ? null : new EmbedFooter(footer),
            Color: Colour(reply.Kind));
    }

    private static string Description(Reply reply, int budget)
    {
        if (budget <= 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        var citations = reply.Citations;
        if (reply.Text is { Length: > 0 } text)
        {
            // Leave the citations at least half when both are present.
            var textBudget = citations.Count > 0 ? budget / 2 : budget;
            builder.Append(DiscordMarkdown.EscapeAndFit(text, textBudget));
        }

        if (citations.Count == 0)
        {
            return builder.ToString();
        }

        var firstNumber = reply.Page?.FirstItem ?? 1;
        var remaining = budget - builder.Length;
        var shown = Math.Min(citations.Count, Math.Max(1, remaining / (MinCitationBlock + BlockSeparator.Length)));
        var moreNote = shown < citations.Count
            ? string.Create(CultureInfo.InvariantCulture, $"{BlockSeparator}(+{citations.Count - shown} more)")
            : string.Empty;
        remaining -= moreNote.Length;

        for (var i = 0; i < shown; i++)
        {
            var separator = builder.Length > 0 ? BlockSeparator : string.Empty;
            var share = ((remaining - (separator.Length * (shown - i))) / (shown - i));
            if (share <= 0)
            {
                break;
            }

            var block = CitationBlock(citations[i], firstNumber + i, share);
            if (block.Length == 0)
            {
                continue;
            }

            builder.Append(separator).Append(block);
            remaining -= separator.Length + block.Length;
        }

        if (moreNote.Length > 0 && builder.Length + moreNote.Length <= budget)
        {
            builder.Append(moreNote);
        }

        return builder.ToString();
    }

    /// <summary>"**N.** Label: “sentence with **matches**”" and a source line, in at most <paramref name="max"/> characters.</summary>
    internal static string CitationBlock(Citation citation, int number, int max)
    {
        var source = DiscordMarkdown.EscapeAndFit(SourceLine(citation), Math.Min(200, max / 3));
        var lead = string.Create(CultureInfo.InvariantCulture, $"**{number}.** ");
        if (citation.Label is { Length: > 0 } label)
        {
            lead += DiscordMarkdown.EscapeAndFit(label, 100) + ": ";
        }

        if (citation.Answer is { Length: > 0 } answer)
        {
            lead += "**" + DiscordMarkdown.EscapeAndFit(answer, 100) + "** — ";
        }

        // Quotes and the line break around the sentence.
        var sentenceBudget = max - lead.Length - source.Length - 3;
        if (sentenceBudget < 1)
        {
            return DiscordMarkdown.EscapeAndFit(SourceLine(citation), max);
        }

        return string.Concat(lead, "“", HighlightedSentence(citation.Text, citation.Highlights, sentenceBudget), "”\n", source);
    }

    private static string SourceLine(Citation citation)
    {
        return citation.Confidence is { } confidence && double.IsFinite(confidence)
            ? string.Create(CultureInfo.InvariantCulture, $"— {citation.StoryName}, paragraph {citation.Paragraph} · confidence {Math.Clamp(confidence, 0, 1):0%}")
            : string.Create(CultureInfo.InvariantCulture, $"— {citation.StoryName}, paragraph {citation.Paragraph}");
    }

    /// <summary>The sentence escaped, highlighted ranges wrapped in <c>**</c>, cut to <paramref name="max"/> characters.</summary>
    internal static string HighlightedSentence(string text, IReadOnlyList<Highlight> highlights, int max)
    {
        // Line breaks inside a quoted sentence would break the layout.
        if (text.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            text = text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
        }

        var ranges = Normalise(text, highlights);
        var length = text.Length;
        var ellipsis = string.Empty;
        if (DiscordMarkdown.EscapedLength(text, text.Length) + (4 * ranges.Count) > max)
        {
            // Conservative: as if every highlight survived the cut, so the result always fits.
            length = DiscordMarkdown.CutPoint(text, max - DiscordMarkdown.Ellipsis.Length - (4 * ranges.Count));
            ellipsis = DiscordMarkdown.Ellipsis;
        }

        var builder = new StringBuilder(Math.Min(max, (2 * length) + (4 * ranges.Count) + 1));
        var position = 0;
        foreach (var (start, end) in ranges)
        {
            var clippedEnd = Math.Min(end, length);
            if (start >= clippedEnd)
            {
                break;
            }

            AppendPlain(builder, text, position, start);
            builder.Append("**");
            AppendPlain(builder, text, start, clippedEnd);
            builder.Append("**");
            position = clippedEnd;
        }

        AppendPlain(builder, text, position, length);
        builder.Append(ellipsis);
        return builder.ToString();
    }

    private static void AppendPlain(StringBuilder builder, string text, int start, int end)
    {
        if (end > start)
        {
            DiscordMarkdown.AppendEscaped(builder, text.AsSpan(start, end - start), lineStart: start == 0 || text[start - 1] == '\n');
        }
    }

    /// <summary>Highlights clamped to the text, sorted, merged when they touch, and trimmed of surrounding
    /// whitespace (Discord does not bold "** word**").</summary>
    private static List<(int Start, int End)> Normalise(string text, IReadOnlyList<Highlight> highlights)
    {
        var ranges = new List<(int Start, int End)>(highlights.Count);
        var sorted = highlights;
        for (var i = 1; i < highlights.Count; i++)
        {
            if (highlights[i].Start < highlights[i - 1].Start)
            {
                sorted = [.. highlights.OrderBy(h => h.Start)];
                break;
            }
        }

        foreach (var highlight in sorted)
        {
            var start = Math.Clamp(highlight.Start, 0, text.Length);
            var end = Math.Clamp((long)highlight.Start + Math.Max(0, highlight.Length), 0, text.Length);
            var e = (int)end;
            while (start < e && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (e > start && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            if (start >= e)
            {
                continue;
            }

            if (ranges.Count > 0 && start <= ranges[^1].End)
            {
                ranges[^1] = (ranges[^1].Start, Math.Max(ranges[^1].End, e));
            }
            else
            {
                ranges.Add((start, e));
            }
        }

        return ranges;
    }

    private static List<EmbedField> Fields(IReadOnlyList<ReplyField> source, int budget, out int dropped)
    {
        var fields = new List<EmbedField>(Math.Min(source.Count, DiscordLimits.EmbedFields));
        foreach (var field in source)
        {
            if (fields.Count == DiscordLimits.EmbedFields)
            {
                break;
            }

            var name = NonEmpty(DiscordMarkdown.EscapeAndFit(field.Name, DiscordLimits.FieldName));
            var valueBudget = Math.Min(DiscordLimits.FieldValue, budget - name.Length);
            if (valueBudget < Math.Min(32, DiscordLimits.FieldValue))
            {
                break;
            }

            var value = NonEmpty(DiscordMarkdown.EscapeAndFit(field.Value, valueBudget));
            fields.Add(new EmbedField(name, value));
            budget -= name.Length + value.Length;
        }

        dropped = source.Count - fields.Count;
        return fields;
    }

    private static string NonEmpty(string text) => text.Length > 0 ? text : EmptyField;

    private static IReadOnlyList<MessageComponent> PagingButtons(PageInfo? page, string? token)
    {
        if (page is null || token is null || page.Count < 2)
        {
            // An empty list (not null) so an updated message loses the buttons of the page it replaces.
            return [];
        }

        return
        [
            MessageComponent.ActionRow(
                MessageComponent.Button(PagingStore.CustomId(token, Math.Max(0, page.Index - 1)), "◀ Previous", ButtonStyle.Secondary, disabled: !page.HasPrevious),
                MessageComponent.Button(PagingStore.CustomId(token, page.Index + 1), "More answers ▶", ButtonStyle.Primary, disabled: !page.HasNext)),
        ];
    }

    private static int Colour(ReplyKind kind) => kind switch
    {
        ReplyKind.Answer => 0x5865F2,
        ReplyKind.NotFound => 0xFEE75C,
        ReplyKind.Info => 0x57F287,
        _ => 0xED4245,
    };
}
