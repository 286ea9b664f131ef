using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StoryEngine.Ingest;

/// <summary>
/// Turns the text of one story file into a <see cref="Story"/>: title, paragraphs and sentences with their positions.
/// </summary>
/// <remarks>
/// Rules: the title is the first line with any letter or digit and is also paragraph 1; every other non-empty line is a
/// paragraph (news files use single line breaks as often as blank lines); a paragraph whose normalised text (case,
/// whitespace, punctuation) repeats an earlier one is dropped, because scraped stories often repeat the headline in the
/// body; lines with no letter or digit (<c>* * *</c>, <c>---</c>) carry nothing to answer with and are dropped too.
/// Markdown (<c>.md</c>) loses its markup: heading markers, emphasis, links, list bullets, block quotes, fences.
/// Exception: a hard-wrapped file (fixed-width lines that continue mid-sentence, paragraphs separated by blank lines)
/// has its lines joined within each blank-line block, or its sentences would be cut at every line end.
/// </remarks>
public static partial class StoryParser
{
    /// <summary>Parses a story. The markup is stripped when <paramref name="id"/> ends with <c>.md</c> or <c>.markdown</c>.</summary>
    /// <param name="id">The story id, normally the file name; every sentence carries it.</param>
    /// <param name="text">The decoded file text.</param>
    /// <returns>The story; with an empty title and no paragraphs when the text holds no letter or digit.</returns>
    public static Story Parse(string id, string text) => Parse(id, text, IsMarkdownName(id));

    /// <summary>Parses a story, stating explicitly whether the text is Markdown.</summary>
    public static Story Parse(string id, string text, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(text);

        // Whitespace runs collapse first: it keeps lines tidy and keeps the markup patterns below linear.
        var lines = Array.ConvertAll(NormaliseText(text).Split('\n'), CollapseSpaces);
        if (markdown)
        {
            lines = BlankMarkdownLayout(lines);
        }

        if (IsHardWrapped(lines))
        {
            lines = JoinWrappedLines(lines, markdown);
        }

        if (markdown)
        {
            lines = Array.ConvertAll(lines, StripMarkdownLine);
        }

        var paragraphs = new List<Paragraph>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var position = 0;
        foreach (var raw in lines)
        {
            var line = CollapseSpaces(raw);
            var key = DedupeKey(line);
            if (key.Length == 0 || !seen.Add(key))
            {
                continue;
            }

            var number = paragraphs.Count + 1;
            var sentences = SentenceSplitter.Split(line)
                .Select(s => new Sentence(id, number, position++, s))
                .ToArray();
            paragraphs.Add(new Paragraph(number, line, sentences));
        }

        var title = paragraphs.Count > 0 ? paragraphs[0].Text : string.Empty;
        return new Story(id, title, paragraphs);
    }

    /// <summary>True for file names that hold Markdown (<c>.md</c>, <c>.markdown</c>, any case).</summary>
    public static bool IsMarkdownName(string fileName) =>
        fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Line endings to <c>\n</c>, BOMs and zero-width characters removed, Unicode spaces to plain spaces,
    /// control characters (other than line breaks and tabs) removed.
    /// </summary>
    internal static string NormaliseText(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    sb.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n' or '\u2028' or '\u2029' or '\u0085' or '\f' or '\v':
                    sb.Append('\n');
                    break;
                case '\t':
                    sb.Append(' ');
                    break;
                // BOM (also mid-file after concatenation), zero-width space/joiners used as invisible separators, soft hyphen.
                case '\uFEFF' or '\u200B' or '\u2060' or '\u00AD':
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        break;
                    }

                    // NBSP, narrow NBSP, figure space, en/em spaces, ideographic space...
                    sb.Append(char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator ? ' ' : c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The key under which paragraphs count as repeats: case, whitespace and punctuation folded away, so "Headline"
    /// and "HEADLINE." compare equal. Empty when the text has no letter or digit.
    /// </summary>
    public static string DedupeKey(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var sb = new StringBuilder(line.Length);
        var pendingSpace = false;
        foreach (var c in line)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
            }

            // Punctuation is dropped without a space so that "U.S." and "US", "Hamas'" and "Hamas" agree.
        }

