using System.Buffers;
using System.Collections.Frozen;

namespace StoryEngine.Ingest;

/// <summary>
/// Splits a paragraph of English news text into sentences.
/// </summary>
/// <remarks>
/// A boundary is whitespace after terminal punctuation (<c>.</c>, <c>!</c>, <c>?</c>, an ellipsis), optionally followed
/// by closing quotes or brackets, when the next token starts a sentence (a capital letter or a digit, possibly after an
/// opening quote). What survives news text:
/// <list type="bullet">
/// <item>No split before a lower-case word ("5 p.m. on Tuesday", "e.g. the", "“Why?” he asked").</item>
/// <item>Titles never end a sentence (Mr., Dr., Gen., Sen. ...); numbering abbreviations (No., Jan., p.) bind a
/// following number; ambiguous abbreviations (U.S., a.m., Inc., Jr., etc., initials like W. or J.D.) end a sentence
/// only when the next word is one that typically opens a sentence (The, He, But, In...), so "the U.S. The next day"
/// splits but "U.S. President" and "George W. Bush" do not.</item>
/// <item>No split inside a quotation that is closed within the paragraph: “We will win. We always do,” he said. is
/// one sentence; a quotation that ends a sentence (<c>...win.” She left.</c>) splits after the quote. A quotation
/// left open (news style when a quote runs on into the next paragraph) or a long quoted speech (over 400 characters)
/// does not suppress splits. Brackets do not suppress splits either; a closing bracket may end a sentence.</item>
/// <item>Apostrophes are not quotes: <c>Hamas'</c>, <c>don’t</c>, <c>’90s</c>.</item>
/// </list>
/// Text is never lost or reordered: the sentences are the paragraph's substrings in order, separated only by
/// whitespace, each trimmed.
/// </remarks>
public static class SentenceSplitter
{
    /// <summary>Splits <paramref name="paragraph"/>; an empty or whitespace-only paragraph gives no sentences.</summary>
    public static IReadOnlyList<string> Split(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var sentences = new List<string>();
        foreach (var (start, length) in SplitRanges(paragraph))
        {
            sentences.Add(paragraph.Substring(start, length));
        }

        return sentences;
    }

    /// <summary>The sentences as (start, length) ranges of <paramref name="paragraph"/>, for callers that keep offsets.</summary>
    public static IReadOnlyList<(int Start, int Length)> SplitRanges(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var ranges = new List<(int, int)>();
        var text = paragraph.AsSpan();
        var n = text.Length;
        var start = SkipWhitespace(text, 0);
        if (start == n)
        {
            return ranges;
        }

        var spans = EnclosedSpans(text);
        var spanIndex = 0;
        var i = start;
        while (i < n)
        {
            // Vectorised jump to the next stop: most characters are not candidates.
            var offset = text[i..].IndexOfAny(Terminals);
            if (offset < 0)
            {
                break;
            }

            i += offset;
            var runStart = i;
            var runEnd = i;
            while (runEnd < n && IsTerminal(text[runEnd]))
            {
                runEnd++;
            }

            var k = runEnd;
            while (k < n && (IsCloser(text[k]) || IsTerminal(text[k])))
            {
                k++;
            }

            if (k == n)
            {
                break;
            }

            if (!char.IsWhiteSpace(text[k]))
            {
                i = k;
                continue;
            }

            var next = SkipWhitespace(text, k);
            if (next == n)
            {
                break;
            }

            // Candidates come in increasing order, so the first span that may still contain one only moves forward.
            while (spanIndex < spans.Count && spans[spanIndex].Close <= k)
            {
                spanIndex++;
            }

            var quoted = spanIndex < spans.Count && spans[spanIndex].Open < k;
            if (!quoted && IsBoundary(text, start, runStart, runEnd, k, next))
            {
                ranges.Add((start, k - start));
                start = next;
            }

            i = next;
        }

        var end = n;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            ranges.Add((start, end - start));
        }

