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

        var lines = NormaliseText(text).Split('\n');
        if (markdown)
        {
            lines = StripMarkdown(lines);
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

    /// <summary>Case, whitespace and punctuation folded away, so "Headline" and "HEADLINE." compare equal.</summary>
    internal static string DedupeKey(string line)
    {
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

    private static string[] StripMarkdown(string[] lines)
    {
        var result = new List<string>(lines.Length);
        var start = 0;

        // YAML front matter: metadata, not story text.
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            var end = Array.FindIndex(lines, 1, l => l.Trim() is "---" or "...");
            if (end > 0)
            {
                start = end + 1;
            }
        }

        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();

            // Fences, horizontal rules and setext underlines are layout only.
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)
                || RuleLine().IsMatch(trimmed))
            {
                continue;
            }

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
            line = HtmlTag().Replace(line, string.Empty);
            if (LinkDefinition().IsMatch(line))
            {
                continue;
            }

            result.Add(line);
        }

        return [.. result];
    }

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

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[([^\]]+)\]\[[^\]]*\]")]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s+\S+")]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\*\*(?=\S)(.+?)(?<=\S)\*\*")]
    private static partial Regex StrongStars();

    // Underscore emphasis only at word edges, so snake_case and file_names survive.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_])__(?=\S)(.+?)(?<=\S)__(?![\p{L}\p{N}_])")]
    private static partial Regex StrongUnderscores();

    // "*x*" but not "5 * 3": the star must hug the emphasised text.
    [GeneratedRegex(@"(?<![\p{L}\p{N}*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\p{L}\p{N}*])")]
    private static partial Regex EmStar();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\p{L}\p{N}_])")]
    private static partial Regex EmUnderscore();

    [GeneratedRegex(@"~~(?=\S)(.+?)(?<=\S)~~")]
    private static partial Regex Strike();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")]
    private static partial Regex HtmlTag();
}
