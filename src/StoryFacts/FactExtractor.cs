using System.Globalization;
using System.Text.RegularExpressions;
using StoryEngine;

namespace StoryFacts;

/// <summary>Numbers with what they count, dates and times, people, places and organisations.</summary>
internal static partial class FactExtractor
{
    private static readonly Dictionary<string, decimal> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80,
        ["ninety"] = 90, ["hundred"] = 100, ["thousand"] = 1000, ["dozen"] = 12,
    };

    private static readonly HashSet<string> StopAfterNumber = new(
        ["in", "on", "at", "of", "to", "for", "and", "or", "but", "from", "by", "with", "was", "were", "is", "are",
         "had", "have", "has", "will", "would", "could", "after", "before", "during", "since", "than", "that", "which",
         "who", "as", "a", "an", "the", "into", "across", "per", "while", "when", "it", "its", "their", "this", "be",
         "been", "being", "between", "until", "over", "under", "remaining", "said", "says"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> DurationUnits = new(
        ["second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades"],
        StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?<approx>\b(?:about|approximately|around|nearly|almost|roughly|some|more than|over|at least|up to|fewer than|less than|under|just over|just under|an estimated|as many as|a further|another)\s+)?(?<num>[£$€]\s?\d+(?:,\d{3})*(?:\.\d+)?|\b\d+(?:,\d{3})*(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundreds|thousands|dozens|millions)\b(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?)(?<scale>\s?(?:million|billion|trillion|thousand|hundred|bn|m)\b)?(?<pct>\s?(?:%|per cent|percent))?(?<unit>[-–](?:[a-z]+)(?:-old)?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b(?:(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<year>\d{4}))?|(?<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?<month2>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?<year2>\d{4}))?)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex FullDatePattern();

    [GeneratedRegex(@"\b(?:(?:in|since|by|until|from|of)\s+)?(?<month>January|February|March|April|June|July|August|September|October|November|December)(?:\s+(?<year>\d{4}))?\b|\b(?<year2>(?:19|20)\d{2})\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MonthYearPattern();

    [GeneratedRegex(@"\b(?<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?\b(?:\s+(?<part>morning|afternoon|evening|night))?", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"\b(?<t>\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|AM|PM|a\.m\.|p\.m\.)(?:\s(?:[A-Z]{2,4}))?(?:\s*\(\d{1,2}:\d{2}\s?[A-Z]{2,4}\))?|\d{1,2}:\d{2}(?:\s?(?:GMT|UTC|BST|CET|EST|EDT|PST|PDT|[A-Z]{3}))?)(?:[\s,.;)]|$)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\b(?:yesterday|today|tonight|tomorrow|overnight|(?:last|next|this)\s+(?:week|month|year|weekend|morning|afternoon|evening)|earlier this (?:week|month|year)|later this (?:week|month|year))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex RelativePattern();

    public static List<NumberFact> Numbers(Story story)
    {
        var facts = new List<NumberFact>();
        foreach (var sentence in BodySentences(story))
        {
            var text = sentence.Text;
            var dateSpans = FullDatePattern().Matches(text).Select(m => (m.Index, End: m.Index + m.Length))
                .Concat(TimePattern().Matches(text).Select(m => (m.Index, End: m.Index + m.Length))).ToList();
            foreach (Match m in NumberPattern().Matches(text))
            {
                var num = m.Groups["num"];
                if (dateSpans.Any(d => num.Index >= d.Index && num.Index < d.End))
                {
                    continue;
                }

                var raw = num.Value;
                var isYear = Regex.IsMatch(raw, @"^(19|20)\d{2}$") && !m.Groups["pct"].Success && !m.Groups["scale"].Success && !m.Groups["unit"].Success;
                if (isYear || (raw.Equals("one", StringComparison.OrdinalIgnoreCase) && FollowingWord(text, m.Index + m.Length) is "of" or "another" or "in"))
                {
                    continue;
                }

                // A score like 2-1 or a hyphenated number inside a word is not a quantity.
                if (m.Index > 0 && (char.IsLetter(text[m.Index - 1]) || text[m.Index - 1] is '-' or '–'))
                {
                    continue;
                }

                var unit = m.Groups["unit"].Success ? m.Groups["unit"].Value.TrimStart('-', '–') : string.Empty;
                if (unit.Length > 0 && char.IsDigit(unit[0]))
                {
                    continue;
                }

                var money = raw.StartsWith('£') || raw.StartsWith('$') || raw.StartsWith('€');
                var percent = m.Groups["pct"].Success;
                var following = NounAfter(text, m.Index + m.Length);
                if (money && following.Length == 0)
                {
                    following = string.Empty;
                }

                var counts = unit.Length > 0 ? (unit + " " + following).Trim() : following;
                var kind = money || Regex.IsMatch(following, @"^(dollars|pounds|euros|yen|yuan)\b", RegexOptions.IgnoreCase) ? NumberKind.Money
                    : percent ? NumberKind.Percent
                    : DurationUnits.Contains(unit.Split('-')[0]) || DurationUnits.Contains(following.Split(' ')[0]) ? NumberKind.Duration
                    : NumberKind.Count;
                if (kind is NumberKind.Money or NumberKind.Percent && counts.Length == 0)
                {
                    counts = WordsBefore(text, m.Index, 4);
                }

                if (kind == NumberKind.Count && counts.Length == 0)
                {
                    continue;
                }

                var written = (m.Groups["approx"].Value + raw + m.Groups["scale"].Value + m.Groups["pct"].Value + (m.Groups["unit"].Success ? m.Groups["unit"].Value : string.Empty)).Trim();
                facts.Add(new NumberFact(written, Value(raw, m.Groups["scale"].Value), counts, kind, sentence));
            }
        }

        return facts;
    }

    /// <summary>Sentences outside the title and headline-like lines.</summary>
    internal static IEnumerable<Sentence> BodySentences(Story story) =>
        story.Paragraphs.Count == 1
            ? story.Sentences
            : story.Paragraphs.Skip(1).Where(p => !ParagraphModel.LooksLikeHeadline(p.Text)).SelectMany(p => p.Sentences);

    private static string? FollowingWord(string text, int at)
    {
        var m = Regex.Match(text[at..], @"^\s+([A-Za-z]+)");
        return m.Success ? m.Groups[1].Value.ToLowerInvariant() : null;
    }

    private static string NounAfter(string text, int at)
    {
        var words = new List<string>();
        var rest = text[at..];
        foreach (Match w in Regex.Matches(rest, @"\G\s*([A-Za-z][A-Za-z'\-]*)"))
        {
            var word = w.Groups[1].Value;
            if (StopAfterNumber.Contains(word) || words.Count >= 2 || Lexicon.ReportingVerbs.Contains(word))
            {
                break;
            }

            words.Add(word);
            if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && words.Count >= 1 && DurationUnits.Contains(word))
            {
                break;
            }
        }

        return string.Join(' ', words);
    }

    private static string WordsBefore(string text, int at, int count)
    {
        var words = Regex.Matches(text[..at], @"[A-Za-z][A-Za-z'\-]*").Select(m => m.Value).ToList();
        return string.Join(' ', words.Skip(Math.Max(0, words.Count - count)));
    }

    private static decimal? Value(string raw, string scale)
    {
        var digits = raw.TrimStart('£', '$', '€').Trim().Replace(",", string.Empty, StringComparison.Ordinal);
        decimal value;
        if (!decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out value))
        {
            var parts = raw.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || !parts.All(p => NumberWords.ContainsKey(p)))
            {
                return null;
            }

            value = parts.Sum(p => NumberWords[p]);
        }

        return scale.Trim().ToLowerInvariant() switch
        {
            "million" or "m" => value * 1_000_000m,
            "billion" or "bn" => value * 1_000_000_000m,
            "trillion" => value * 1_000_000_000_000m,
            "thousand" => value * 1000m,
            "hundred" => value * 100m,
            _ => value,
        };
    }

    public static List<DateFact> Dates(Story story)
    {
        var facts = new List<DateFact>();
        foreach (var sentence in BodySentences(story))
        {
            var text = sentence.Text;
            var taken = new List<(int Start, int End)>();
            void Add(Match m, DateKind kind, string value)
            {
                if (taken.Any(t => m.Index < t.End && m.Index + m.Length > t.Start))
                {
                    return;
                }

                taken.Add((m.Index, m.Index + m.Length));
                facts.Add(new DateFact(value.Trim(), kind, sentence));
            }

            foreach (Match m in FullDatePattern().Matches(text))
            {
                Add(m, DateKind.Date, m.Value);
            }

            foreach (Match m in TimePattern().Matches(text))
            {
                // The pattern consumes the separator after the time (no look-ahead under NonBacktracking); report the time alone.
                Add(m, DateKind.Time, m.Groups["t"].Value);
            }

            foreach (Match m in WeekdayPattern().Matches(text))
            {
                Add(m, DateKind.Weekday, m.Groups["day"].Value + (m.Groups["part"].Success ? " " + m.Groups["part"].Value : string.Empty));
            }

            foreach (Match m in MonthYearPattern().Matches(text))
            {
                var value = m.Groups["year2"].Success ? m.Groups["year2"].Value : (m.Groups["month"].Value + " " + m.Groups["year"].Value).Trim();
                Add(m, DateKind.MonthOrYear, value);
            }

            foreach (Match m in RelativePattern().Matches(text))
            {
                Add(m, DateKind.Relative, m.Value);
            }
        }

        return facts;
    }

    /// <summary>Dated sentences ordered by the dates: explicit dates by value, then the story's week in weekday order.</summary>
    public static List<TimelineEntry> Timeline(Story story, IReadOnlyList<DateFact> dates)
    {
        var bySentence = dates.GroupBy(d => d.Sentence.Position).ToDictionary(g => g.Key, g => g.ToList());
        var keyed = new List<(double Key, string When, Sentence Sentence)>();
        (double Key, string When)? context = null;
        foreach (var sentence in BodySentences(story))
        {
            if (!bySentence.TryGetValue(sentence.Position, out var found))
            {
                continue;
            }

            var day = found.FirstOrDefault(d => d.Kind is DateKind.Date) ?? found.FirstOrDefault(d => d.Kind is DateKind.Weekday)
                ?? found.FirstOrDefault(d => d.Kind is DateKind.Relative) ?? found.FirstOrDefault(d => d.Kind is DateKind.MonthOrYear);
            var time = found.FirstOrDefault(d => d.Kind == DateKind.Time);
            double key;
            string when;
            if (day is not null)
            {
                key = DayKey(day, sentence.Text);
                when = day.Text;
            }
            else if (time is not null && context is not null)
            {
                // A time alone belongs to the day the story was just talking about.
                (key, when) = context.Value;
            }
            else
            {
                continue;
            }

            if (time is not null)
            {
                key += TimeFraction(time.Text);
                when = when + ", " + time.Text;
            }

            if (day is not null)
            {
                context = (Math.Floor(key), day.Text);
            }

            keyed.Add((key, when, sentence));
        }

        return [.. keyed.OrderBy(k => k.Key).ThenBy(k => k.Sentence.Position).Select((k, i) => new TimelineEntry(k.When, i, k.Sentence))];
    }

    private static readonly Regex FutureWords = new(@"\b(will|'ll|next|due to|expected to|set to|plans? to|scheduled|upcoming|going to|have to|has to|face|faces|would)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static double DayKey(DateFact day, string sentence)
    {
        const double week = 200_000_000;
        switch (day.Kind)
        {
            case DateKind.Date:
            {
                var m = FullDatePattern().Match(day.Text);
                var month = Array.IndexOf(Lexicon.Months, (m.Groups["month"].Success ? m.Groups["month"].Value : m.Groups["month2"].Value).ToLowerInvariant()) + 1;
                var dayOfMonth = int.Parse(m.Groups["day"].Success ? m.Groups["day"].Value : m.Groups["day2"].Value, CultureInfo.InvariantCulture);
                var yearText = m.Groups["year"].Success ? m.Groups["year"].Value : m.Groups["year2"].Value;
                return yearText.Length > 0 ? (int.Parse(yearText, CultureInfo.InvariantCulture) * 10000) + (month * 100) + dayOfMonth : (9999 * 10000) + (month * 100) + dayOfMonth;
            }

            case DateKind.MonthOrYear:
            {
                var year = Regex.Match(day.Text, @"\d{4}");
                var monthName = day.Text.Split(' ')[0].ToLowerInvariant();
                var month = Array.IndexOf(Lexicon.Months, monthName) + 1;
                return year.Success ? (int.Parse(year.Value, CultureInfo.InvariantCulture) * 10000) + (Math.Max(0, month) * 100) : (9999 * 10000) + (Math.Max(0, month) * 100);
            }

            case DateKind.Weekday:
            {
                var index = Array.IndexOf(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], day.Text.Split(' ')[0].ToLowerInvariant());
                var future = FutureWords.IsMatch(sentence) ? 7 : 0;
                return week + ((index + future) * 10);
            }

            default:
            {
                var lower = day.Text.ToLowerInvariant();
                var offset = lower switch
                {
                    _ when lower.StartsWith("last", StringComparison.Ordinal) || lower.StartsWith("earlier", StringComparison.Ordinal) => -10,
                    "yesterday" => 65,
                    "overnight" => 68,
                    "today" or "tonight" => 69,
                    _ when lower.StartsWith("this", StringComparison.Ordinal) => 69,
                    "tomorrow" => 135,
                    _ => 150,
                };
                return week + offset;
            }
        }
    }

    private static double TimeFraction(string time)
    {
        var m = Regex.Match(time, @"^(\d{1,2})(?:[:.](\d{2}))?\s?(am|pm|AM|PM|a\.m\.|p\.m\.)?");
        if (!m.Success)
        {
            return 0;
        }

        var hour = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) % 12;
        if (m.Groups[3].Value.StartsWith('p') || m.Groups[3].Value.StartsWith('P'))
        {
            hour += 12;
        }
        else if (!m.Groups[3].Success)
        {
            hour = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var minutes = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        return ((hour * 60) + minutes) / (24.0 * 60) * 9;
    }
}
