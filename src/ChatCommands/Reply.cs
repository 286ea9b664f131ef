namespace ChatCommands;

/// <summary>A platform-neutral reply; each adapter renders it (Discord embed, Slack blocks, terminal text).</summary>
/// <param name="Title">A short heading, e.g. the question asked.</param>
/// <param name="Text">Free text shown above citations and fields; may be null.</param>
/// <param name="Citations">Sentences from the stories, best first, each pointing at its source.</param>
/// <param name="Fields">Name/value pairs (who said what, facts).</param>
/// <param name="Page">Where this page sits in a longer result; null when everything fits.</param>
public sealed record Reply(
    ReplyKind Kind,
    string Title,
    string? Text,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<ReplyField> Fields,
    PageInfo? Page = null)
{
    public bool IsError => Kind == ReplyKind.Error;

    public static Reply Error(string message) => new(ReplyKind.Error, "Sorry", message, [], []);

    public static Reply Info(string title, string text, IReadOnlyList<ReplyField>? fields = null) =>
        new(ReplyKind.Info, title, text, [], fields ?? []);
}

public enum ReplyKind
{
    /// <summary>Sentences or facts that answer the command.</summary>
    Answer,

    /// <summary>Nothing in the stories answers it; Text says so.</summary>
    NotFound,

    /// <summary>Help and other plain information.</summary>
    Info,

    /// <summary>Bad input or an unknown command; adapters show it privately where they can.</summary>
    Error,
}

/// <summary>A sentence of a story with its source.</summary>
/// <param name="Story">Story id (file name).</param>
/// <param name="Paragraph">1-based paragraph number.</param>
/// <param name="Confidence">In [0, 1], when the command ranks sentences.</param>
/// <param name="Highlights">Ranges of <paramref name="Text"/> to emphasise (matched words).</param>
/// <param name="Label">An optional lead-in such as the speaker's name.</param>
/// <param name="Answer">The short answer inside <paramref name="Text"/> ("£99", "in 2004"), shown first in bold.</param>
/// <param name="StoryTitle">The story's title (its first line), when known; what people recognise the story by.</param>
public sealed record Citation(
    string Text,
    string Story,
    int Paragraph,
    double? Confidence,
    IReadOnlyList<Highlight> Highlights,
    string? Label = null,
    string? Answer = null,
    string? StoryTitle = null)
{
    /// <summary>Longest story name a source line shows; a title can be a whole opening paragraph.</summary>
    public const int StoryNameMax = 80;

    /// <summary>How a chat reply names the story: its title cut to <see cref="StoryNameMax"/> characters, or the
    /// file name when the title is unknown. Machine output (the CLI's <c>--json</c>) keeps <see cref="Story"/>.</summary>
    public string StoryName => NameOf(Story, StoryTitle);

    /// <summary>The rule of <see cref="StoryName"/>, for a story id and its title (null when unknown).</summary>
    public static string NameOf(string story, string? title) =>
        string.IsNullOrWhiteSpace(title) ? story : ReplyText.Shorten(title.Trim(), StoryNameMax);
}

public readonly record struct Highlight(int Start, int Length);

public sealed record ReplyField(string Name, string Value);

/// <param name="Index">0-based page shown.</param>
/// <param name="Count">Number of pages.</param>
/// <param name="FirstItem">1-based number of the first item on this page.</param>
/// <param name="LastItem">1-based number of the last item on this page.</param>
/// <param name="TotalItems">All items over all pages.</param>
public sealed record PageInfo(int Index, int Count, int FirstItem, int LastItem, int TotalItems)
{
    public bool HasNext => Index + 1 < Count;

    public bool HasPrevious => Index > 0;
}
