using System.Text.RegularExpressions;

namespace StoryEngine.Reading;

/// <summary>What a stretch of a sentence names: the kinds a question can ask for.</summary>
[Flags]
public enum MentionKind
{
    None = 0,

    /// <summary>A capitalised name: a person, an organisation or a place.</summary>
    Name = 1,
    Date = 2,
    Duration = 4,
    Age = 8,

    /// <summary>A number that is not money, a percentage, an age or a year.</summary>
    Count = 16,
    Money = 32,
    Percentage = 64,

    /// <summary>A number with a unit of length, height, speed, weight or area ("30ft", "10 metres", "70mph").</summary>
    Measure = 128,
}

/// <summary>A typed stretch of a sentence.</summary>
public readonly record struct Mention(MentionKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    public string TextOf(string sentence) => sentence.Substring(Start, Length);
}

/// <summary>
/// Finds the typed mentions in a sentence: money, percentages, ages, durations, dates, measures, counts and names. Rules over
/// the surface text, tried in that order; a stretch taken by an earlier kind is not taken again ("$56.5 million" is
/// money, not a count; "2012" in "in 2012" is a date). Fast enough to run over every candidate of every question.
/// </summary>
public static partial class MentionFinder
{
    private const string Scale = @"(?:\s?(?:million|billion|trillion|thousand|bn|m|k)\b)?";
    private const string Amount = @"\d[\d,]*(?:\.\d+)?";
    private const string NumberWord =
        "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|" +
        "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a thousand|a dozen|dozens|" +
        "hundreds|thousands|millions|billions|half a dozen|several|a few|a couple of";
    private const string Month =
        "January|February|March|April|May|June|July|August|September|October|November|December|" +
        "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";
    private const string Weekday = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    private const string Unit = "years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|century|seconds?|nights?";

    [GeneratedRegex(@"(?:(?:US|C|A|HK)?[$£€¥]\s?" + Amount + Scale + @"(?:\s?(?:to|-|–|and)\s?[$£€¥]?" + Amount + Scale + ")?)" +
        @"|\b" + Amount + @"(?:\s(?:million|billion|trillion))?\s(?:dollars|pounds|euros|yen|cents|pence)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"\b\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b|percentage points?\b)(?:\s(?:to|-)\s\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b))?" +
        @"|\b(?:" + NumberWord + @")\s(?:percent|per cent|percentage points?)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PercentagePattern();

