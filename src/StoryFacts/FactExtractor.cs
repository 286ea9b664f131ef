using System.Globalization;
using System.Text.RegularExpressions;
using StoryEngine;

namespace StoryFacts;

/// <summary>Numbers with what they count, dates and times, people, places and organisations.</summary>
internal static partial class FactExtractor
{
    /// <summary>Number words and their values; the statements' poll shares ("four in 10") read them too.</summary>
    internal static readonly Dictionary<string, decimal> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80,
        ["ninety"] = 90, ["hundred"] = 100, ["thousand"] = 1000, ["dozen"] = 12,
    };

    private static readonly HashSet<string> StopAfterNumber = new(
        ["in", "on", "at", "of", "to", "for", "and", "or", "but", "from", "by", "with", "was", "were", "is", "are",
         "had", "have", "has", "will", "would", "could", "after", "before", "during", "since", "than", "that", "which",
         "who", "as", "a", "an", "the", "into", "across", "per", "while", "when", "it", "its", "their", "this", "be",
         "been", "being", "between", "until", "over", "under", "remaining", "said", "says",
         // Adverbs of time and distribution: "from $5.1bn to $5.3bn previously", "$2bn next year", "£5 apiece".
         "previously", "earlier", "later", "already", "ago", "now", "then", "respectively", "apiece", "last", "next"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> DurationUnits = new(
        ["second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades"],
        StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?<approx>\b(?:about|approximately|around|nearly|almost|roughly|some|more than|over|at least|up to|fewer than|less than|under|just over|just under|an estimated|as many as|a further|another)\s+)?(?<num>[£$€]\s?\d+(?:,\d{3})*(?:\.\d+)?|\b\d+(?:,\d{3})*(?:\.\d+)?|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|a thousand|hundreds|thousands|dozens|millions)\b(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?)(?<scale>\s?(?:million|billion|trillion|thousand|hundred|bn|m)\b)?(?<pct>\s?(?:%|per cent|percent))?(?<unit>[-–](?:[a-z]+)(?:-old)?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b(?:(?<month>January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<year>\d{4}))?|(?<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?<month2>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?<year2>\d{4}))?)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex FullDatePattern();

    [GeneratedRegex(@"\b(?:(?:in|since|by|until|from|of)\s+)?(?<month>January|February|March|April|June|July|August|September|October|November|December)(?:\s+(?<year>\d{4}))?\b|\b(?:in|since|by|until|from|of|early|late|mid-?)\s+(?<month>May)\b|\b(?<month>May)\s+(?<year>\d{4})\b|\b(?<year2>(?:19|20)\d{2})\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MonthYearPattern();

    [GeneratedRegex(@"\b(?<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?\b(?:\s+(?<part>morning|afternoon|evening|night))?", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"\b(?<t>\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|AM|PM|a\.m\.|p\.m\.)(?:\s(?:[A-Z]{2,4}))?(?:\s*\(\d{1,2}:\d{2}\s?[A-Z]{2,4}\))?|\d{1,2}:\d{2}(?:\s?(?:GMT|UTC|BST|CET|EST|EDT|PST|PDT|[A-Z]{3}))?|[0-2]\d[0-5]\d\s?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|JST|IST|AEST|AEDT))(?:[\s,.;)]|$)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\b(?:(?:by|in|until|over|during|through|before)\s+(?<r>the\s+(?:spring|summer|autumn|fall|winter))|since\s+(?<r>spring|summer|autumn|winter)|(?:over|at|during|on)\s+(?<r>the\s+weekend)|(?<r>yesterday|today|tonight|tomorrow|overnight|(?:last|next|this|the coming|the past)\s+(?:week|fortnight|month|year|weekend|morning|afternoon|evening|season|spring|summer|autumn|fall|winter)|earlier this (?:week|month|year)|later this (?:week|month|year)))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex RelativePattern();

    /// <summary>Currency words after a number make it money; they name the unit, never what is counted ("412 pence").</summary>
    private static readonly HashSet<string> CurrencyWords = new(
        ["pence", "p", "cents", "dollars", "pounds", "euros", "yen", "yuan", "rupees", "francs", "krona", "kronor", "rand", "pesos", "won", "dirhams", "riyals", "roubles", "rubles"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Numbers that are vague amounts: "thousands of weekend travellers" counts what follows "of".</summary>
    private static readonly HashSet<string> VagueAmounts = new(["hundreds", "thousands", "dozens", "millions", "billions", "tens"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that end the clause a number's subject is looked for in.</summary>
    private static readonly HashSet<string> ClauseStarts = new(
        ["while", "whereas", "after", "before", "as", "if", "when", "because", "but", "that", "said", "says", "although", "though", "since", "and", "with", "unless", "until", "where"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs (and auxiliaries) that end a subject: "Sales rose 3.4%", "copper was down 1.8%".</summary>
    private static readonly HashSet<string> SubjectVerbs = new(
        ["is", "was", "were", "are", "be", "been", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must",
         "rose", "rise", "rises", "risen", "fell", "fall", "falls", "fallen", "dropped", "drop", "drops", "climbed", "climbs", "jumped", "jumps",
         "slid", "slides", "slipped", "slips", "gained", "gains", "lost", "loses", "tumbled", "tumbles", "plunged", "plunges", "soared", "soars",
         "surged", "surges", "increased", "increases", "decreased", "decreases", "declined", "declines", "grew", "grows", "shrank", "shrinks",
         "edged", "edges", "eased", "eases", "reached", "reaches", "hit", "hits", "stayed", "stays", "stood", "stands", "closed", "closes",
         "ended", "ends", "traded", "trades", "touched", "cost", "costs", "costed", "spent", "spend", "spends", "paid", "pays", "raised", "raises",
         "cut", "cuts", "totalled", "totaled", "totals", "amounted", "amounts", "shed", "sheds", "sank", "sinks", "rallied", "rallies",
         "recovered", "doubled", "widened", "narrowed", "goes", "go", "went", "came", "comes",
         "invested", "invests", "borrowed", "earned", "earns", "owes", "owed", "fined", "fines", "awarded", "awards", "sold", "sells", "bought", "buys", "saved", "saves", "topped", "tops"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs after which a new clause with its own subject begins ("showed restaurant sales rose").</summary>
    private static readonly HashSet<string> ClauseTakingVerbs = new(
        ["showed", "shows", "show", "found", "finds", "suggested", "suggests", "indicated", "indicates", "estimated", "estimates", "expects", "expected",
         "predicted", "predicts", "believes", "believed", "thinks", "thought", "hoped", "hopes", "warned", "warns", "said", "says", "reported", "reports"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Money verbs whose amount is the subject's spending, cost...: "the repair had cost $40m" → "repair cost".</summary>
    private static readonly Dictionary<string, string> MoneyVerbNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["spend"] = "spending", ["spends"] = "spending", ["spent"] = "spending", ["spending"] = "spending",
        ["cost"] = "cost", ["costs"] = "cost", ["costed"] = "cost", ["pay"] = "payment", ["pays"] = "payment", ["paid"] = "payment",
        ["invest"] = "investment", ["invests"] = "investment", ["invested"] = "investment",
        ["borrow"] = "borrowing", ["borrowed"] = "borrowing", ["raise"] = "funds raised", ["raised"] = "funds raised",
        ["earn"] = "earnings", ["earns"] = "earnings", ["earned"] = "earnings", ["owe"] = "debt", ["owes"] = "debt", ["owed"] = "debt",
        ["save"] = "savings", ["saves"] = "savings", ["saved"] = "savings", ["fined"] = "fine", ["fines"] = "fine", ["awarded"] = "award", ["awards"] = "award", ["sell"] = "sale", ["sold"] = "sale", ["buy"] = "purchase", ["bought"] = "purchase",
    };

    private static readonly HashSet<string> SubjectPronouns = new(["he", "she", "it", "they", "we", "i", "you", "this", "that", "which", "who"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> LeadingDeterminers = new(
        ["the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those", "that"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Prepositions that end a subject's head noun phrase ("copper on the London Metal Exchange" → copper).</summary>
    private static readonly HashSet<string> SubjectPrepositions = new(["on", "at", "from", "with", "by", "for", "across", "among", "under", "over", "during", "after"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words between two amounts that make the second a further value of the same thing ("rose 3.4% to £9.1bn").</summary>
    private static readonly HashSet<string> ChainWords = new(
        ["to", "from", "at", "and", "or", "between", "down", "up", "having", "earlier", "later", "touched", "versus", "vs", "against", "than", "compared", "with", "a", "an", "of", "its", "about", "around", "some", "nearly", "almost", "roughly", "by"],
        StringComparer.OrdinalIgnoreCase);

    public static List<NumberFact> Numbers(Story story)
    {
        var facts = new List<NumberFact>();
        foreach (var sentence in BodySentences(story))
        {
            var text = sentence.Text;
            var dateSpans = FullDatePattern().Matches(text).Select(m => (m.Index, End: m.Index + m.Length))
                .Concat(TimePattern().Matches(text).Select(m => (m.Index, End: m.Index + m.Length))).ToList();
            // Amounts already read in this sentence, for "rose 3.4% to £9.1bn" and "Harriers 58 points, Dunmore 57".
            var previous = new List<(int End, string Counts, NumberKind Kind)>();
            foreach (Match m in NumberPattern().Matches(text))
            {
                var num = m.Groups["num"];
                if (dateSpans.Any(d => num.Index >= d.Index && num.Index < d.End))
                {
                    continue;
                }

                var raw = num.Value;
                // "the one man who saw it": "one" after "the" means "only", and "BBC Radio 5 Live": a number inside a name.
                if ((raw.Equals("one", StringComparison.OrdinalIgnoreCase) && Regex.IsMatch(text[..num.Index], @"\b(?:the|that|this|no)\s+$", RegexOptions.IgnoreCase))
                    || (Regex.IsMatch(text[..num.Index], @"\S\s+[A-Z][\w'’\-]*\s+$") && Regex.IsMatch(text[(m.Index + m.Length)..], @"^\s+[A-Z][a-z]")))
                {
                    continue;
                }

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

                // "call 101 quoting log 2417", "on 0800 555 111": a phone or reference number is no quantity.
                if (Regex.IsMatch(text[..num.Index], @"\b(?:call|calls|calling|dial|dialling|dialing|ring|text|phone|quoting|log|reference|ref|number|no\.)\s+(?:on\s+)?$", RegexOptions.IgnoreCase))
                {
                    continue;
                }

                // "89th minute", "3-1 win": an ordinal or a score; "FTSE 100", "Airbus A320": a number inside a name.
                var after = m.Index + m.Length;
                var glued = after < text.Length ? Regex.Match(text[after..], @"^[A-Za-z]+").Value : string.Empty;
                if (glued.ToLowerInvariant() is "st" or "nd" or "rd" or "th" || (glued.Length > 0 && char.IsUpper(glued[0]) && glued != "C" && glued != "F")
                    || (after < text.Length && (char.IsDigit(text[after]) || (text[after] is '-' or '–' && after + 1 < text.Length && char.IsDigit(text[after + 1]))))
                    || AcronymBefore().IsMatch(text[..num.Index]))
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
                // "10km", "50kg": a unit written against the number is what it counts.
                var following = glued.Length > 0 ? glued : NounAfter(text, after);
                var isAmount = raw.StartsWith('£') || raw.StartsWith('$') || raw.StartsWith('€') || m.Groups["pct"].Success;
                if (isAmount && following.Length > 0 && char.IsUpper(following[0]))
                {
                    // "the €50 million Bayern Munich paid": a name after an amount starts a clause about it, not what it counts.
                    following = string.Empty;
                }
                var currency = string.Empty;
                if (following.Length > 0 && CurrencyWords.Contains(following.Split(' ')[0]))
                {
                    money = true;
                    currency = " " + following.Split(' ')[0];
                    following = string.Empty;
                }

                var approx = m.Groups["approx"].Value;
                var durationUnit = DurationUnits.Contains(unit.Split('-')[0]) || DurationUnits.Contains(following.Split(' ')[0]);
                if (approx.Trim().Equals("over", StringComparison.OrdinalIgnoreCase) && durationUnit && !m.Groups["unit"].Success)
                {
                    // "$6 billion over four years": a span of time, not "more than four".
                    approx = string.Empty;
                }

                var kind = money ? NumberKind.Money
                    : percent ? NumberKind.Percent
                    : durationUnit ? NumberKind.Duration
                    : NumberKind.Count;

                // "a three-week stoppage", "a 60-day ceasefire": the number and its unit describe the noun after them.
                var counts = unit.Length > 0 ? (raw + "-" + unit + " " + following).Trim() : following;
                if (counts.Length == 0 || (kind is NumberKind.Money or NumberKind.Percent && unit.Length == 0))
                {
                    counts = CountsFromContext(text, m.Index, after, kind, raw, counts, previous);
                }

                if (counts.Length == 0)
                {
                    continue;
                }

                previous.Add((after, counts, kind));
                var written = (approx + raw + m.Groups["scale"].Value + m.Groups["pct"].Value + (m.Groups["unit"].Success ? m.Groups["unit"].Value : string.Empty) + currency).Trim();
                facts.Add(new NumberFact(written, Value(raw, m.Groups["scale"].Value), counts, kind, sentence));
            }
        }

        return facts;
    }

    /// <summary>
    /// What an amount with no noun after it counts, from the words around it: "80% of capacity", "a crowd of 1,812",
    /// "Sato Megumi, 58," (an age), "Sales rose 3.4% to £9.1bn" (the clause's subject, and the same thing for the
    /// second amount), "the repair had cost $40m" (the subject's cost).
    /// </summary>
    private static string CountsFromContext(string text, int start, int end, NumberKind kind, string raw, string nounAfter, List<(int End, string Counts, NumberKind Kind)> previous)
    {
        var rest = text[end..];
        var ofAfter = Regex.Match(rest, @"^\s+of\s+(?:(?:the|a|an|its|their|his|her|all|these|those)\s+)?(?<np>[A-Za-z][\w'\-]*(?:\s+[a-z][\w'\-]*){0,3})");
        if ((kind == NumberKind.Percent || VagueAmounts.Contains(raw)) && ofAfter.Success)
        {
            // "up to 5% of its average daily worldwide turnover": the phrase up to its head noun.
            var words = ofAfter.Groups["np"].Value.Split(' ').TakeWhile((w, i) => i == 0 || IsNoun(w)).ToList();
            while (words.Count > 1 && !IsNoun(words[^1]))
            {
                words.RemoveAt(words.Count - 1);
            }

            return string.Join(' ', words);
        }

        // "two of Silicon Valley's largest venture funds": a count of what follows "of".
        var ofPhrase = Regex.Match(rest, @"^\s+of\s+(?:(?:the|its|their|his|her|our)\s+)?(?<np>(?:[\w'’\-]+\s+){0,4}[\w'’\-]+)");
        // "Eleven of the injured": a participle after "the" names people.
        var ofParticiple = Regex.Match(rest, @"^\s+of\s+the\s+(?<p>[a-z]+ed|dead|living|missing)\b");
        if (kind == NumberKind.Count && nounAfter.Length == 0 && ofParticiple.Success)
        {
            return ofParticiple.Groups["p"].Value;
        }

        if (kind == NumberKind.Count && nounAfter.Length == 0 && ofPhrase.Success)
        {
            // "three of the past four races": the ordinal-like words and the whole's number are not what is counted.
            var words = ofPhrase.Groups["np"].Value.Split(' ')
                .SkipWhile(w => NumberWords.ContainsKey(w) || char.IsDigit(w[0]) || w.ToLowerInvariant() is "past" or "next" or "last" or "first" or "previous" or "other")
                .TakeWhile(w => IsNoun(w) || char.IsUpper(w[0])).ToList();
            if (words.Count > 0 && !char.IsUpper(words[^1][0]))
            {
                return string.Join(' ', words);
            }
        }

        if (nounAfter.Length > 0)
        {
            // "a 12% fall in annual profits": a change is counted with what changed.
            var inAfter = Regex.Match(text[end..], @"^\s+" + Regex.Escape(nounAfter) + @"\s+in\s+(?:(?:the|its|their)\s+)?(?<np>[A-Za-z][\w'\-]*(?:\s+[a-z][\w'\-]*)?)");
            return ChangeNouns.Contains(nounAfter.Split(' ')[^1]) && inAfter.Success ? nounAfter + " in " + TrimNounPhrase(inAfter.Groups["np"].Value) : nounAfter;
        }

        var before = BeforeTokens().Matches(text[..start]).Select(x => x.Value).ToList();
        // "14 of its next 16 attempts": the number after "N of" is the whole the first one is part of.
        if (before.Count >= 1 && before[^1].Equals("of", StringComparison.OrdinalIgnoreCase) && Regex.IsMatch(text[..start], @"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+of\s+(?:(?:its|their|his|her|the)\s+)?(?:next|last|first)?\s*$", RegexOptions.IgnoreCase))
        {
            return string.Empty;
        }

        // "a pre-tax profit of £318m", "a crowd of 1,812", "its first quarterly dividend, of 8 cents": the noun before "of".
        var ofAt = before.Count >= 3 && before[^1].Equals("of", StringComparison.OrdinalIgnoreCase) && before[^2] == "," ? before.Count - 3 : before.Count - 2;
        if (before.Count >= 2 && before[^1].Equals("of", StringComparison.OrdinalIgnoreCase) && ofAt >= 0 && IsNoun(before[ofAt]))
        {
            var np = new List<string>();
            // The head is a noun; its modifiers may be participles ("operating profit", "living costs").
            for (var k = ofAt; k >= 0 && np.Count < 3 && (k == ofAt ? IsNoun(before[k]) : IsNoun(before[k]) || IsNounish(before[k])) && !LeadingDeterminers.Contains(before[k]) && !SubjectVerbs.Contains(before[k]); k--)
            {
                np.Insert(0, before[k]);
            }

            if (np.Count > 0)
            {
                return string.Join(' ', np);
            }
        }

        // "54,300 people ... in December, up from 44,900 in November": a comparison repeats what the last amount counts.
        if (previous.Count > 0 && before.Count >= 2 && before[^1].Equals("from", StringComparison.OrdinalIgnoreCase) && before[^2].ToLowerInvariant() is "up" or "down" or "rising" or "falling" or "rose" or "fell")
        {
            return previous.LastOrDefault(p => p.Kind == kind).Counts ?? previous[^1].Counts;
        }

        // "expects same-store sales to rise between 1% and 2%", "the number of confirmed cases rose to 17": what changes.
        var change = ChangeTarget().Match(text[..start]);
        if (change.Success && (previous.Count == 0 || previous[^1].End < change.Index))
        {
            var np = change.Groups["np"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Reverse()
                .TakeWhile(w => IsNoun(w) && !LeadingDeterminers.Contains(w) && !ClauseTakingVerbs.Contains(w)).Reverse().ToList();
            if (np.Count > 0)
            {
                return string.Join(' ', np);
            }
        }

        // "Sato Megumi, 58, said": a bare number between commas after a name is an age.
        if (kind == NumberKind.Count && Regex.IsMatch(raw, @"^\d{1,3}$") && before.Count >= 2 && before[^1] == "," && char.IsUpper(before[^2][0]) && rest.TrimStart().StartsWith(','))
        {
            return "age";
        }

        // "rose 3.4% to £9.1bn", "between $2.1 billion and $2.3 billion", "Harriers 58 points, Dunmore 57": a further
        // value of what the amount just before counts, when only linking words (or a list entry's name) lie between.
        if (previous.Count > 0)
        {
            var last = previous[^1];
            var between = BeforeTokens().Matches(text[last.End..start]).Select(x => x.Value).ToList();
            var countedWords = last.Counts.Split(' ');
            if (between.Count > countedWords.Length && between.Take(countedWords.Length).SequenceEqual(countedWords, StringComparer.OrdinalIgnoreCase))
            {
                between = [.. between.Skip(countedWords.Length)];
            }

            var linking = between.All(w => ChainWords.Contains(w) || w is "," or "(" || w.StartsWith('"') || w.StartsWith('“') || w.StartsWith('”'));
            var listEntry = kind == NumberKind.Count && between.Count is >= 2 and <= 4 && between[0] == "," && between.Skip(1).All(w => char.IsUpper(w[0]));
            if ((linking && (kind is NumberKind.Money or NumberKind.Percent || last.Kind == kind)) || listEntry)
            {
                return last.Counts;
            }
        }

        if (kind is not (NumberKind.Money or NumberKind.Percent))
        {
            // "patients aged four and older": an age.
            if (before.Count >= 1 && before[^1].ToLowerInvariant() is "aged" or "age")
            {
                return "age";
            }

            // "on lap 23", "from gate 12": a numbered thing named by the noun before the number.
            if (before.Count >= 2 && before[^1].All(char.IsLower) && IsNoun(before[^1]) && !before[^1].EndsWith('s') && before[^2].ToLowerInvariant() is "on" or "at" or "in" or "from" or "to" or "of")
            {
                return before[^1];
            }

            return string.Empty;
        }

        // "cut its full-year core earnings forecast to between $2.1 billion ...": the noun the amount is linked to.
        var j = before.Count - 1;
        // "cut the fine from an initially proposed 1.8 billion euros": words that only qualify the amount.
        var skipped = 0;
        while (j >= 1 && before[j].ToLowerInvariant() is "a" or "an" or "initially" or "originally" or "previously" or "proposed" or "planned" or "earlier" or "estimated" or "expected"
               && before.Take(j).Any(w => w.ToLowerInvariant() is "to" or "from" or "between"))
        {
            j--;
            skipped++;
        }

        if (skipped > 0 && before[j].ToLowerInvariant() is not ("to" or "from" or "between"))
        {
            j += skipped;
        }

        while (j >= 0 && before[j].ToLowerInvariant() is "to" or "from" or "between" or "at" or "by" or "around" or "about" or "below" or "above" or "under" or "over")
        {
            j--;
        }

        if (j < before.Count - 1 && j >= 0 && IsNoun(before[j]))
        {
            var np = new List<string>();
            var k = j;
            for (; k >= 0 && np.Count < 4 && IsNoun(before[k]) && !LeadingDeterminers.Contains(before[k]); k--)
            {
                np.Insert(0, before[k]);
            }

            // "cut her price target on the stock to $38": the object before a prepositional phrase.
            var p = k >= 0 && LeadingDeterminers.Contains(before[k]) ? k - 1 : k;
            if (p >= 1 && before[p].ToLowerInvariant() is "on" or "for" or "of" && IsNoun(before[p - 1]))
            {
                var obj = new List<string>();
                for (var q = p - 1; q >= 0 && obj.Count < 4 && IsNoun(before[q]) && !LeadingDeterminers.Contains(before[q]); q--)
                {
                    obj.Insert(0, before[q]);
                }

                return string.Join(' ', obj);
            }

            return string.Join(' ', np);
        }

        // "the €50 million Bayern Munich paid": the payer's payment.
        var payer = Regex.Match(rest, @"^\s+(?<name>(?:[A-Z][\w'’\-]*\s+){1,3})(?<verb>[a-z]+)\b");
        if (payer.Success && MoneyVerbNouns.TryGetValue(payer.Groups["verb"].Value, out var paid))
        {
            return payer.Groups["name"].Value.Trim() + " " + paid;
        }

        // "would ship in March for $1,299", "priced at £40": a selling price.
        if (kind == NumberKind.Money && before.Count > 0 && before[^1].ToLowerInvariant() is "for" or "at"
            && before.Skip(Math.Max(0, before.Count - 8)).Any(w => w.ToLowerInvariant() is "ship" or "ships" or "sell" or "sells" or "sold" or "retail" or "retails" or "priced" or "available" or "costing" or "go" or "goes"))
        {
            return "price";
        }

        var subject = SubjectBefore(before);
        if (subject.Length > 0)
        {
            return subject;
        }

        // "a further €5 million in performance-related add-ons": what the money comes as.
        var inForm = Regex.Match(rest, @"^\s+in\s+(?<np>[a-z][\w'\-]*(?:\s+[a-z][\w'\-]*){0,2})");
        if (kind == NumberKind.Money && inForm.Success && IsNounish(inForm.Groups["np"].Value.Split(' ')[0]) && !LeadingDeterminers.Contains(inForm.Groups["np"].Value.Split(' ')[0]))
        {
            var np = string.Join(' ', inForm.Groups["np"].Value.Split(' ').TakeWhile(IsNounish));
            if (np.Length > 0 && IsNoun(np.Split(' ')[^1]) && !DurationUnits.Contains(np.Split(' ')[0]))
            {
                return np;
            }
        }

        // "..., having earlier touched $8,874": no subject of its own, so a further value of the sentence's last amount.
        var lastAmount = previous.LastOrDefault(p => p.Kind is NumberKind.Money or NumberKind.Percent);
        if (lastAmount.Counts is not null)
        {
            return lastAmount.Counts;
        }

        return WordsBefore(text, start, 4);
    }

    /// <summary>Nouns of change: "a 12% fall in profits" counts the fall in profits.</summary>
    private static readonly HashSet<string> ChangeNouns = new(
        ["fall", "rise", "drop", "increase", "decrease", "decline", "jump", "cut", "gain", "loss", "slump", "surge", "climb", "hike", "reduction", "growth", "dip"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that are no nouns of a counted phrase: particles, adverbs and participles ("was little changed at").</summary>
    private static bool IsNoun(string word) =>
        word.Length > 0 && char.IsLetter(word[0]) && !NumberWords.ContainsKey(word) && !StopAfterNumber.Contains(word) && !ClauseStarts.Contains(word) && !SubjectVerbs.Contains(word)
        && word.ToLowerInvariant() is not ("told" or "tells" or "says" or "added" or "adds") && word.ToLowerInvariant() is not ("down" or "up" or "little" or "back" or "just" or "only" or "still" or "even" or "next" or "last" or "first" or "other" or "same" or "now" or "then" or "past")
        && !(word.Length > 4 && (word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal) || Adverb().IsMatch(word)));

    /// <summary>Adverbs by their endings ("initially", "sharply", "recently"); "daily", "family", "supply" are not.</summary>
    [GeneratedRegex(@"(?:ally|ously|ively|ently|antly|edly|fully|ingly|ckly|ghtly|arly|ssly|tly|rply|mply|wly)$", RegexOptions.IgnoreCase)]
    private static partial Regex Adverb();

    /// <summary>
    /// The subject of the amount's clause: the words between the clause's start and its first verb, without a leading
    /// determiner or a trailing prepositional phrase ("Benchmark copper on the LME was down 1.8%" → "Benchmark copper").
    /// With a money verb the subject's spending or cost ("the government will spend $6bn" → "government spending").
    /// </summary>
    private static string SubjectBefore(List<string> before)
    {
        // Quotation marks inside a clause ('had cost "well over" $40 million') do not end it.
        before = [.. before.Where(w => !(w.StartsWith('"') || w.StartsWith('“') || w.StartsWith('”')))];
        var clauseStart = 0;
        for (var k = before.Count - 1; k >= 0; k--)
        {
            var w = before[k];
            if (w is "," or ";" or ":" or "—" or "–" or "(" or ")" || ClauseStarts.Contains(w) || w.StartsWith('"') || w.StartsWith('“') || w.StartsWith('”'))
            {
                clauseStart = k + 1;
                break;
            }
        }

        var clause = before.Skip(clauseStart).ToList();
        var verbAt = clause.FindIndex(SubjectVerbs.Contains);
        if (verbAt <= 0)
        {
            return string.Empty;
        }

        // "Figures released on Friday showed restaurant sales rose": the subject starts after a verb that takes a clause.
        var lastClauseVerb = clause.Take(verbAt).ToList().FindLastIndex(w => ClauseTakingVerbs.Contains(w));
        var subject = clause.Skip(lastClauseVerb + 1).Take(verbAt - lastClauseVerb - 1).SkipWhile(LeadingDeterminers.Contains).ToList();
        var cut = subject.FindIndex(w => SubjectPrepositions.Contains(w) || (w is "in" or "of" && subject.IndexOf(w) + 1 < subject.Count && !char.IsUpper(subject[subject.IndexOf(w) + 1][0])));
        if (cut >= 0)
        {
            subject = subject.Take(cut).ToList();
        }

        // "the refurbishment needed to bring the beds up to standard had been costed at": the head noun before a verb or "to".
        var firstNonNoun = subject.FindIndex(w => !IsNounish(w) || (subject.IndexOf(w) > 0 && !IsNoun(w)));
        if (firstNonNoun > 0)
        {
            subject = subject.Take(firstNonNoun).ToList();
        }

        if (subject.Count == 0 || subject.Count > 6 || (subject.Count == 1 && SubjectPronouns.Contains(subject[0])) || !subject.All(IsNounish)
            // "having earlier touched": a participle opens no subject ("Housing starts" is a noun phrase).
            || (subject[0].EndsWith("ing", StringComparison.Ordinal) && (char.IsLower(subject[0][0]) || subject[0] is "Having" or "Being" or "Including" or "Following" or "According")))
        {
            return string.Empty;
        }

        var verb = clause.Skip(verbAt).FirstOrDefault(MoneyVerbNouns.ContainsKey);
        var phrase = string.Join(' ', subject);
        return verb is null ? phrase : phrase + " " + MoneyVerbNouns[verb];
    }

    private static bool IsNounish(string word) =>
        word.Length > 0 && char.IsLetter(word[0]) && !StopAfterNumber.Contains(word) && !ClauseStarts.Contains(word) && !Lexicon.ReportingVerbs.Contains(word);

    private static string TrimNounPhrase(string np) =>
        string.Join(' ', np.Split(' ').TakeWhile((w, i) => !StopAfterNumber.Contains(w) && !Lexicon.ReportingVerbs.Contains(w) && (i == 0 || IsNoun(w))));

    [GeneratedRegex(@"[A-Za-z][A-Za-z'’\-.]*|[,;:—–()]|[""“”]")]
    private static partial Regex BeforeTokens();

    [GeneratedRegex(@"\b[A-Z][A-Z&]+\s$")]
    private static partial Regex AcronymBefore();

    [GeneratedRegex(@"(?:\bthe\s+number\s+of\s+)?(?<np>(?:[\w'’\-]+\s+){0,3}[\w'’\-]+)\s+(?:to\s+)?(?:rise|rose|risen|rising|fall|fell|fallen|falling|grow|grew|increase|increased|decline|declined|reach|reached|drop|dropped|climb|climbed|jump|jumped|hit|top|topped|exceed|exceeded|double|doubled)\s+(?:by\s+|to\s+|between\s+|as\s+much\s+as\s+)(?:about\s+|around\s+|nearly\s+|some\s+|just\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeTarget();

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
        // "a $9.95 "value bowl"": quotation marks around the noun do not end it.
        foreach (Match w in Regex.Matches(rest, @"\G\s*[""“”']?([A-Za-z][A-Za-z'\-]*)[""“”]?"))
        {
            var word = w.Groups[1].Value;
            var limit = words.Count > 0 && words[0].ToLowerInvariant() is "other" or "more" or "new" or "further" or "additional" or "separate" or "different" ? 3 : 2;
            if (StopAfterNumber.Contains(word) || words.Count >= limit || Lexicon.ReportingVerbs.Contains(word))
            {
                break;
            }

            // "8,100 drivers waited": a verb after the noun is not part of what is counted.
            if (words.Count == 1 && !IsNoun(word))
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
                // "with 2:10 left in overtime": a game clock, not a time of day.
                if (Regex.IsMatch(text[(m.Index + m.Length - 1)..], @"^\W?\s*(?:left|remaining|to play|to go)\b"))
                {
                    continue;
                }

                // The pattern consumes the separator after the time (no look-ahead under NonBacktracking); report the time alone.
                Add(m, DateKind.Time, m.Groups["t"].Value);
            }

            foreach (Match m in WeekdayPattern().Matches(text))
            {
                // "on a Sunday", "every Monday": a habit, not a date.
                if (Regex.IsMatch(text[..m.Index], @"\b(?:a|every|each|any)\s+$", RegexOptions.IgnoreCase))
                {
                    continue;
                }

                Add(m, DateKind.Weekday, m.Groups["day"].Value + (m.Groups["part"].Success ? " " + m.Groups["part"].Value : string.Empty));
            }

            foreach (Match m in MonthYearPattern().Matches(text))
            {
                var value = m.Groups["year2"].Success ? m.Groups["year2"].Value : (m.Groups["month"].Value + " " + m.Groups["year"].Value).Trim();
                Add(m, DateKind.MonthOrYear, value);
            }

            foreach (Match m in RelativePattern().Matches(text))
            {
                // "the spring economic statement", "this year's budget" name things, not times.
                var next = FollowingWord(text, m.Index + m.Length);
                if (next is not null && !StopAfterNumber.Contains(next) && !Lexicon.ReportingVerbs.Contains(next) && m.Groups["r"].Value.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                Add(m, DateKind.Relative, m.Groups["r"].Value);
            }
        }

        return facts;
    }

    /// <summary>
    /// Dated sentences ordered by the dates, each placed in days from the story's "now": the date of a dateline or
    /// lead ("LONDON, March 4 (Reuters) -") and the weekday the lead reports ("on Wednesday"). Weekdays count back from
    /// that weekday (forward in a sentence about the future), dates without a year fall in the year around "now",
    /// and past and future dates the story cannot place (a year alone, a month when no date is given) go before and
    /// after the story's week by their tense ("since 2011", "by 2030").
    /// </summary>
    public static List<TimelineEntry> Timeline(Story story, IReadOnlyList<DateFact> dates)
    {
        var body = BodySentences(story).ToList();
        var bySentence = dates.GroupBy(d => d.Sentence.Position).ToDictionary(g => g.Key, g => g.ToList());
        var reference = Reference(body, bySentence);
        var keyed = new List<(double Key, string When, Sentence Sentence)>();
        (double Key, string When)? context = null, pastContext = null;
        foreach (var sentence in body)
        {
            if (!bySentence.TryGetValue(sentence.Position, out var found))
            {
                continue;
            }

            // "down 1.8% by 1040 GMT, its weakest since Jan. 6": a date after "since" is a point of comparison, not the
            // sentence's event, when the sentence has another date or time.
            var events = found.Where(d => !Regex.IsMatch(sentence.Text, @"\bsince\s+(?:early\s+|late\s+|mid-?)?" + Regex.Escape(d.Text), RegexOptions.IgnoreCase)).ToList();
            if (events.Count > 0)
            {
                found = events;
            }

            var day = found.FirstOrDefault(d => d.Kind is DateKind.Date) ?? found.FirstOrDefault(d => d.Kind is DateKind.Weekday)
                ?? found.FirstOrDefault(d => d.Kind is DateKind.Relative) ?? found.FirstOrDefault(d => d.Kind is DateKind.MonthOrYear);
            var time = found.FirstOrDefault(d => d.Kind == DateKind.Time);
            double key;
            string when;
            if (day is not null)
            {
                key = DaysFromNow(day, sentence.Text, reference);
                when = day.Text;
            }
            else if (time is not null && (IsFuture(sentence.Text, time.Text) ? context : pastContext ?? context) is { } inherited)
            {
                // A time alone belongs to the day the story was just talking about; told in the past tense ("Officers
                // were called at 2.15am"), to the last day something happened, not a day ahead ("due in court on Monday").
                (key, when) = inherited;
            }
            else
            {
                continue;
            }

            if (day is not null)
            {
                context = (key, day.Text);
                if (!IsFuture(sentence.Text, day.Text))
                {
                    pastContext = context;
                }
            }

            if (time is not null)
            {
                key += TimeFraction(time.Text);
                when = when + ", " + time.Text;
            }

            keyed.Add((key, when, sentence));
        }

        return [.. keyed.OrderBy(k => k.Key).ThenBy(k => k.Sentence.Position).Select((k, i) => new TimelineEntry(k.When, i, k.Sentence))];
    }

    /// <summary>The story's "now": a date (month, day, maybe year) and a weekday, either possibly unknown.</summary>
    private sealed record StoryNow(int? Month, int? Day, int? Year, int? Weekday);

    private static StoryNow Reference(List<Sentence> body, Dictionary<int, List<DateFact>> bySentence)
    {
        int? month = null, dayOfMonth = null, year = null, weekday = null;
        // The lead sentence's date: a dateline ("LONDON, March 4 (Reuters) -") or the day the news happened.
        if (body.Count > 0 && bySentence.TryGetValue(body[0].Position, out var lead) && lead.FirstOrDefault(d => d.Kind == DateKind.Date) is { } date && !IsFuture(body[0].Text, date.Text))
        {
            (month, dayOfMonth, year) = ParseDate(date.Text);
        }

        // The first weekday the story reports in the past or present tense is the day of the news: in the lead
        // paragraph, or anywhere when no dateline dates the story ("had collapsed on Monday" is before "PARIS, June 10").
        var leadParagraph = body.Count > 0 ? body[0].Paragraph : -1;
        foreach (var sentence in body.Where(s => month is null || s.Paragraph == leadParagraph))
        {
            if (bySentence.TryGetValue(sentence.Position, out var found) && found.FirstOrDefault(d => d.Kind == DateKind.Weekday) is { } w && !IsFuture(sentence.Text, w.Text))
            {
                weekday = WeekdayIndex(w.Text);
                break;
            }
        }

        return new StoryNow(month, dayOfMonth, year, weekday);
    }

    private static readonly Regex FutureWords = new(@"\b(will|'ll|’ll|next|due to|(?:is|are) due|expect|expects|expected|expecting|set to|plans? to|scheduled|upcoming|going to|coming|would|aims? to|target)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>
    /// A date in a clause about the future ("will", "expected to") or a deadline ("by May", "by 2030"). Only the
    /// date's own clause counts: in "Harlow will pay $52 a share, a premium to the closing price on Friday" Friday is past.
    /// </summary>
    private static bool IsFuture(string sentence, string dateText)
    {
        var at = sentence.IndexOf(dateText, StringComparison.Ordinal);
        var before = at > 0 ? sentence[..at] : string.Empty;
        var clauseStart = Math.Max(0, new[] { before.LastIndexOf(',') , before.LastIndexOf(';'), before.LastIndexOf('—'), before.LastIndexOf(" but ", StringComparison.Ordinal), before.LastIndexOf(" while ", StringComparison.Ordinal) }.Max());
        var end = at >= 0 ? sentence.IndexOfAny([',', ';', '.'], at + dateText.Length) : -1;
        var clause = at >= 0 ? sentence[clauseStart..(end < 0 ? sentence.Length : end)] : sentence;
        return FutureWords.IsMatch(clause) || Regex.IsMatch(before, @"\b(by|until|before)\s+(?:the\s+)?$", RegexOptions.IgnoreCase);
    }

    /// <summary>Days beyond any placeable date: where dates go that only their tense puts before or after the story.</summary>
    private const double Unplaced = 1_000_000;

    private static double DaysFromNow(DateFact day, string sentence, StoryNow now)
    {
        var future = IsFuture(sentence, day.Text);
        switch (day.Kind)
        {
            case DateKind.Date:
            case DateKind.MonthOrYear:
            {
                var (month, dayOfMonth, year) = ParseDate(day.Text);
                if (month is null && year is null)
                {
                    return 0;
                }

                var m = month ?? 7;
                var d = dayOfMonth ?? (month is null ? 1 : 15);
                if (year is not null && now.Year is not null && now.Month is not null)
                {
                    return Ordinal(year.Value, m, d) - Ordinal(now.Year.Value, now.Month.Value, now.Day ?? 15);
                }

                if (year is null && now.Month is not null)
                {
                    // "since November" in a story dated March 4 is last November; "by May" is this May.
                    var days = Ordinal(0, m, d) - Ordinal(0, now.Month.Value, now.Day ?? 15);
                    return !future && days > 0 ? days - 372 : future && days < 0 ? days + 372 : days;
                }

                // Nothing places the date against the story's week: its tense does. A year orders the unplaced dates;
                // a month without one sits nearer the story than any dated year ("since October" ... "in December").
                var ordinal = year is null ? Ordinal(0, m, d) : Ordinal(year.Value, m, d);
                var band = year is null ? 1_000 : Unplaced;
                return future ? band + ordinal : -band - (Ordinal(year is null ? 0 : 9999, 12, 31) - ordinal);
            }

            case DateKind.Weekday:
            {
                var index = WeekdayIndex(day.Text);
                if (now.Weekday is int w)
                {
                    var ahead = (index - w + 7) % 7;
                    return future ? (ahead == 0 ? 7 : ahead) : -((w - index + 7) % 7);
                }

                return future ? index + 1 : index - 7;
            }

            default:
            {
                var lower = day.Text.ToLowerInvariant();
                return lower switch
                {
                    "yesterday" => -1,
                    "overnight" => -0.5,
                    "today" or "tonight" => 0,
                    "tomorrow" => 1,
                    _ when lower.StartsWith("earlier", StringComparison.Ordinal) => -3,
                    _ when lower.StartsWith("later", StringComparison.Ordinal) => 3,
                    _ when lower.StartsWith("last", StringComparison.Ordinal) || lower.StartsWith("the past", StringComparison.Ordinal) => -Span(lower),
                    _ when lower.StartsWith("next", StringComparison.Ordinal) => Span(lower),
                    _ when lower.StartsWith("the coming", StringComparison.Ordinal) => Span(lower) / 2,
                    "the weekend" => future ? 3 : -3,
                    "spring" or "summer" or "autumn" or "winter" => future ? 60 : -60,
                    _ when lower.StartsWith("the ", StringComparison.Ordinal) => future ? 60 : -60,
                    _ => 0,
                };
            }
        }
    }

    /// <summary>How far "next week" or "last season" lies from now, in days.</summary>
    private static double Span(string relative) => relative.Split(' ')[^1] switch
    {
        "week" or "weekend" => 7,
        "month" => 30,
        "year" => 365,
        "morning" or "afternoon" or "evening" => 1,
        _ => 180,
    };

    private static double Ordinal(int year, int month, int day) => (year * 372.0) + (month * 31) + day;

    private static int WeekdayIndex(string text) =>
        Array.IndexOf(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], text.Split(' ')[0].ToLowerInvariant().Replace("'s", string.Empty, StringComparison.Ordinal));

    /// <summary>Month, day and year of "October 7, 2023", "Jan. 6", "4 March", "May 2024", "2030".</summary>
    private static (int? Month, int? Day, int? Year) ParseDate(string text)
    {
        int? month = null, day = null, year = null;
        foreach (Match w in Regex.Matches(text, @"[A-Za-z]+|\d+"))
        {
            var v = w.Value;
            if (char.IsLetter(v[0]))
            {
                var i = Array.FindIndex(Lexicon.Months, mo => v.Length >= 3 && mo.StartsWith(v.ToLowerInvariant(), StringComparison.Ordinal));
                if (i >= 0 && month is null)
                {
                    month = i + 1;
                }
            }
            else if (v.Length == 4)
            {
                year = int.Parse(v, CultureInfo.InvariantCulture);
            }
            else if (v.Length <= 2)
            {
                day = int.Parse(v, CultureInfo.InvariantCulture);
            }
        }

        return (month, day, year);
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
        // A fraction of the day, so that a time never reaches the next day.
        return ((hour * 60) + minutes) / (24.0 * 60) * 0.99;
    }
}