        return sb.ToString();
    }

    private static string CollapseSpaces(string line) => MultiSpace().Replace(line, " ").Trim();

    /// <summary>
    /// True when the file is hard-wrapped prose (lines cut at a fixed width, e.g. 72 columns, paragraphs separated by
    /// blank lines): then a line break is not a paragraph break, and treating it as one would cut sentences in half.
    /// One-paragraph-per-line news files have long lines that end sentences, so they never qualify; nor do short
    /// fact lists, whose lines neither run long nor continue in lower case.
    /// </summary>
    internal static bool IsHardWrapped(IReadOnlyList<string> lines)
    {
        var body = new List<(string Line, string? Next)>();
        var seenTitle = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!seenTitle)
            {
                seenTitle = true;
                continue;
            }

            var next = i + 1 < lines.Count && lines[i + 1].Trim().Length > 0 ? lines[i + 1].Trim() : null;
            body.Add((line, next));
        }

        if (body.Count < 6 || body.Max(b => b.Line.Length) > 100)
        {
            return false;
        }

        var lengths = body.Select(b => b.Line.Length).Order().ToArray();
        var continued = body.Where(b => b.Next is not null).ToArray();
        if (lengths[lengths.Length / 2] < 45 || continued.Length < 3)
        {
            return false;
        }

        var unfinished = continued.Count(b => !EndsSentence(b.Line));
        var lowerNext = continued.Count(b => char.IsLower(b.Next![0]));
        return unfinished * 2 >= continued.Length && lowerNext * 10 >= continued.Length * 3;
    }

    /// <summary>Blank-line-separated blocks become one line each; the title line stays on its own.</summary>
    private static string[] JoinWrappedLines(string[] lines, bool markdown)
    {
        var result = new List<string>();
        var block = new List<string>();
        var seenTitle = false;

        void Flush()
        {
            if (block.Count > 0)
            {
                result.Add(string.Join(' ', block));
                block.Clear();
            }
        }

        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (!seenTitle)
            {
                seenTitle = true;
                result.Add(line);
                continue;
            }

            // Markdown headings, list items and quotes start their own block even without a blank line.
            if (markdown && MarkdownBlockStart().IsMatch(line))
            {
                Flush();
            }

            block.Add(line);
        }

        Flush();
        return [.. result];
    }

    private static bool EndsSentence(string line)
    {
        var end = line.Length - 1;
        while (end > 0 && line[end] is '"' or '”' or '’' or '\'' or ')' or ']')
        {
            end--;
        }

        return line[end] is '.' or '!' or '?' or '…' or ':';
    }

    /// <summary>Front matter, fences, rules, setext underlines and link definitions become blank lines (separators).</summary>
    private static string[] BlankMarkdownLayout(string[] lines)
    {
        var result = (string[])lines.Clone();

        // YAML front matter: metadata, not story text.
        if (result.Length > 0 && result[0].Trim() == "---")
        {
            var end = Array.FindIndex(result, 1, l => l.Trim() is "---" or "...");
            for (var i = 0; i <= end; i++)
            {
                result[i] = string.Empty;
            }
        }

        for (var i = 0; i < result.Length; i++)
        {
            var trimmed = result[i].Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)
                || RuleLine().IsMatch(trimmed) || LinkDefinition().IsMatch(result[i]))
            {
                result[i] = string.Empty;
            }
        }

        return result;
    }

    private static string StripMarkdownLine(string line)
    {
        line = HeadingMarker().Replace(line, string.Empty);
        line = ClosingHashes().Replace(line, string.Empty);
        line = BlockQuoteMarker().Replace(line, string.Empty);
        line = ListBullet().Replace(line, string.Empty);
        line = Image().Replace(line, "$1");
        line = Link().Replace(line, "$1");
        line = ReferenceLink().Replace(line, "$1");
        line = InlineCode().Replace(line, "$1");
        line = StrongStars().Replace(line, "$1");
        line = StrongUnderscores().Replace(line, "$1");
        line = EmStar().Replace(line, "$1");
        line = EmUnderscore().Replace(line, "$1");
        line = Strike().Replace(line, "$1");
        return HtmlTag().Replace(line, string.Empty);
    }

    [GeneratedRegex(@"^(?:#{1,6}\s|[-*+]\s|>|\d{1,3}[.)]\s)")]
    private static partial Regex MarkdownBlockStart();

    [GeneratedRegex(@"[ ]{2,}")]
    private static partial Regex MultiSpace();

    [GeneratedRegex(@"^(?:[-*_=]\s*){3,}$")]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"^\s{0,3}#{1,6}(?:\s+|$)")]
    private static partial Regex HeadingMarker();

    [GeneratedRegex(@"\s+#+\s*$")]
    private static partial Regex ClosingHashes();

    [GeneratedRegex(@"^\s{0,3}(?:>\s?)+")]
    private static partial Regex BlockQuoteMarker();

    // "- item", "* item", "+ item"; numbered lists keep their numbers, which may be content ("1. Talks resume").
    [GeneratedRegex(@"^\s*[-*+]\s+")]
    private static partial Regex ListBullet();

    // Every repetition is bounded: an unclosed "[" or "*" in a long line must not make stripping quadratic.
    [GeneratedRegex(@"!\[([^\]]{0,300})\]\([^)]{0,2000}\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]{1,300})\]\((?:[^()\s]|\([^()]{0,300}\)){0,2000}(?:\s+""[^""]{0,300}"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[([^\]]{1,300})\]\[[^\]]{0,300}\]")]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s+\S+")]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"`([^`]{1,300})`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\*\*(?=\S)(.{1,300}?)(?<=\S)\*\*")]
    private static partial Regex StrongStars();

    // Underscore emphasis only at word edges, so snake_case and file_names survive.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_])__(?=\S)(.{1,300}?)(?<=\S)__(?![\p{L}\p{N}_])")]
    private static partial Regex StrongUnderscores();

    // "*x*" but not "5 * 3": the star must hug the emphasised text.
    [GeneratedRegex(@"(?<![\p{L}\p{N}*])\*(?=[^\s*])(.{1,300}?)(?<=[^\s*])\*(?![\p{L}\p{N}*])")]
    private static partial Regex EmStar();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])_(?=[^\s_])(.{1,300}?)(?<=[^\s_])_(?![\p{L}\p{N}_])")]
    private static partial Regex EmUnderscore();

    [GeneratedRegex(@"~~(?=\S)(.{1,300}?)(?<=\S)~~")]
    private static partial Regex Strike();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]{0,300})?/?>")]
    private static partial Regex HtmlTag();
}