        return ranges;
    }

    private enum NextKind
    {
        Other,
        Upper,
        Number,
    }

    private enum AbbreviationKind
    {
        None,

        /// <summary>Precedes a name; never ends a sentence.</summary>
        Title,

        /// <summary>Never ends a sentence (e.g., i.e., vs.).</summary>
        Continuing,

        /// <summary>Binds a following number (No. 5, p. 12); otherwise an ordinary word.</summary>
        Numbering,

        /// <summary>A month: binds a following number, otherwise ambiguous.</summary>
        Month,

        /// <summary>May end a sentence: only when the next word typically opens one.</summary>
        Ambiguous,
    }

    private static bool IsBoundary(ReadOnlySpan<char> text, int sentenceStart, int runStart, int runEnd, int wsStart, int next)
    {
        var kind = Classify(text, next, out var nextWord);
        if (kind == NextKind.Other)
        {
            return false;
        }

        var run = text[runStart..runEnd];
        if (run.ContainsAny('!', '?') || run.Contains('…') || run.Length >= 2)
        {
            return true;
        }

        // A single full stop: look at the word it ends.
        var tokenStart = runStart;
        while (tokenStart > sentenceStart && !char.IsWhiteSpace(text[tokenStart - 1]))
        {
            tokenStart--;
        }

        var token = text[tokenStart..runStart];

        // "1. Talks resume" / "A. Background": a list marker opening the sentence, not a sentence of its own.
        if (tokenStart == sentenceStart && IsListMarker(token))
        {
            return false;
        }

        // Only the last piece of "pro-U.S." or "a.m./p.m." is the abbreviation; leading quotes and brackets are not part of it.
        var cut = token.LastIndexOfAny("-/—–");
        if (cut >= 0)
        {
            token = token[(cut + 1)..];
        }

        var lead = 0;
        while (lead < token.Length && !char.IsLetterOrDigit(token[lead]))
        {
            lead++;
        }

        token = token[lead..];
        var abbreviation = ClassifyAbbreviation(token);

        // A closing quote or bracket after the stop ends the sentence whatever the word: “...in the U.S.” She left.
        var closed = wsStart > runEnd;
        if (closed && abbreviation != AbbreviationKind.Title)
        {
            return true;
        }

        return abbreviation switch
        {
            AbbreviationKind.Title or AbbreviationKind.Continuing => false,
            AbbreviationKind.Numbering => kind != NextKind.Number,
            // A quotation opening after "U.S." starts a new sentence: names do not come in quotes.
            AbbreviationKind.Month or AbbreviationKind.Ambiguous =>
                kind != NextKind.Number && (IsSentenceOpener(nextWord) || text[next] is '"' or '“'),
            _ => true,
        };
    }

    /// <summary>What the next token starts with, skipping opening quotes and brackets; its leading word.</summary>
    private static NextKind Classify(ReadOnlySpan<char> text, int next, out ReadOnlySpan<char> word)
    {
        var p = next;
        while (p < text.Length && IsOpener(text[p]))
        {
            p++;
        }

        var end = p;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] is '\'' or '’'))
        {
            end++;
        }

        word = text[p..end];
        if (p == text.Length)
        {
            return NextKind.Other;
        }

        var c = text[p];
        if (char.IsDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.CurrencySymbol)
        {
            return NextKind.Number;
        }

        if (char.IsLetter(c))
        {
            // Scripts without case count as capitalised; "iPhone", "eBay" start sentences too.
            if (!char.IsLower(c) || (p + 1 < text.Length && char.IsUpper(text[p + 1])))
            {
                return NextKind.Upper;
            }
        }

        return NextKind.Other;
    }

    private static AbbreviationKind ClassifyAbbreviation(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty)
        {
            return AbbreviationKind.None;
        }

        if (AbbreviationLookup.TryGetValue(token, out var kind))
        {
            return kind;
        }

        if (TitleLookup.Contains(token))
        {
            return AbbreviationKind.Title;
        }

        // Initials and dotted acronyms: W, J.D, U.S, U.K, a.m, P.M, D.C.
        if (token.Length == 1 && char.IsUpper(token[0]))
        {
            return AbbreviationKind.Ambiguous;
        }

        // "c. 1455", "d. 1560", "b. 1947": a lone lower-case letter is an abbreviation binding the number after it.
        if (token.Length == 1 && char.IsLower(token[0]))
        {
            return AbbreviationKind.Numbering;
        }

        if (token.Length >= 3 && token.Length % 2 == 1)
        {
            for (var i = 0; i < token.Length; i++)
            {
                if (i % 2 == 0 ? !char.IsLetter(token[i]) : token[i] != '.')
                {
                    return AbbreviationKind.None;
                }
            }

            return AbbreviationKind.Ambiguous;
        }

        return AbbreviationKind.None;
    }

    private static bool IsListMarker(ReadOnlySpan<char> token) =>
        token.Length switch
        {
            1 => char.IsLetterOrDigit(token[0]),
            2 or 3 => token.ContainsAnyExceptInRange('0', '9') is false,
            _ => false,
        };

    private static bool IsSentenceOpener(ReadOnlySpan<char> word) =>
        !word.IsEmpty && SentenceOpenerLookup.Contains(word);

    /// <summary>
    /// Quotations that open and close within the paragraph, as (open, close) indices, no longer than
    /// <see cref="MaxEnclosedQuote"/>. Unclosed ones are ignored so that one stray quote (or a quote that runs on into
    /// the next paragraph) cannot glue a paragraph into one sentence. Brackets do not enclose: a parenthesis holding
    /// several sentences ("(It was rebuilt. The house ...)") is better served as separate sentences.
    /// </summary>
    private static List<(int Open, int Close)> EnclosedSpans(ReadOnlySpan<char> text)
    {
        var spans = new List<(int, int)>();
        if (!text.ContainsAny(QuoteCharacters))
        {
            return spans;
        }

        var curly = new Stack<int>();
        int straightDouble = -1, single = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var before = i > 0 ? text[i - 1] : ' ';
            var after = i + 1 < text.Length ? text[i + 1] : ' ';
            switch (c)
            {
                case '“' or '«':
                    curly.Push(i);
                    break;
                case '”' or '»':
                    if (curly.Count > 0)
                    {
                        spans.Add((curly.Pop(), i));
                    }

                    break;
                case '"':
                    if (straightDouble >= 0)
                    {
                        spans.Add((straightDouble, i));
                        straightDouble = -1;
                    }
                    else if (IsOpeningContext(before) && !char.IsWhiteSpace(after))
                    {
                        straightDouble = i;
                    }

                    break;
                case '‘':
                    single = i;
                    break;
                case '\'':
                    if (IsOpeningContext(before) && char.IsLetterOrDigit(after))
                    {
                        // A new opening replaces an unclosed one ('90s, scare quotes never closed).
                        single = i;
                    }
                    else if (single >= 0 && IsQuoteEndPunctuation(before) && !char.IsLetter(after))
                    {
                        spans.Add((single, i));
                        single = -1;
                    }

                    break;
                case '’':
                    // With an open ‘ a ’ before a non-letter closes it; otherwise ’ is an apostrophe (don’t, Hamas’, ’90s).
                    if (single >= 0 && !char.IsLetter(after) && (text[single] == '‘' || IsQuoteEndPunctuation(before)))
                    {
                        spans.Add((single, i));
                        single = -1;
                    }

                    break;
            }
        }

        spans.RemoveAll(span => span.Item2 - span.Item1 > MaxEnclosedQuote);
        return MergeOverlapping(spans);
    }

    /// <summary>Nested quotations overlap; merged and sorted they can be swept once.</summary>
    private static List<(int Open, int Close)> MergeOverlapping(List<(int Open, int Close)> spans)
    {
        if (spans.Count < 2)
        {
            return spans;
        }

        spans.Sort();
        var merged = new List<(int Open, int Close)> { spans[0] };
        foreach (var (open, close) in spans.Skip(1))
        {
            var last = merged[^1];
            if (open <= last.Close)
            {
                merged[^1] = (last.Open, Math.Max(last.Close, close));
            }
            else
            {
                merged.Add((open, close));
            }
        }

        return merged;
    }

    /// <summary>
    /// A quoted remark (“We will win. We always do,” he said.) stays one sentence so the attribution stays with it;
    /// a quoted speech longer than this is split like any text, or answers would cite a wall of text.
    /// </summary>
    private const int MaxEnclosedQuote = 400;

    private static bool IsOpeningContext(char before) =>
        char.IsWhiteSpace(before) || before is '(' or '[' or '—' or '–' or '-' or '“' or '‘' or ':' or '/';

    private static bool IsQuoteEndPunctuation(char c) => c is '.' or ',' or '!' or '?' or ';' or ':' or '…' or '—' or '-';

    private static readonly SearchValues<char> Terminals = SearchValues.Create(".!?…");

    private static readonly SearchValues<char> QuoteCharacters = SearchValues.Create("\"“”«»‘’'");

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsCloser(char c) => c is '"' or '”' or '’' or '\'' or ')' or ']' or '»';

    private static bool IsOpener(char c) => c is '"' or '“' or '‘' or '\'' or '(' or '[' or '«';

    private static int SkipWhitespace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Titles before names, matched as written or in capitals (MR.), not in lower case ("sales rep.").</summary>
    private static readonly FrozenSet<string> Titles = TitleForms(
        "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Gen", "Gens", "Sen", "Sens", "Rep", "Reps", "Gov",
        "Govs", "Lt", "Col", "Capt", "Cmdr", "Cmdt", "Sgt", "Maj", "Adm", "Cpl", "Pvt", "Brig", "Rev", "Hon", "Pres",
        "Supt", "Det", "Insp", "Amb", "Atty", "Fr", "Mt", "Ft", "Sec", "Secy", "Asst", "Assoc", "Rt", "Mme", "Mlle");

    private static readonly FrozenDictionary<string, AbbreviationKind> Abbreviations = new Dictionary<string, AbbreviationKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["e.g"] = AbbreviationKind.Continuing,
        ["i.e"] = AbbreviationKind.Continuing,
        ["vs"] = AbbreviationKind.Continuing,
        ["v"] = AbbreviationKind.Continuing,
        ["cf"] = AbbreviationKind.Continuing,
        ["viz"] = AbbreviationKind.Continuing,
        ["approx"] = AbbreviationKind.Continuing,
        ["ca"] = AbbreviationKind.Continuing,
        ["incl"] = AbbreviationKind.Continuing,
        ["esp"] = AbbreviationKind.Continuing,
        ["No"] = AbbreviationKind.Numbering,
        ["Nos"] = AbbreviationKind.Numbering,
        ["Nr"] = AbbreviationKind.Numbering,
        ["p"] = AbbreviationKind.Numbering,
        ["pp"] = AbbreviationKind.Numbering,
        ["Vol"] = AbbreviationKind.Numbering,
        ["Art"] = AbbreviationKind.Numbering,
        ["Fig"] = AbbreviationKind.Numbering,
        ["Ch"] = AbbreviationKind.Numbering,
        ["Para"] = AbbreviationKind.Numbering,
        ["Jan"] = AbbreviationKind.Month,
        ["Feb"] = AbbreviationKind.Month,
        ["Mar"] = AbbreviationKind.Month,
        ["Apr"] = AbbreviationKind.Month,
        ["Jun"] = AbbreviationKind.Month,
        ["Jul"] = AbbreviationKind.Month,
        ["Aug"] = AbbreviationKind.Month,
        ["Sep"] = AbbreviationKind.Month,
        ["Sept"] = AbbreviationKind.Month,
        ["Oct"] = AbbreviationKind.Month,
        ["Nov"] = AbbreviationKind.Month,
        ["Dec"] = AbbreviationKind.Month,
        ["St"] = AbbreviationKind.Ambiguous,
        ["Ave"] = AbbreviationKind.Ambiguous,
        ["Blvd"] = AbbreviationKind.Ambiguous,
        ["Rd"] = AbbreviationKind.Ambiguous,
        ["Jr"] = AbbreviationKind.Ambiguous,
        ["Sr"] = AbbreviationKind.Ambiguous,
        ["Inc"] = AbbreviationKind.Ambiguous,
        ["Corp"] = AbbreviationKind.Ambiguous,
        ["Ltd"] = AbbreviationKind.Ambiguous,
        ["Co"] = AbbreviationKind.Ambiguous,
        ["Cos"] = AbbreviationKind.Ambiguous,
        ["Bros"] = AbbreviationKind.Ambiguous,
        ["Plc"] = AbbreviationKind.Ambiguous,
        ["Dept"] = AbbreviationKind.Ambiguous,
        ["Univ"] = AbbreviationKind.Ambiguous,
        ["Ph.D"] = AbbreviationKind.Ambiguous,
        ["etc"] = AbbreviationKind.Ambiguous,
        ["al"] = AbbreviationKind.Ambiguous,
        ["min"] = AbbreviationKind.Ambiguous,
        ["max"] = AbbreviationKind.Ambiguous,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Capitalised words that usually open a sentence and are rarely part of a name after an abbreviation.</summary>
    private static readonly FrozenSet<string> SentenceOpeners = new[]
    {
        "The", "A", "An", "This", "That", "These", "Those", "There", "Here", "It", "Its", "He", "She", "They", "We", "I",
        "You", "His", "Her", "Their", "Our", "My", "Your", "Some", "Many", "Most", "Much", "More", "Few", "Several", "Both",
        "All", "Each", "Every", "Any", "No", "None", "Not", "Such", "Other", "Others", "Another", "One", "Two", "Three",
        "But", "And", "Or", "Nor", "So", "Yet", "However", "Meanwhile", "Moreover", "Furthermore", "Still", "Also",
        "Then", "Now", "Later", "Earlier", "Afterwards", "Instead", "Indeed", "Even", "Only", "Just", "Thus", "Hence",
        "Although", "Though", "Because", "Since", "While", "Whilst", "When", "Whenever", "Where", "Why", "How", "What",
        "Who", "Whom", "Whose", "Which", "If", "Unless", "Until", "As", "After", "Before", "During", "Despite", "In",
        "On", "At", "By", "For", "From", "With", "Without", "Within", "Under", "Over", "Of", "To", "Into", "Among",
        "Against", "Amid", "According", "Following", "Last", "Next", "Asked", "Speaking", "Officials", "Yesterday",
        "Today", "Tomorrow", "Overall", "Finally", "First", "Second", "Third", "Once", "Again", "Otherwise", "Nevertheless",
        "Nonetheless", "Separately", "Elsewhere", "Similarly", "Likewise", "Mr", "Mrs", "Ms", "Dr",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Span lookups resolved once: asking the frozen collections for them on every candidate is measurably slow.
    private static readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup = Titles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SentenceOpenerLookup =
        SentenceOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenSet<string> TitleForms(params string[] titles) =>
        titles.Concat(titles.Select(t => t.ToUpperInvariant())).ToFrozenSet(StringComparer.Ordinal);
}
