namespace StoryEngine.Search;

/// <summary>What a word in a sentence could answer: a name, a number, a date or time.</summary>
[Flags]
internal enum TokenKind : byte
{
    None = 0,

    /// <summary>Capitalised and not the first word of the sentence: a person, place or organisation.</summary>
    Name = 1,

    Number = 2,

    /// <summary>Years, months, weekdays, clock times and relative days.</summary>
    Time = 4,
}

internal static class TokenKinds
{
    private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands",
        "million", "millions", "billion", "billions", "trillion", "dozen", "dozens", "half", "twice", "percent",
        "first", "second", "third", "fourth", "fifth", "tenth", "single", "double",
    };

    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "midnight", "noon",
        "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century", "centuries", "ago",
        "am", "pm", "a.m", "p.m", "gmt", "utc", "est", "edt", "bst", "cet",
        "spring", "summer", "autumn", "fall", "winter", "era", "age", "period", "dynasty", "reign",
    };

    public static TokenKind Classify(string text, int start, int length)
    {
        var word = text.AsSpan(start, length);
        var kind = TokenKind.None;
        if (char.IsDigit(word[0]))
        {
            kind |= TokenKind.Number;
            if (IsYear(word))
            {
                kind |= TokenKind.Time;
            }
        }
        else if (NumberWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            kind |= TokenKind.Number;
        }

        if (TimeWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            kind |= TokenKind.Time;
        }
        else if (char.IsUpper(word[0]) && !IsSentenceStart(text, start))
        {
            kind |= TokenKind.Name;
        }

        return kind;
    }

    // 1066, 1970s, 2023; 10th or 12,000 are numbers but not years.
    private static bool IsYear(ReadOnlySpan<char> word)
    {
        var digits = 0;
        while (digits < word.Length && char.IsDigit(word[digits]))
        {
            digits++;
        }

        if (digits != 4 || word[0] is not ('1' or '2'))
        {
            return false;
        }

        var rest = word[digits..];
        return rest.IsEmpty || rest.SequenceEqual("s");
    }

    private static bool IsSentenceStart(string text, int start)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
