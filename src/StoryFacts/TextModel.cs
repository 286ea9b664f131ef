using System.Text.RegularExpressions;

namespace StoryFacts;

internal enum TokenKind
{
    Word,
    Number,
    Punct,

    /// <summary>A whole direct quotation, masked so that its words never count as the frame's words.</summary>
    Quote,
}

/// <param name="Start">Offset in the paragraph text.</param>
/// <param name="End">Exclusive end offset in the paragraph text.</param>
internal sealed record Token(int Start, int End, string Text, TokenKind Kind)
{
    public string Lower { get; } = Text.ToLowerInvariant();

    public bool IsWord => Kind == TokenKind.Word;

    /// <summary>Starts with a capital, or is an Arabic name with its article ("al-Sharjabi", "el-Sisi").</summary>
    public bool IsCapitalised => Kind == TokenKind.Word && Text.Length > 0 && (char.IsUpper(Text[0]) || ArticlePrefixedName(Text));

    private static bool ArticlePrefixedName(string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash is >= 2 and <= 3 && dash + 1 < text.Length && char.IsUpper(text[dash + 1]) && text[..dash] is "al" or "el" or "ad" or "ar" or "as" or "ash" or "at" or "az" or "an";
    }

    public bool Is(string text) => string.Equals(Text, text, StringComparison.OrdinalIgnoreCase);
}

/// <param name="Start">Offset of the opening quotation mark.</param>
/// <param name="End">Exclusive end: after the closing mark, or the paragraph end when <see cref="Open"/>.</param>
/// <param name="Open">The paragraph ends before the quote closes (news style: the next paragraph continues it).</param>
/// <param name="Full">A quotation someone spoke, as opposed to a quoted word or phrase inside the narrative.</param>
internal sealed record QuoteSpan(int Start, int End, string Inner, bool Open, bool Full);

/// <summary>A paragraph with its quotations found, the quotations masked, and its frame split into tokens and sentences.</summary>
internal sealed partial class ParagraphModel
{
    private const char QuoteMask = '\uE000';

    /// <param name="cased">The paragraph's text with only letters' case changed (a title-cased headline written as a
    /// sentence), read in place of <paramref name="paragraph"/>'s; offsets stay those of the paragraph.</param>
    public ParagraphModel(int index, StoryEngine.Paragraph paragraph, string? cased = null)
    {
        if (cased is not null && cased.Length != paragraph.Text.Length)
        {
            throw new ArgumentException("A recased text keeps the paragraph's length.", nameof(cased));
        }

        Index = index;
        Paragraph = paragraph;
        // The horizontal bar (U+2015) some sites set for a dash reads as the em dash every rule knows.
        Text = DoubledApostrophesAsQuotes(cased ?? paragraph.Text).Replace('\u2015', '—');
        Quotes = FindQuotes(Text);
        Tokens = Tokenize(Text, Quotes);
        Sentences = SplitSentences(Tokens);
        Headline = LooksLikeHeadline(Text);
        _sentenceOffsets = LocateSentences(paragraph);
    }

    /// <summary>
    /// The story's paragraphs as models. A title-cased headline ("Mayor Says Bridge Will Close") is read in sentence
    /// case, its words capitalised only where the body writes them so ("Mayor Ruiz", "DNC"), so that its names, verb
    /// and report are found as in a headline written in sentence case; the story's text is not changed.
    /// </summary>
    public static List<ParagraphModel> Of(StoryEngine.Story story)
    {
        // The body first: a title-cased headline is read in the case the body writes its words.
        var body = story.Paragraphs.Skip(1).Select((p, i) => new ParagraphModel(i + 1, p)).ToList();
        if (story.Paragraphs.Count == 0)
        {
            return body;
        }

        var headline = story.Paragraphs[0];
        string? cased = null;
        if (body.Count > 0 && TitleCased(headline.Text))
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sentence in body.Where(p => !p.Headline).SelectMany(p => p.Sentences))
            {
                // Past a sentence's first word, a capital marks a name (or an acronym) as the body writes it.
                // Function words capitalised inside a title ("The Washington Post") are not names of their own.
                foreach (var t in sentence.Skip(1).Where(t => t.IsCapitalised && !Lexicon.CapitalisedFunctionWords.Contains(t.Text)))
                {
                    names.Add(t.Text);
                }
            }

