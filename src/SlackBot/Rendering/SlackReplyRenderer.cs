using System.Globalization;
using ChatCommands;
using SlackBot.Wire;

namespace SlackBot.Rendering;

/// <summary>
/// Renders a <see cref="Reply"/> as a Block Kit message: the title in bold, free text, each citation as a section
/// (matched words in bold) with a context line naming its source, fields, the page position and paging buttons.
/// All story and user text is escaped (see <see cref="SlackMrkdwn"/>) and every part is cut to Slack's limits.
/// </summary>
public sealed class SlackReplyRenderer
{
    public const string PreviousActionId = "storybot_page_previous";
    public const string NextActionId = "storybot_page_next";
    public const string PreviousLabel = "Previous";
    public const string NextLabel = "More answers";

    // Titles are headings, not paragraphs: shorter than a section allows.
    private const int TitleMax = SlackLimits.HeaderText;

    /// <param name="pagingToken">Names the request in the paging cache; null when the reply has no buttons.</param>
    /// <param name="responseType"><c>ephemeral</c> or <c>in_channel</c>.</param>
    public SlackMessage Render(Reply reply, string? pagingToken, string responseType, bool? replaceOriginal = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var head = new List<Block>(3);
        var title = reply.Title.Trim();
        if (title.Length > 0)
        {
            var bold = reply.IsError ? ":warning: " : string.Empty;
            head.Add(Section(bold + SlackMrkdwn.Highlight(title, [new Highlight(0, title.Length)], TitleMax - bold.Length)));
        }

        if (!string.IsNullOrWhiteSpace(reply.Text))
        {
            head.Add(Section(SlackMrkdwn.EscapeAndFit(reply.Text.Trim(), SlackLimits.SectionText)));
        }

        var tail = new List<Block>(2);
        if (reply.Page is { Count: > 1 } page)
        {
            tail.Add(Context(string.Create(CultureInfo.InvariantCulture, $"{page.FirstItem}–{page.LastItem} of {page.TotalItems}")));
            if (pagingToken is not null && (page.HasPrevious || page.HasNext))
            {
                var buttons = new List<ButtonElement>(2);
                if (page.HasPrevious)
                {
                    buttons.Add(new ButtonElement(new PlainText(PreviousLabel), PreviousActionId, PageValue(page.Index - 1, pagingToken)));
                }

                if (page.HasNext)
                {
                    buttons.Add(new ButtonElement(new PlainText(NextLabel), NextActionId, PageValue(page.Index + 1, pagingToken)));
                }

                tail.Add(new ActionsBlock(buttons));
            }
        }

        // Citations take two blocks each and field groups one; whatever does not fit Slack's 50 is counted in a note.
        var budget = SlackLimits.BlocksPerMessage - head.Count - tail.Count;
        var body = new List<Block>();
        var items = reply.Citations.Count + reply.Fields.Count;
        var shown = 0;
        foreach (var citation in reply.Citations)
        {
            if (body.Count + 2 > budget - (shown + 1 < items ? 1 : 0))
            {
                break;
            }

            body.Add(Section(CitationText(citation)));
            body.Add(Context(Source(citation)));
            shown++;
        }

        if (shown == reply.Citations.Count)
        {
            for (var i = 0; i < reply.Fields.Count; i += SlackLimits.SectionFields)
            {
                var group = reply.Fields.Skip(i).Take(SlackLimits.SectionFields).ToList();
                if (body.Count + 1 > budget - (shown + group.Count < items ? 1 : 0))
                {
                    break;
                }

                body.Add(new SectionBlock(null, [.. group.Select(FieldText)]));
                shown += group.Count;
            }
        }

        if (shown < items)
        {
            body.Add(Context(string.Create(CultureInfo.InvariantCulture, $"{items - shown} more not shown.")));
        }

        var blocks = new List<Block>(head.Count + body.Count + tail.Count);
        blocks.AddRange(head);
        blocks.AddRange(body);
        blocks.AddRange(tail);
        return new SlackMessage(responseType, Fallback(reply), blocks, replaceOriginal);
    }

    /// <summary>What a paging button's value says: the page to show and the cache token, e.g. <c>2:Ab3x</c>.</summary>
    public static string PageValue(int page, string token) => string.Create(CultureInfo.InvariantCulture, $"{page}:{token}");

    internal static string CitationText(Citation citation)
    {
        var label = string.IsNullOrWhiteSpace(citation.Label)
            ? string.Empty
            : SlackMrkdwn.Highlight(citation.Label.Trim(), [new Highlight(0, citation.Label.Trim().Length)], 200) + ": ";
        if (!string.IsNullOrWhiteSpace(citation.Answer))
        {
            label += SlackMrkdwn.Highlight(citation.Answer.Trim(), [new Highlight(0, citation.Answer.Trim().Length)], 200) + " — ";
        }

        return label + SlackMrkdwn.Highlight(citation.Text, citation.Highlights, SlackLimits.SectionText - label.Length);
    }

    internal static string Source(Citation citation)
    {
        var suffix = citation.Confidence is { } confidence && double.IsFinite(confidence)
            ? string.Create(CultureInfo.InvariantCulture, $", paragraph {citation.Paragraph} · confidence {Math.Round(Math.Clamp(confidence, 0, 1) * 100):0}%")
            : string.Create(CultureInfo.InvariantCulture, $", paragraph {citation.Paragraph}");
        return SlackMrkdwn.EscapeAndFit(citation.StoryName, SlackLimits.ContextElementText - suffix.Length) + suffix;
    }

    private static MrkdwnText FieldText(ReplyField field)
    {
        var name = field.Name.Trim();
        var heading = name.Length == 0 ? string.Empty : SlackMrkdwn.Highlight(name, [new Highlight(0, name.Length)], 200) + "\n";
        return new MrkdwnText(NonEmpty(heading + SlackMrkdwn.EscapeAndFit(field.Value, SlackLimits.SectionField - heading.Length)));
    }

    private static string Fallback(Reply reply)
    {
        var first = reply.Text ?? (reply.Citations.Count > 0 ? reply.Citations[0].Text : null);
        var plain = string.IsNullOrWhiteSpace(first) ? reply.Title : $"{reply.Title}: {first}";
        return NonEmpty(SlackMrkdwn.EscapeAndFit(plain, SlackLimits.FallbackText));
    }

    // Slack refuses empty text objects; an empty value from a command should not cost the whole message.
    private static SectionBlock Section(string mrkdwn) => new(new MrkdwnText(NonEmpty(mrkdwn)));

    private static ContextBlock Context(string mrkdwn) => new([new MrkdwnText(NonEmpty(mrkdwn))]);

    private static string NonEmpty(string mrkdwn) => string.IsNullOrWhiteSpace(mrkdwn) ? SlackMrkdwn.Ellipsis : mrkdwn;
}
