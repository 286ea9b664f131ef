using System.Text.Json;
using ChatCommands;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SlackBot.Rendering;
using SlackBot.Wire;
using SlackBot.Tests.Support;

namespace SlackBot.Tests.Rendering;

/// <summary>Whatever a command returns, the rendered message is one Slack accepts and it pings nobody.</summary>
[Properties(Arbitrary = [typeof(ReplyGenerators)], MaxTest = 200)]
public sealed class SlackReplyRendererPropertyTests
{
    private static readonly SlackReplyRenderer Renderer = new();

    [Property]
    public Property Every_rendered_message_fits_slack_limits(Reply reply)
    {
        var json = Serialize(Renderer.Render(reply, "tok3n", "ephemeral"));
        var problems = LimitProblems(json).ToList();
        return (problems.Count == 0).Label(string.Join("; ", problems));
    }

    [Property]
    public Property No_mention_or_link_syntax_survives_rendering(Reply reply)
    {
        var json = Serialize(Renderer.Render(reply, "tok3n", "in_channel"));
        var bad = SlackJson.AllText(json).Where(t =>
            t.Contains('<', StringComparison.Ordinal) || t.Contains('>', StringComparison.Ordinal) ||
            t.Contains("@here", StringComparison.Ordinal) || t.Contains("@channel", StringComparison.Ordinal) ||
            t.Contains("@everyone", StringComparison.Ordinal) || HasBareAmpersand(t)).ToList();
        return (bad.Count == 0).Label(string.Join(" | ", bad.Select(b => b.Length > 80 ? b[..80] : b)));
    }

    [Property]
    public bool Messages_never_ask_slack_to_link_names_or_parse(Reply reply)
    {
        var json = Serialize(Renderer.Render(reply, null, "ephemeral"));
        return !json.GetProperty("link_names").GetBoolean() && json.GetProperty("parse").GetString() == "none" &&
               SlackJson.Blocks(json).SelectMany(TextObjects).Where(t => t.GetProperty("type").GetString() == "mrkdwn").All(t => t.GetProperty("verbatim").GetBoolean());
    }

    [Property]
    public Property Every_block_and_text_object_carries_its_type(Reply reply)
    {
        var json = Serialize(Renderer.Render(reply, "tok3n", "ephemeral"));
        var problems = UntypedObjects(json).ToList();
        return (problems.Count == 0).Label(string.Join("; ", problems));
    }

    [Property]
    public Property Cutting_keeps_a_prefix_of_the_escaped_text_and_ends_with_an_ellipsis(string text, PositiveInt max)
    {
        var limit = Math.Min(max.Get, 5000);
        var fitted = SlackMrkdwn.EscapeAndFit(text, limit);
        var escaped = SlackMrkdwn.Escape(text);
        if (escaped.Length <= limit)
        {
            return (fitted == escaped).Label("whole text kept when it fits");
        }

        var body = fitted.EndsWith(SlackMrkdwn.Ellipsis, StringComparison.Ordinal) ? fitted[..^SlackMrkdwn.Ellipsis.Length] : null;
        return (fitted.Length <= limit).Label("fits")
            .And(body is not null).Label("ends with an ellipsis")
            .And(body is not null && escaped.StartsWith(body, StringComparison.Ordinal)).Label("is a prefix of the escaped text")
            .And(body is not null && (body.Length == 0 || !char.IsHighSurrogate(body[^1]))).Label("no split surrogate pair")
            .And(body is not null && !EndsInsideEntity(body)).Label("no cut entity");
    }

    [Property]
    public Property Plain_words_are_cut_between_words(NonEmptyArray<PositiveInt> wordLengths, PositiveInt max)
    {
        var words = wordLengths.Get.Select((n, i) => new string((char)('a' + (i % 26)), Math.Min(n.Get, 12))).ToArray();
        var text = string.Join(' ', words);
        var limit = Math.Min(max.Get, text.Length + 5);
        var fitted = SlackMrkdwn.EscapeAndFit(text, limit);
        if (fitted == text)
        {
            return true.ToProperty();
        }

        var kept = fitted[..^SlackMrkdwn.Ellipsis.Length];

        // Either whole words, or (when the first word alone is too long for half the room) a cut inside it.
        var wholeWords = kept.Length == 0 || text.Length == kept.Length || text[kept.Length] == ' ';
        return (fitted.Length <= limit && (wholeWords || !kept.Contains(' ', StringComparison.Ordinal) || kept.Length >= limit / 2)).Label(fitted);
    }

    [Property]
    public Property Highlighting_fits_and_shows_the_text_unchanged_apart_from_the_bold_marks(string text, PositiveInt max, int start, PositiveInt length)
    {
        var limit = Math.Min(max.Get, 5000);
        var highlights = new[] { new Highlight(Math.Abs(start) % (text.Length + 1), length.Get % 40) };
        var rendered = SlackMrkdwn.Highlight(text.Replace("*", string.Empty, StringComparison.Ordinal), highlights, limit);
        var unbolded = rendered.Replace("*", string.Empty, StringComparison.Ordinal);
        var escaped = SlackMrkdwn.Escape(text.Replace("*", string.Empty, StringComparison.Ordinal));
        var sameText = unbolded == escaped ||
            (unbolded.EndsWith(SlackMrkdwn.Ellipsis, StringComparison.Ordinal) && escaped.StartsWith(unbolded[..^SlackMrkdwn.Ellipsis.Length], StringComparison.Ordinal));
        return (rendered.Length <= limit).Label("fits")
            .And(sameText).Label("same text")
            .And(rendered.Count(c => c == '*') % 2 == 0).Label("bold marks pair up");
    }

