using System.Text.Json.Serialization;

namespace SlackBot.Wire;

/// <summary>A message as a slash command answer or a <c>response_url</c> POST body.</summary>
/// <param name="ResponseType"><c>ephemeral</c> (only the asker sees it) or <c>in_channel</c>.</param>
/// <param name="Text">Fallback text for notifications and clients that cannot show blocks.</param>
/// <param name="ReplaceOriginal">On a <c>response_url</c> POST, replace the message the action came from.</param>
public sealed record SlackMessage(
    string? ResponseType,
    string Text,
    IReadOnlyList<Block> Blocks,
    bool? ReplaceOriginal = null)
{
    /// <summary>Never turn "@name" or "#channel" in our text into links or mentions.</summary>
    public bool LinkNames { get; init; }

    /// <summary>Slack's legacy "parse" switch; "none" leaves our (already escaped) text alone.</summary>
    public string Parse { get; init; } = "none";

    /// <summary>No link previews for whatever URLs a story mentions.</summary>
    public bool UnfurlLinks { get; init; }

    public bool UnfurlMedia { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
public abstract record Block;

public sealed record HeaderBlock : Block
{
    public HeaderBlock(PlainText text) => Text = text;

    /// <summary>Always plain text; declared as <see cref="TextObject"/> so the serializer writes its "type" (Slack rejects a text object without one).</summary>
    public TextObject Text { get; }
}

public sealed record SectionBlock(TextObject? Text, IReadOnlyList<TextObject>? Fields = null) : Block;

public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block;

public sealed record ActionsBlock(IReadOnlyList<ButtonElement> Elements) : Block;

public sealed record DividerBlock : Block;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlainText), "plain_text")]
[JsonDerivedType(typeof(MrkdwnText), "mrkdwn")]
public abstract record TextObject(string Text);

public sealed record PlainText(string Text) : TextObject(Text)
{
    public bool Emoji { get; init; }
}

/// <param name="Verbatim">True: Slack does not auto-link URLs, channel names or mentions in this text.</param>
public sealed record MrkdwnText(string Text) : TextObject(Text)
{
    public bool Verbatim { get; init; } = true;
}

public sealed record ButtonElement
{
    public ButtonElement(PlainText text, string actionId, string value)
    {
        Text = text;
        ActionId = actionId;
        Value = value;
    }

    public string Type => "button";

    /// <summary>Always plain text; declared as <see cref="TextObject"/> so the serializer writes its "type" (Slack rejects a text object without one).</summary>
    public TextObject Text { get; }

    public string ActionId { get; }

    public string Value { get; }
}