    [GeneratedRegex(@"\b\d{1,3}-year-old\b|\baged?\s\d{1,3}\b|\bage of \d{1,3}\b|\b(?:dies|died|dead) at \d{1,3}\b|(?<=\b(?:was|is|be)\s)\d{1,3}(?=\s*(?:[.;]|$|,|\swhen\b|\syears old\b))|\b\d{1,3} years old\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AgePattern();

    [GeneratedRegex(@"\b(?:(?:about|almost|nearly|more than|less than|over|under|up to)\s)?(?:\d[\d,.]*|" + NumberWord + @"|a|an)(?:-|\s)(?:" + Unit + @")\b(?!-old|\sold\b|\sago\b)" +
        @"|\bsince (?:the )?(?:\d{4}|[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"\b(?:(?:" + Weekday + @"),?\s)?(?:" + Month + @")(?:\s\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s(?:1[6-9]\d\d|20\d\d))?\b" +
        @"|\b\d{1,2}(?:st|nd|rd|th)?\s(?:" + Month + @")(?:,?\s(?:1[6-9]\d\d|20\d\d))?\b" +
        @"|\b(?:(?:early|mid|late)[-\s])?(?:1[6-9]\d\d|20\d\d)s?\b(?:\s(?:and|to|-|–)\s(?:1[6-9]\d\d|20\d\d)\b)?" +
        @"|\b(?:" + Weekday + @")(?:\s(?:morning|afternoon|evening|night))?\b" +
        @"|\b(?:yesterday|today|tomorrow|tonight)\b|\b(?:last|next|this|earlier this|later this)\s(?:week|month|year|spring|summer|autumn|fall|winter|weekend)\b" +
        @"|\b\d+\s(?:" + Unit + @")\sago\b|\b\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<![\w.,])(?:(?:about|almost|nearly|roughly|more than|less than|over|some|up to)\s)?\d[\d,]*(?:\.\d+)?(?:-|\s)?" +
        @"(?:ft|feet|foot|inch(?:es)?|yards?|miles?|mph|km/h|kph|km|kilomet(?:re|er)s?|met(?:re|er)s?|m(?=\s?\))|cm|centimet(?:re|er)s?|mm|" +
        @"kg|kilo(?:gram)?s?|grams?|tonnes?|tons?|lbs?|acres?|hectares?|square (?:miles|feet|metres|meters|kilometres|kilometers))(?![\w%])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MeasurePattern();

    [GeneratedRegex(@"(?<![\w.,])(?:(?:about|almost|nearly|roughly|more than|fewer than|less than|over|some|at least|up to)\s)?\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion|trillion|thousand|hundred))?(?![\w%])" +
        @"|\b(?:" + NumberWord + @")(?:\s(?:million|billion|thousand|hundred))?\b(?!-)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CountPattern();

    // Capitalised words, joined by the small words that sit inside names ("Institute of California", "Bank of England").
    // A word whose hyphenated last part is lower case ("UK-based", "Kremlin-backed", "Oxford-educated") describes the
    // noun after it and is no name ("Rolls-Royce", "Coca-Cola" are).
    [GeneratedRegex(@"(?<![\w'’.&-])" + NameWord + @"(?:\s(?:(?:of|de|du|for|and|&|the|al|bin|van|von|la|le)\s)?(?:" + NameWord + @"|\d+))*", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    private const string NameWord = @"(?>[A-Z][\w'’.&]*(?:-[A-Z0-9][\w'’.&]*)*)(?!-)";

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "This", "That",
        "These", "Those", "In", "On", "At", "But", "And", "Or", "If", "When", "While", "After", "Before", "As", "For", "With",
        "By", "From", "To", "Of", "Still", "Even", "Yet", "So", "Then", "There", "Here", "Mr", "Mr.", "Mrs", "Mrs.", "Ms",
        "Ms.", "Dr", "Dr.", "Some", "Many", "Most", "All", "No", "Not", "One", "Two", "Last", "Next", "Now", "Also",
        "However", "Meanwhile", "Instead", "Although", "Though", "Since", "Because", "What", "Who", "Why", "How", "Where",
    };

    /// <summary>The mentions in <paramref name="sentence"/>, in reading order, none overlapping.</summary>
    public static IReadOnlyList<Mention> Find(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var taken = new List<Mention>();
        Take(taken, sentence, MoneyPattern(), MentionKind.Money);
        Take(taken, sentence, PercentagePattern(), MentionKind.Percentage);
        Take(taken, sentence, AgePattern(), MentionKind.Age);
        Take(taken, sentence, DurationPattern(), MentionKind.Duration);
        Take(taken, sentence, DatePattern(), MentionKind.Date);
        Take(taken, sentence, MeasurePattern(), MentionKind.Measure);
        Take(taken, sentence, CountPattern(), MentionKind.Count);
        foreach (Match match in NamePattern().Matches(sentence))
        {
            foreach (var (partStart, partLength) in SplitAtPossessives(sentence, match.Index, match.Length))
            {
                foreach (var (freeStart, freeLength) in OutsideTaken(sentence, taken, partStart, partLength))
                {
                    var (start, length) = TrimName(sentence, freeStart, freeLength);
                    if (length > 0)
                    {
                        Add(taken, new Mention(MentionKind.Name, start, length));
                    }
                }
            }
        }

        taken.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return taken;
    }

    private static void Take(List<Mention> taken, string sentence, Regex pattern, MentionKind kind)
    {
        foreach (Match match in pattern.Matches(sentence))
        {
            var length = match.Length;
            while (length > 0 && sentence[match.Index + length - 1] is ',' or '.' or ' ')
            {
                length--;
            }

            if (length > 0)
            {
                Add(taken, new Mention(kind, match.Index, length));
            }
        }
    }

    private static void Add(List<Mention> taken, Mention mention)
    {
        foreach (var other in taken)
        {
            if (mention.Start < other.End && other.Start < mention.End)
            {
                return;
            }
        }

        taken.Add(mention);
    }

    /// <summary>
    /// The stretches of a capitalised run that no date, number or other mention found first covers: "CNBC Saturday"
    /// is the name "CNBC" and the date "Saturday", not a name lost whole because its last word is a date.
    /// </summary>
    private static IEnumerable<(int Start, int Length)> OutsideTaken(string sentence, List<Mention> taken, int start, int length)
    {
        var end = start + length;
        var from = start;
        foreach (var other in taken.Where(m => m.Start < end && start < m.End).OrderBy(m => m.Start))
        {
            if (Trimmed(sentence, from, other.Start) is { Length: > 0 } piece)
            {
                yield return piece;
            }

            from = Math.Max(from, other.End);
        }

        if (Trimmed(sentence, from, end) is { Length: > 0 } last)
        {
            yield return last;
        }
    }

    private static (int Start, int Length) Trimmed(string sentence, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(sentence[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(sentence[end - 1]))
        {
            end--;
        }

        return (start, Math.Max(0, end - start));
    }

    /// <summary>
    /// A possessive ends a name: "Trump's Middle East envoy" holds two names, "Trump" and "Middle East"; the
    /// possessive ending itself belongs to neither.
    /// </summary>
    private static IEnumerable<(int Start, int Length)> SplitAtPossessives(string sentence, int start, int length)
    {
        var end = start + length;
        var partStart = start;
        for (var i = start; i + 1 < end; i++)
        {
            if (sentence[i] is '\'' or '’' && sentence[i + 1] == 's' && (i + 2 == end || sentence[i + 2] == ' '))
            {
                yield return (partStart, i - partStart);
                partStart = Math.Min(end, i + 3);
            }
        }

        if (partStart < end)
        {
            yield return (partStart, end - partStart);
        }
    }

    /// <summary>Drops function words that are capitalised only because they open the sentence or a name ("The", "In").</summary>
    private static (int Start, int Length) TrimName(string sentence, int start, int length)
    {
        var end = start + length;
        while (start < end)
        {
            var wordEnd = start;
            while (wordEnd < end && sentence[wordEnd] != ' ')
            {
                wordEnd++;
            }

            var word = sentence[start..wordEnd].TrimEnd('.', ',');
            if (!NotNames.Contains(word) && !(word.Length > 0 && Array.Exists(Months, m => m == word)))
            {
                break;
            }

            start = Math.Min(end, wordEnd + 1);
        }

        while (end > start && sentence[end - 1] is '.' or ',' or '\'' or '’')
        {
            end--;
        }

        return (start, end - start);
    }

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
}