            cased = SentenceCase(headline.Text, names);
        }

        return [new ParagraphModel(0, headline, cased), .. body];
    }

    /// <summary>
    /// Lower-cases each capitalised word but the first that <paramref name="names"/> does not hold; a word in capitals
    /// the body never writes ("ACTUALLY", "EPIC") is shouting, not an acronym, and is lower-cased whole.
    /// </summary>
    internal static string SentenceCase(string text, IReadOnlySet<string> names)
    {
        var chars = text.ToCharArray();
        var first = true;
        foreach (Match word in HeadlineWordPattern().Matches(text))
        {
            var w = word.Value;
            var named = names.Contains(w) || (w.Length > 2 && w[^2] is '\'' or '’' && names.Contains(w[..^2]));
            var shouted = w.Length > 1 && w.All(c => !char.IsLetter(c) || char.IsUpper(c));
            if (!named && shouted)
            {
                for (var i = first ? 1 : 0; i < w.Length; i++)
                {
                    chars[word.Index + i] = char.ToLowerInvariant(w[i]);
                }
            }
            else if (!first && !named && w.Length > 1 && char.IsUpper(w[0]) && w.Skip(1).All(c => !char.IsUpper(c)))
            {
                chars[word.Index] = char.ToLowerInvariant(w[0]);
            }

            first = false;
        }

        return new string(chars);
    }

    [GeneratedRegex(@"[\p{L}][\p{L}\p{M}\d]*(?:['’\-][\p{L}\p{M}\d]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex HeadlineWordPattern();

    public int Index { get; }

    public StoryEngine.Paragraph Paragraph { get; }

    public string Text { get; }

    public IReadOnlyList<QuoteSpan> Quotes { get; }

    public IReadOnlyList<Token> Tokens { get; }

    /// <summary>Our own clause-level sentences over the masked frame (quotations never split a sentence).</summary>
    public IReadOnlyList<IReadOnlyList<Token>> Sentences { get; }

    public bool Headline { get; }

    private readonly int[] _sentenceOffsets;

    public QuoteSpan QuoteAt(Token token)
    {
        // Built on first use: a paragraph with thousands of quotes must not cost a scan per quote.
        _quoteByStart ??= Quotes.GroupBy(q => q.Start).ToDictionary(g => g.Key, g => g.First());
        return _quoteByStart[token.Start];
    }

    private Dictionary<int, QuoteSpan>? _quoteByStart;

    /// <summary>The story engine's sentence that holds a paragraph offset, so every fact points at a real sentence.</summary>
    public StoryEngine.Sentence SentenceAt(int offset)
    {
        var sentences = Paragraph.Sentences;
        if (sentences.Count == 0)
        {
            return new StoryEngine.Sentence(string.Empty, Paragraph.Number, 0, Text);
        }

        var best = 0;
        for (var i = 0; i < _sentenceOffsets.Length; i++)
        {
            if (_sentenceOffsets[i] >= 0 && _sentenceOffsets[i] <= offset)
            {
                best = i;
            }
        }

        return sentences[best];
    }

    private static int[] LocateSentences(StoryEngine.Paragraph paragraph)
    {
        var offsets = new int[paragraph.Sentences.Count];
        var cursor = 0;
        for (var i = 0; i < offsets.Length; i++)
        {
            var text = paragraph.Sentences[i].Text;
            var at = text.Length == 0 ? -1 : paragraph.Text.IndexOf(text, cursor, StringComparison.Ordinal);
            if (at < 0 && text.Length > 8)
            {
                // The splitter may have normalised something; fall back to the sentence's opening words.
                at = paragraph.Text.IndexOf(text[..8], cursor, StringComparison.Ordinal);
            }

            offsets[i] = at;
            if (at >= 0)
            {
                cursor = at + Math.Max(1, text.Length);
            }
        }

        return offsets;
    }

    /// <summary>
    /// Some papers (the New York Times' archive text) write quotation marks as two apostrophes: ''We won,'' she said.
    /// Each pair becomes a double quotation mark and a space, so every offset stays that of the story's text: an opening
    /// pair ("''We") keeps the mark first, a closing pair ("won,''") keeps it last, so the quotation spans both pairs.
    /// </summary>
    internal static string DoubledApostrophesAsQuotes(string text)
    {
        var at = text.IndexOf("''", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        var open = false;
        for (; at >= 0 && at + 1 < text.Length; at = text.IndexOf("''", at + 2, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var after = at + 2 < text.Length ? text[at + 2] : ' ';
            var opens = (char.IsWhiteSpace(before) || before is '(' or '[' or '—' or '–' or '-' or ':') && !char.IsWhiteSpace(after);
            var closes = !char.IsWhiteSpace(before) && (char.IsWhiteSpace(after) || char.IsPunctuation(after));
            opens = opens || (!closes && !open);
            (chars[at], chars[at + 1]) = opens ? ('"', ' ') : (' ', '"');
            open = opens;
        }

        return new string(chars);
    }

    internal static IReadOnlyList<QuoteSpan> FindQuotes(string text)
    {
        var spans = new List<(int Start, int End, bool Open)>();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var opens = c is '“' or '„' or '«' || (c == '"' && start < 0 && (i == 0 || !char.IsLetterOrDigit(text[i - 1]) || IsOpeningContext(text, i)));
            var closes = c is '”' or '»' || (c == '"' && start >= 0);
            if (start < 0 && opens)
            {
                start = i;
            }
            else if (start >= 0 && c is '“' or '„')
            {
                // A new opening mark before a close: the writer dropped a closing mark; end the old quote here.
                spans.Add((start, i, false));
                start = i;
            }
            else if (start >= 0 && closes)
            {
                spans.Add((start, i + 1, false));
                start = -1;
            }
        }

        if (start >= 0)
        {
            spans.Add((start, text.Length, true));
        }

        var single = FindSingleQuotes(text, spans);
        if (single.Count > 0)
        {
            // British style: single quotation marks outside, double inside; the outer span is the quotation.
            spans.RemoveAll(d => single.Any(q => d.Start > q.Start && d.Start < q.End));
            spans.AddRange(single);
            spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        var result = new List<QuoteSpan>(spans.Count);
        foreach (var (s, e, open) in spans)
        {
            var innerEnd = open ? e : e - 1;
            var inner = text[(s + 1)..Math.Max(s + 1, innerEnd)].Trim();
            result.Add(new QuoteSpan(s, e, inner, open, IsFullQuote(text, s, inner) || IsBrokenOffQuote(text, s, e, inner, open)));
        }

        return result;
    }

    /// <summary>
    /// Quotations in single marks (‘…’ or '…'), told apart from apostrophes: an opening mark follows a space or the
    /// paragraph start and precedes a letter; a closing mark follows a letter or punctuation and precedes a space or
    /// punctuation. "drivers' union" could be either, so such a mark closes only when no clearer close follows.
    /// Regions inside double quotation marks are skipped: there single marks are nested quotes or apostrophes.
    /// </summary>
    private static List<(int Start, int End, bool Open)> FindSingleQuotes(string text, List<(int Start, int End, bool Open)> doubles)
    {
        var result = new List<(int Start, int End, bool Open)>();
        if (text.IndexOf('\'', StringComparison.Ordinal) < 0 && text.IndexOf('‘', StringComparison.Ordinal) < 0 && text.IndexOf('’', StringComparison.Ordinal) < 0)
        {
            return result;
        }

        var inDouble = new bool[text.Length];
        foreach (var (s, e, _) in doubles)
        {
            for (var k = s; k < e && k < text.Length; k++)
            {
                inDouble[k] = true;
            }
        }

        // Candidate marks in order: 1 opener, 2 clear closer, 3 possible closer (after a plural "s").
        var marks = new List<(int At, int Kind)>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('\'' or '‘' or '’') || inDouble[i])
            {
                continue;
            }

            var before = i == 0 ? ' ' : text[i - 1];
            var after = i + 1 < text.Length ? text[i + 1] : ' ';
            var opener = c is '\'' or '‘' && (i == 0 || char.IsWhiteSpace(before) || before is '(' or '[' or '—' or '–' or '-' or ':' or '"' or '“')
                && (char.IsLetterOrDigit(after) || after is '…' or '.');
            // A nested double quotation may end right before the single close: ‘... hear "wait five years,"’.
            var closer = c is '\'' or '’' && (char.IsLetterOrDigit(before) || before is '.' or ',' or '!' or '?' or ';' or ':' or '…' or '-' or '—' or '"' or '”')
                && (i + 1 >= text.Length || char.IsWhiteSpace(after) || after is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '—' or '–' or '"' or '”');
            if (opener)
            {
                marks.Add((i, 1));
            }
            else if (closer)
            {
                var possessive = before is 's' or 'S' && i + 2 < text.Length && char.IsWhiteSpace(after) && char.IsLetter(text[i + 2]);
                marks.Add((i, possessive ? 3 : 2));
            }
        }

        // For each mark, whether a clear closer follows before the next opener (one backward sweep keeps this linear).
        var clearAhead = new bool[marks.Count];
        var seenClear = false;
        for (var m = marks.Count - 1; m >= 0; m--)
        {
            clearAhead[m] = seenClear;
            seenClear = marks[m].Kind switch
            {
                1 => false,
                2 => true,
                _ => seenClear,
            };
        }

        var open = -1;
        for (var m = 0; m < marks.Count; m++)
        {
            var (at, kind) = marks[m];
            if (open < 0)
            {
                if (kind == 1)
                {
                    open = at;
                }

                continue;
            }

            if (kind == 1)
            {
                continue;
            }

            if (kind == 3 && clearAhead[m])
            {
                continue;
            }

            result.Add((open, at + 1, false));
            open = -1;
        }

        // A quotation left open runs to the paragraph's end (news style continues it in the next paragraph) when it opens
        // the paragraph, or opens a sentence after a full stop or colon with a capital ("... she says. ‘I don't ...");
        // elsewhere ("'90s") it is no quotation.
        var previous = open - 1;
        while (previous >= 0 && char.IsWhiteSpace(text[previous]))
        {
            previous--;
        }

        if (open == 0 || (open > 0 && (previous < 0
            || (text[previous] is '.' or '!' or '?' or ':' && open + 1 < text.Length && char.IsUpper(text[open + 1]) && text[(open + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3))))
        {
            result.Add((open, text.Length, true));
        }

        return result;
    }

    /// <summary>
    /// ""This," she says, "is going to ..."": a short quotation ending in a comma inside the marks, with a reporting
    /// verb within the next few words, is the first half of a quotation broken by its attribution.
    /// </summary>
    private static bool IsBrokenOffQuote(string text, int start, int end, string inner, bool open)
    {
        if (open || inner.Length == 0 || inner[^1] != ',' || end >= text.Length)
        {
            return false;
        }

        // "caused by "logistical problems on the other side," which it blamed on ...": a phrase opened inside a
        // clause (a word, not a reporting verb, right before it) is no broken-off quotation.
        var b = start - 1;
        while (b >= 0 && char.IsWhiteSpace(text[b]))
        {
            b--;
        }

        if (b >= 0 && char.IsLetter(text[b]) && !EndsWithReportingWord(text, b))
        {
            return false;
        }

        var words = text[end..Math.Min(text.Length, end + 60)].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return words.Take(4).Any(w => Lexicon.ReportingVerbs.Contains(w.TrimEnd('.', ',')));
    }

    private static bool EndsWithReportingWord(string text, int last)
    {
        var start = last;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        var word = text[start..(last + 1)];
        return Lexicon.ReportingVerbs.Contains(word) || Lexicon.ReportingParticiples.Contains(word);
    }

    private static bool IsOpeningContext(string text, int i) => i + 1 < text.Length && char.IsUpper(text[i + 1]) && text[i - 1] == ':';

    // A quoted phrase inside a clause ("called it a "hammer blow"") belongs to the narrative or to reported speech;
    // a quotation starts a paragraph or follows punctuation or a reporting verb, and has a few words.
    private static bool IsFullQuote(string text, int start, string inner)
    {
        var words = inner.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var j = start - 1;
        while (j >= 0 && char.IsWhiteSpace(text[j]))
        {
            j--;
        }

        if (words < 3)
        {
            // A short quotation standing as its own sentence ("... she said. "I promise."") is still a quotation;
            // short phrases inside a clause are scare quotes.
            return words > 0 && (j < 0 || text[j] is '.' or '!' or '?') && inner[^1] is '.' or '!' or '?';
        }

        if (j < 0 || !char.IsLetterOrDigit(text[j]))
        {
            return true;
        }

        var wordStart = j;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var previous = text[wordStart..(j + 1)];
        return Lexicon.ReportingVerbs.Contains(previous) || Lexicon.ReportingParticiples.Contains(previous);
    }

    [GeneratedRegex(@"\uE000|(?:[A-Za-z]\.){2,}|\d{1,2}:\d{2}|[£$€¥]?\d+(?:,\d{3})*(?:\.\d+)?(?:[-–]?[A-Za-z]+)*%?|[\p{L}\p{M}][\p{L}\p{M}\d]*(?:['’\-][\p{L}\p{M}\d]+)*|\S", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TokenPattern();

    internal static IReadOnlyList<Token> Tokenize(string text, IReadOnlyList<QuoteSpan> quotes)
    {
        var masked = text.ToCharArray();
        foreach (var q in quotes.Where(q => q.Full))
        {
            masked[q.Start] = QuoteMask;
            for (var i = q.Start + 1; i < q.End; i++)
            {
                masked[i] = ' ';
            }
        }

        var maskedText = new string(masked);
        var byStart = new Dictionary<int, QuoteSpan>();
        foreach (var q in quotes)
        {
            byStart.TryAdd(q.Start, q);
        }

        var tokens = new List<Token>();
        foreach (Match m in TokenPattern().Matches(maskedText))
        {
            if (m.Value[0] == QuoteMask)
            {
                var q = byStart[m.Index];
                tokens.Add(new Token(q.Start, q.End, text[q.Start..q.End], TokenKind.Quote));
                continue;
            }

            var value = m.Value;
            var kind = char.IsDigit(value[0]) || (value.Length > 1 && "£$€¥".Contains(value[0]) && char.IsDigit(value[1]))
                ? TokenKind.Number
                : char.IsLetter(value[0]) ? TokenKind.Word : TokenKind.Punct;
            // Split the possessive so that "Trump's" yields the name and a marker.
            if (kind == TokenKind.Word && value.Length > 2 && (value.EndsWith("'s", StringComparison.Ordinal) || value.EndsWith("’s", StringComparison.Ordinal)))
            {
                tokens.Add(new Token(m.Index, m.Index + value.Length - 2, value[..^2], TokenKind.Word));
                tokens.Add(new Token(m.Index + value.Length - 2, m.Index + value.Length, "'s", TokenKind.Punct));
                continue;
            }

            tokens.Add(new Token(m.Index, m.Index + value.Length, value, kind));
        }

        return MiddleInitials(tokens);
    }

    /// <summary>
    /// "Janet R. Moss", "J. Tolliver Banks": an initial and its full stop are one word of the name, so the name is not
    /// cut at the initial. The initial must sit between capitalised words ("Plan B. The vote" is a sentence end).
    /// </summary>
    private static List<Token> MiddleInitials(List<Token> tokens)
    {
        List<Token>? merged = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Word && t.Text.Length == 1 && char.IsUpper(t.Text[0]) && i + 2 < tokens.Count
                && tokens[i + 1].Text == "." && tokens[i + 1].Start == t.End
                && IsNameWord(tokens[i + 2])
                && ((i > 0 && IsNameWord(tokens[i - 1]) && tokens[i - 1].End < t.Start) || (i + 3 < tokens.Count && IsNameWord(tokens[i + 3]))))
            {
                merged ??= tokens.Take(i).ToList();
                merged.Add(new Token(t.Start, tokens[i + 1].End, t.Text + ".", TokenKind.Word));
                i++;
                continue;
            }

            merged?.Add(t);
        }

        return merged ?? tokens;

        static bool IsNameWord(Token w) => w.IsCapitalised && w.Text.Length > 1 && !Lexicon.CapitalisedFunctionWords.Contains(w.Text);
    }

    private static readonly HashSet<string> Abbreviations = new(
        ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "sgt", "capt", "rep", "sen", "gov", "reps", "sens", "govs", "pres", "adm", "atty", "cllr", "insp", "supt", "det", "maj", "brig", "cmdr",
         "rev", "rt", "hon", "engr", "barr", "cpl", "pte", "mt", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
         "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig"],
        StringComparer.OrdinalIgnoreCase);

    internal static IReadOnlyList<IReadOnlyList<Token>> SplitSentences(IReadOnlyList<Token> tokens)
    {
        var sentences = new List<IReadOnlyList<Token>>();
        var current = new List<Token>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            current.Add(t);
            var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            var ends = t.Kind == TokenKind.Punct && t.Text is "." or "?" or "!" && next is not null
                && (next.IsCapitalised || next.Kind is TokenKind.Quote or TokenKind.Number)
                && !(t.Text == "." && i > 0 && IsAbbreviation(tokens[i - 1]) && next.Kind != TokenKind.Quote);
            // A quoted phrase closed after its full stop ("... its territory." Eritrea's minister) ends the sentence too.
            ends |= t.Kind == TokenKind.Punct && t.Text is "\"" or "”" or "'" or "’" && i > 0 && tokens[i - 1].Text is "." or "?" or "!"
                && next is not null && next.IsCapitalised && !StartsAttribution(tokens, i + 1);
            // A quotation that ends in its own full stop closes the sentence when a new one starts after it.
            ends |= t.Kind == TokenKind.Quote && next is not null && next.Kind == TokenKind.Quote;
            ends |= t.Kind == TokenKind.Quote && next is not null && next.IsCapitalised
                && t.Text.TrimEnd('”', '"', ' ').EndsWith('.') && !StartsAttribution(tokens, i + 1);
            if (ends)
            {
                sentences.Add(current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            sentences.Add(current);
        }

        return sentences;
    }

    // "“...” Smith said." is still one sentence even though the quote ends with its own full stop.
    private static bool StartsAttribution(IReadOnlyList<Token> tokens, int i)
    {
        for (var j = i; j < Math.Min(tokens.Count, i + 5); j++)
        {
            if (Lexicon.ReportingVerbs.Contains(tokens[j].Text))
            {
                return AttributionEndsAfter(tokens, j);
            }

            if (tokens[j].Kind == TokenKind.Punct)
            {
                return false;
            }
        }

        return false;
    }

    // "”... Smith said on Tuesday." ends after its verb; "”... She says the board will vote again." goes on to a clause
    // of its own: a new sentence with its own report, not the quotation's attribution.
    private static bool AttributionEndsAfter(IReadOnlyList<Token> tokens, int verb)
    {
        for (var k = verb + 1; k < Math.Min(tokens.Count, verb + 7); k++)
        {
            if (tokens[k].Kind == TokenKind.Quote || tokens[k].Text is "." or "," or "!" or "?" or ";" or ":")
            {
                return true;
            }

            if (tokens[k].Lower is "that" or "the" or "a" or "an" or "he" or "she" or "they" or "it" or "we" or "i" or "his" or "her" or "their" or "its" or "there" or "this")
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAbbreviation(Token t) =>
        Abbreviations.Contains(t.Text) || (t.Text.Length == 1 && char.IsUpper(t.Text[0])) || IsPartyTagPart(t.Text);

    // "R-Kan.", "D-N.M.", "I-Vt.": a US party letter and an abbreviated state, not the end of a sentence.
    private static bool IsPartyTagPart(string text) =>
        text.Length is >= 3 and <= 6 && text[0] is 'R' or 'D' or 'I' && text[1] == '-' && char.IsUpper(text[2]) && text[2..].All(char.IsLetter);

    // Headlines are title-cased; their capitalised words are not names.
    internal static bool LooksLikeHeadline(string text) => TitleCased(text) && !text.TrimEnd().EndsWith('.');

    /// <summary>
    /// The story's title line when it is a label, not a sentence: a first paragraph of a longer story with no closing
    /// mark. One written as a sentence ("Mayor says bridge will close.", "Ortiz: 'We will rebuild.'", "Ortiz says jobs
    /// will return;" as some archives end a headline) is read like the body.
    /// </summary>
    public bool IsTitleLabel(int paragraphCount) => Index == 0 && paragraphCount > 1 && !EndsAsASentence(Text);

    private static bool EndsAsASentence(string text)
    {
        var trimmed = text.TrimEnd().TrimEnd('"', '\'', '’', '”');
        return trimmed.EndsWith('.') || trimmed.EndsWith('?') || trimmed.EndsWith('!') || text.TrimEnd().EndsWith(';');
    }

    /// <summary>Most of the longer words start with a capital, as in a headline ("Mayor Says Bridge Will Close").</summary>
    internal static bool TitleCased(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4 && char.IsLetter(w[0])).ToArray();
        if (words.Length < 3)
        {
            return false;
        }

        var capitalised = words.Count(w => char.IsUpper(w[0]));
        return capitalised >= words.Length * 0.6;
    }
}
