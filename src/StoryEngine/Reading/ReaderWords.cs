namespace StoryEngine.Reading;

/// <summary>A word of a question or a sentence as the reader compares them: lowercase, possessive 's dropped.</summary>
/// <param name="Start">Where the word starts in the text.</param>
/// <param name="End">Where it ends (exclusive), possessive included.</param>
public readonly record struct ReaderWord(int Start, int End, string Text);

/// <summary>
/// The one way the reader cuts text into words, so a question's words and a sentence's words compare: letters and
/// digits with inner apostrophes or hyphens ("o'clock", "well-known"), lowercased, curly apostrophes straightened,
/// a possessive 's dropped ("Gore's" → "gore").
/// </summary>
public static class ReaderWords
{
    public static List<ReaderWord> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<ReaderWord>();
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
            {
                i++;
            }

            var word = text[start..i].ToLowerInvariant().Replace('’', '\'');
            words.Add(new ReaderWord(start, i, word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word));
        }

        return words;
    }
}