    internal static JsonElement Serialize(SlackMessage message) =>
        JsonDocument.Parse(JsonSerializer.Serialize(message, SlackJsonContext.Default.SlackMessage)).RootElement.Clone();

    /// <summary>Slack answers invalid_blocks when a block or a text object (a button's label, a header's text) has no "type".</summary>
    internal static IEnumerable<string> UntypedObjects(JsonElement message)
    {
        foreach (var block in SlackJson.Blocks(message))
        {
            if (!block.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                yield return $"block without type: {block}";
                continue;
            }

            foreach (var problem in UntypedTextObjects(block, type.GetString()!))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> UntypedTextObjects(JsonElement element, string path)
    {
        foreach (var property in element.EnumerateObject())
        {
            var children = property.Value.ValueKind switch
            {
                JsonValueKind.Object => [property.Value],
                JsonValueKind.Array => property.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList(),
                _ => new List<JsonElement>(),
            };
            foreach (var child in children)
            {
                var where = $"{path}.{property.Name}";
                var isTextObject = child.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String;
                var childType = child.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (childType is null)
                {
                    yield return $"{where} without type: {child}";
                }
                else if (isTextObject && childType is not ("plain_text" or "mrkdwn"))
                {
                    yield return $"{where} is a text object of type {childType}";
                }

                foreach (var problem in UntypedTextObjects(child, $"{where}:{childType}"))
                {
                    yield return problem;
                }
            }
        }
    }

    internal static IEnumerable<string> LimitProblems(JsonElement message)
    {
        var fallback = message.GetProperty("text").GetString()!;
        if (fallback.Length is 0 or > SlackLimits.FallbackText)
        {
            yield return $"fallback text {fallback.Length}";
        }

        var blocks = SlackJson.Blocks(message).ToList();
        if (blocks.Count > SlackLimits.BlocksPerMessage)
        {
            yield return $"{blocks.Count} blocks";
        }

        foreach (var block in blocks)
        {
            var type = SlackJson.Type(block);
            if (type == "section")
            {
                if (block.TryGetProperty("text", out var text) && text.GetProperty("text").GetString()!.Length is 0 or > SlackLimits.SectionText)
                {
                    yield return $"section text {text.GetProperty("text").GetString()!.Length}";
                }

                if (block.TryGetProperty("fields", out var fields))
                {
                    if (fields.GetArrayLength() > SlackLimits.SectionFields)
                    {
                        yield return $"{fields.GetArrayLength()} fields";
                    }

                    foreach (var field in fields.EnumerateArray())
                    {
                        if (field.GetProperty("text").GetString()!.Length is 0 or > SlackLimits.SectionField)
                        {
                            yield return $"field {field.GetProperty("text").GetString()!.Length}";
                        }
                    }
                }
                else if (!block.TryGetProperty("text", out _))
                {
                    yield return "section without text or fields";
                }
            }
            else if (type == "header" && block.GetProperty("text").GetProperty("text").GetString()!.Length is 0 or > SlackLimits.HeaderText)
            {
                yield return "header";
            }
            else if (type == "context")
            {
                var elements = block.GetProperty("elements");
                if (elements.GetArrayLength() is 0 or > SlackLimits.ContextElements)
                {
                    yield return "context elements";
                }

                foreach (var element in elements.EnumerateArray())
                {
                    if (element.GetProperty("text").GetString()!.Length is 0 or > SlackLimits.ContextElementText)
                    {
                        yield return $"context {element.GetProperty("text").GetString()!.Length}";
                    }
                }
            }
            else if (type == "actions")
            {
                foreach (var button in block.GetProperty("elements").EnumerateArray())
                {
                    if (button.GetProperty("text").GetProperty("text").GetString()!.Length is 0 or > SlackLimits.ButtonText ||
                        button.GetProperty("value").GetString()!.Length > SlackLimits.ButtonValue ||
                        button.GetProperty("action_id").GetString()!.Length > SlackLimits.ActionId)
                    {
                        yield return "button";
                    }
                }
            }
        }
    }

    private static IEnumerable<JsonElement> TextObjects(JsonElement block)
    {
        if (block.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.Object)
        {
            yield return text;
        }

        if (block.TryGetProperty("fields", out var fields))
        {
            foreach (var f in fields.EnumerateArray())
            {
                yield return f;
            }
        }

        if (SlackJson.Type(block) == "context")
        {
            foreach (var e in block.GetProperty("elements").EnumerateArray())
            {
                yield return e;
            }
        }
    }

    private static bool HasBareAmpersand(string text)
    {
        for (var i = text.IndexOf('&', StringComparison.Ordinal); i >= 0; i = text.IndexOf('&', i + 1))
        {
            var rest = text.AsSpan(i);
            if (!rest.StartsWith("&amp;") && !rest.StartsWith("&lt;") && !rest.StartsWith("&gt;"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsInsideEntity(string text)
    {
        var amp = text.LastIndexOf('&');
        return amp >= 0 && !text.AsSpan(amp).Contains(';');
    }
}
