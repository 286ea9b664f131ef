namespace ChatCommands;

public static class ReplyText
{
    /// <summary>
    /// Where to cut <paramref name="text"/> when only its first <paramref name="fit"/> characters fit: back to the last
    /// whitespace when that keeps at least half, never between the halves of a surrogate pair, and with no whitespace
    /// left at the end. Every renderer cuts this way; each counts its own escaped width to find <paramref name="fit"/>.
    /// </summary>
    public static int CutBack(string text, int fit)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (fit >= text.Length)
        {
            return text.Length;
        }

        var cut = Math.Max(0, fit);
        if (cut > 0 && !char.IsWhiteSpace(text[cut]))
        {
            // Inside a word: go back to its start unless that throws away more than half.
            var space = text.AsSpan(0, cut).LastIndexOfAny(' ', '\n', '\t');
            if (space > 0 && space >= cut / 2)
            {
                cut = space;
            }
        }

        // A high surrogate at the end would be half a pair; whitespace there is wasted room.
        while (cut > 0 && (char.IsWhiteSpace(text[cut - 1]) || char.IsHighSurrogate(text[cut - 1])))
        {
            cut--;
        }

        return cut;
    }

    /// <summary>Cuts text to at most <paramref name="max"/> characters on a word boundary, ending with an ellipsis.</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (text.Length <= max)
        {
            return text;
        }

        return string.Concat(text.AsSpan(0, CutBack(text, max - 1)), "…");
    }
}
