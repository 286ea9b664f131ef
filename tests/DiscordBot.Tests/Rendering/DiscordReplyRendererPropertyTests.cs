using ChatCommands;
using DiscordBot.Interactions;
using DiscordBot.Rendering;
using DiscordBot.Wire;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;

namespace DiscordBot.Tests.Rendering;

/// <summary>Whatever a command returns, the rendered message is one Discord accepts and it pings nobody.</summary>
[Properties(Arbitrary = [typeof(ReplyGenerators)], MaxTest = 300)]
public sealed class DiscordReplyRendererPropertyTests
{
    private static readonly DiscordReplyRenderer Renderer = new();

    [Property]
    public Property Every_rendered_message_fits_discord_limits(Reply reply)
    {
        var message = Renderer.Render(reply, PagingStore.InlineToken(CommandRequest.Create("ask", ("question", "q"))));
        var problems = LimitProblems(message).ToList();
        return (problems.Count == 0).Label(string.Join("; ", problems));
    }

    [Property]
    public bool Every_rendered_message_allows_no_mentions(Reply reply)
    {
        var message = Renderer.Render(reply, PagingStore.InlineToken(CommandRequest.Create("ask", ("question", "q"))));
        return message.AllowedMentions is { Parse.Count: 0, Users: null, Roles: null };
    }

    [Property]
    public bool Rendered_text_never_contains_live_mention_syntax(Reply reply)
    {
        var message = Renderer.Render(reply, null);
        return AllText(message).All(t => !t.Contains("@everyone", StringComparison.Ordinal) &&
                                         !t.Contains("@here", StringComparison.Ordinal) &&
                                         !ContainsUnescaped(t, '<'));
    }

    [Property]
    public bool Errors_are_ephemeral_and_other_replies_are_not(Reply reply)
    {
        var message = Renderer.Render(reply, null);
        return reply.IsError ? message.Flags == MessageFlags.Ephemeral : message.Flags is null;
    }

    [Property]
    public Property Cutting_keeps_a_prefix_of_the_escaped_text_and_ends_with_an_ellipsis(string text, PositiveInt max)
    {
        var limit = max.Get % 300;
        var result = DiscordMarkdown.EscapeAndFit(text, limit);
        var escaped = DiscordMarkdown.Escape(text);
        if (escaped.Length <= limit)
        {
            return (result == escaped).Label("fits: unchanged");
        }

        if (limit == 0)
        {
            return (result.Length == 0).Label("zero limit");
        }

        var kept = result[..^1];
        return (result.Length <= limit).Label($"length {result.Length} > {limit}")
            .And(result.EndsWith('…')).Label("ellipsis")
            .And(escaped.StartsWith(kept, StringComparison.Ordinal)).Label("prefix of the escaped text")
            .And(kept.Length == 0 || !char.IsWhiteSpace(kept[^1])).Label("no trailing whitespace")
            .And(kept.Length == 0 || !char.IsHighSurrogate(kept[^1])).Label("no split surrogate")
            .And(kept.Length == 0 || kept[^1] != '\\' || kept.Length > 1 && kept[^2] == '\\').Label("no half escape");
    }

    [Property]
    public Property Plain_words_are_cut_between_words(NonEmptyArray<PositiveInt> wordLengths, PositiveInt max)
    {
        var words = wordLengths.Get.Select(n => new string('w', 1 + (n.Get % 12)));
        var text = string.Join(' ', words);
        var limit = 1 + (max.Get % 120);
        var result = DiscordMarkdown.EscapeAndFit(text, limit);
        if (text.Length <= limit)
        {
            return (result == text).Label("fits: unchanged");
        }

        var kept = result[..^1];

        // Whole words only, unless the first word alone is longer than the room (then it is cut hard).
        var wholeWords = kept.Length == 0 || text[kept.Length] == ' ';
        var hardCut = !kept.Contains(' ', StringComparison.Ordinal) || kept.LastIndexOf(' ') < (limit - 1) / 2;
        return (result.Length <= limit).Label("length")
            .And(wholeWords || hardCut).Label($"cut inside a word: '{result}'");
    }

    private static IEnumerable<string> LimitProblems(InteractionCallbackData message)
    {
        if (message.Content is { Length: > DiscordLimits.Content })
        {
            yield return "content";
        }

        if (message.Embeds is { } embeds)
        {
            if (embeds.Count > DiscordLimits.EmbedsPerMessage)
            {
                yield return "embed count";
            }

            var total = 0;
            foreach (var embed in embeds)
            {
                if (embed.Title is { Length: > DiscordLimits.EmbedTitle })
                {
                    yield return "title";
                }

                if (embed.Description is { Length: > DiscordLimits.EmbedDescription })
                {
                    yield return "description " + embed.Description.Length;
                }

                if (embed.Footer is { Text.Length: > DiscordLimits.Footer })
                {
                    yield return "footer";
                }

                var fields = embed.Fields ?? [];
                if (string.IsNullOrEmpty(embed.Title) && string.IsNullOrEmpty(embed.Description) && fields.Count == 0)
                {
                    yield return "empty embed";
                }

                if (fields.Count > DiscordLimits.EmbedFields)
                {
                    yield return "field count";
                }

                foreach (var field in fields)
                {
                    if (field.Name.Length is 0 or > DiscordLimits.FieldName || field.Value.Length is 0 or > DiscordLimits.FieldValue)
                    {
                        yield return "field size";
                    }
                }

                total += (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Footer?.Text.Length ?? 0) +
                         fields.Sum(f => f.Name.Length + f.Value.Length);
            }

            if (total > DiscordLimits.EmbedTotal)
            {
                yield return "total " + total;
            }
        }

        foreach (var row in message.Components ?? [])
        {
            foreach (var button in row.Components ?? [])
            {
                if (button.CustomId is not { Length: > 0 and <= DiscordLimits.CustomId } || button.Label is not { Length: > 0 and <= DiscordLimits.ButtonLabel })
                {
                    yield return "button";
                }
            }

            if (row.Components is { } buttons && buttons.Select(b => b.CustomId).Distinct().Count() != buttons.Count)
            {
                yield return "duplicate custom_id";
            }
        }
    }

    private static IEnumerable<string> AllText(InteractionCallbackData message)
    {
        if (message.Content is { } content)
        {
            yield return content;
        }

        foreach (var embed in message.Embeds ?? [])
        {
            yield return embed.Title ?? string.Empty;
            yield return embed.Description ?? string.Empty;
            yield return embed.Footer?.Text ?? string.Empty;
            foreach (var field in embed.Fields ?? [])
            {
                yield return field.Name;
                yield return field.Value;
            }
        }
    }

    private static bool ContainsUnescaped(string text, char c)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] == c)
            {
                return true;
            }
        }

        return false;
    }
}
