namespace ChatCommands;

public static class ReplyText
{
    /// <summary>Cuts text to at most <paramref name="max"/> characters on a word boundary, ending with an ellipsis.</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        if (cut < max / 2)
        {
            cut = max - 1;
        }

        // Never leave half of a surrogate pair behind.
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }
}
