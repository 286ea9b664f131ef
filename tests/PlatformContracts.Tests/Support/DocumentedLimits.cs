using System.Globalization;
using System.Text.Json;

namespace PlatformContracts.Tests.Support;

/// <summary>
/// The size limits Discord and Slack document, checked on a payload exactly as sent. The numbers are copied from the
/// platforms' documentation here, not taken from the adapters' own limit constants, so a wrong constant shows.
/// Lengths are UTF-16 code units, which never undercounts the platforms' characters.
/// </summary>
public static class DocumentedLimits
{
    /// <summary>Problems in a Discord interaction response (or its <c>data</c>, as a webhook edit or follow-up sends it).</summary>
    public static IEnumerable<string> Discord(JsonElement payload)
    {
        var data = payload.TryGetProperty("data", out var inner) && payload.TryGetProperty("type", out _) ? inner : payload;
        if (data.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var problem in AtMost(data, "content", 2000, "message content"))
        {
            yield return problem;
        }

        var embeds = Array(data, "embeds");
        if (embeds.Count > 10)
        {
            yield return $"{embeds.Count} embeds (at most 10)";
        }

        var total = 0;
        foreach (var embed in embeds)
        {
            foreach (var problem in AtMost(embed, "title", 256, "embed title")
                         .Concat(AtMost(embed, "description", 4096, "embed description")))
            {
                yield return problem;
            }

            total += Length(embed, "title") + Length(embed, "description");
            var fields = Array(embed, "fields");
            if (fields.Count > 25)
            {
                yield return $"{fields.Count} embed fields (at most 25)";
            }

            foreach (var field in fields)
            {
                foreach (var problem in Between(field, "name", 1, 256, "field name").Concat(Between(field, "value", 1, 1024, "field value")))
                {
                    yield return problem;
                }

                total += Length(field, "name") + Length(field, "value");
            }

            if (embed.TryGetProperty("footer", out var footer))
            {
                foreach (var problem in AtMost(footer, "text", 2048, "footer text"))
                {
                    yield return problem;
                }

                total += Length(footer, "text");
            }

            if (embed.TryGetProperty("author", out var author))
            {
                foreach (var problem in AtMost(author, "name", 256, "author name"))
                {
                    yield return problem;
                }

                total += Length(author, "name");
            }
        }

        if (total > 6000)
        {
            yield return $"embeds total {total} characters (at most 6000)";
        }

        var rows = Array(data, "components");
        if (rows.Count > 5)
        {
            yield return $"{rows.Count} action rows (at most 5)";
        }

        foreach (var row in rows)
        {
            var buttons = Array(row, "components");
            if (buttons.Count > 5)
            {
                yield return $"{buttons.Count} buttons in a row (at most 5)";
            }

            foreach (var problem in buttons.SelectMany(b => AtMost(b, "label", 80, "button label").Concat(Between(b, "custom_id", 1, 100, "custom_id"))))
            {
                yield return problem;
            }
        }

        var choices = Array(data, "choices");
        if (choices.Count > 25)
        {
            yield return $"{choices.Count} autocomplete choices (at most 25)";
        }

        foreach (var choice in choices)
        {
            foreach (var problem in Between(choice, "name", 1, 100, "choice name"))
            {
                yield return problem;
            }

            if (choice.GetProperty("value") is { ValueKind: JsonValueKind.String } value && value.GetString()!.Length > 100)
            {
                yield return $"choice value of {value.GetString()!.Length} characters (at most 100)";
            }
        }
    }

    /// <summary>Problems in a Slack message (slash-command answer or response_url POST).</summary>
    public static IEnumerable<string> Slack(JsonElement message)
    {
        foreach (var problem in AtMost(message, "text", 40_000, "fallback text"))
        {
            yield return problem;
        }

        var blocks = Array(message, "blocks");
        if (blocks.Count > 50)
        {
            yield return $"{blocks.Count} blocks (at most 50)";
        }

        foreach (var block in blocks)
        {
            var type = block.GetProperty("type").GetString();
            var problems = AtMost(block, "block_id", 255, "block_id");
            switch (type)
            {
                case "section":
                    var fields = Array(block, "fields");
                    problems = problems.Concat(TextObject(block, "text", 3000, "section text"))
                        .Concat(fields.Count > 10 ? [$"{fields.Count} section fields (at most 10)"] : [])
                        .Concat(fields.SelectMany(f => Between(f, "text", 1, 2000, "section field")));
                    if (!block.TryGetProperty("text", out _) && fields.Count == 0)
                    {
                        problems = problems.Append("a section with neither text nor fields");
                    }

                    break;
                case "header":
                    problems = problems.Concat(TextObject(block, "text", 150, "header text"));
                    break;
                case "context":
                    var elements = Array(block, "elements");
                    problems = problems.Concat(elements.Count is < 1 or > 10 ? [$"{elements.Count} context elements (1 to 10)"] : [])
                        .Concat(elements.SelectMany(e => Between(e, "text", 1, 3000, "context text")));
                    break;
                case "actions":
                    var buttons = Array(block, "elements");
                    problems = problems.Concat(buttons.Count is < 1 or > 25 ? [$"{buttons.Count} action elements (1 to 25)"] : [])
                        .Concat(buttons.SelectMany(b => TextObject(b, "text", 75, "button text")
                            .Concat(Between(b, "action_id", 1, 255, "action_id"))
                            .Concat(AtMost(b, "value", 2000, "button value"))
                            .Concat(AtMost(b, "url", 3000, "button url"))));
                    break;
            }

            foreach (var problem in problems)
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> TextObject(JsonElement parent, string name, int max, string what) =>
        parent.TryGetProperty(name, out var text) ? Between(text, "text", 1, max, what) : [];

    private static List<JsonElement> Array(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];

    private static int Length(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Length : 0;

    private static IEnumerable<string> AtMost(JsonElement parent, string name, int max, string what) => Between(parent, name, 0, max, what);

    private static IEnumerable<string> Between(JsonElement parent, string name, int min, int max, string what)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return min > 0 ? [$"{what} missing"] : [];
        }

        var length = value.GetString()!.Length;
        return length < min || length > max
            ? [string.Create(CultureInfo.InvariantCulture, $"{what} of {length} characters ({min} to {max})")]
            : [];
    }
}
