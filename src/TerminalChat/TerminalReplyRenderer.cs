using System.Globalization;
using System.Text;
using ChatCommands;

namespace TerminalChat;

/// <summary>Renders a <see cref="Reply"/> as terminal text; matched words in bold (ANSI) or between ** when not a terminal.</summary>
public static class TerminalReplyRenderer
{
    private const string BoldOn = "\u001b[1m";
    private const string BoldOff = "\u001b[0m";

    public static string Render(Reply reply, bool ansi)
    {
        var text = new StringBuilder();
        var heading = reply.Kind == ReplyKind.Error ? $"! {reply.Text}" : reply.Title;
        text.AppendLine(heading);
        if (reply.Kind != ReplyKind.Error && !string.IsNullOrEmpty(reply.Text))
        {
            text.AppendLine(reply.Text);
        }

        // Fact commands pair each field (what was said, what a number counts) with the sentence it came from:
        // print them together rather than as two lists that repeat each other.
        var paired = reply.Citations.Count > 0 && reply.Citations.Count == reply.Fields.Count;
        var number = reply.Page?.FirstItem ?? 1;
        for (var i = 0; i < reply.Citations.Count; i++)
        {
            var citation = reply.Citations[i];
            text.Append(CultureInfo.InvariantCulture, $"{number++,3}. ");
            if (paired)
            {
                text.Append(reply.Fields[i].Name).Append(": ").AppendLine(reply.Fields[i].Value);
                text.Append("     “");
                AppendHighlighted(text, citation.Text, citation.Highlights, ansi);
                text.AppendLine("”");
            }
            else
            {
                if (citation.Label is { } label)
                {
                    text.Append(label).Append(": ");
                }

                if (citation.Answer is { Length: > 0 } answer)
                {
                    AppendHighlighted(text, answer, [new Highlight(0, answer.Length)], ansi);
                    text.Append(" — ");
                }

                AppendHighlighted(text, citation.Text, citation.Highlights, ansi);
                text.AppendLine();
            }

            text.Append("     — ").Append(citation.StoryName).Append(CultureInfo.InvariantCulture, $", paragraph {citation.Paragraph}");
            if (citation.Confidence is { } confidence)
            {
                text.Append(CultureInfo.InvariantCulture, $", confidence {confidence * 100:0}%");
            }

            text.AppendLine();
        }

        if (!paired)
        {
            foreach (var field in reply.Fields)
            {
                text.Append("  ").Append(field.Name).Append(": ").AppendLine(field.Value);
            }
        }

        if (reply.Page is { } page)
        {
            text.Append(CultureInfo.InvariantCulture, $"  ({page.FirstItem}–{page.LastItem} of {page.TotalItems}");
            text.Append(page.HasNext ? "; /more for the next page" : string.Empty);
            text.Append(page.HasPrevious ? "; /back for the previous one" : string.Empty);
            text.AppendLine(")");
        }

        return text.ToString();
    }

    private static void AppendHighlighted(StringBuilder text, string sentence, IReadOnlyList<Highlight> highlights, bool ansi)
    {
        var at = 0;
        foreach (var h in highlights.Where(h => h.Start >= 0 && h.Length > 0 && h.Start + h.Length <= sentence.Length).OrderBy(h => h.Start))
        {
            if (h.Start < at)
            {
                continue; // overlapping ranges: the first one wins
            }

            text.Append(sentence, at, h.Start - at);
            text.Append(ansi ? BoldOn : "**").Append(sentence, h.Start, h.Length).Append(ansi ? BoldOff : "**");
            at = h.Start + h.Length;
        }

        text.Append(sentence, at, sentence.Length - at);
    }
}
