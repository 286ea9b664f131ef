using System.Globalization;
using System.Text;

namespace ChatCommands;

/// <summary>
/// Makes what people paste into a question plain text before it is asked or echoed: compatibility forms folded
/// (full-width letters and punctuation, ligatures; NFKC where globalization is available), invisible format characters dropped (zero-width spaces, soft hyphens, byte
/// order marks: category Cf), control characters (NUL, BEL, ESC, tabs, newlines) and runs of white space turned into
/// one space, lone surrogates dropped (they are not text, and JSON writers refuse them).
/// </summary>
public static class QuestionText
{
    public static string Normalize(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (IsPlain(question))
        {
            return question;
        }

        // NFKC throws on ill-formed UTF-16, so lone surrogates go first. Folding can make new spaces (U+00B4 becomes a
        // space and an accent) and dropping a format character can let marks compose, so repeat until nothing changes.
        var text = WithoutLoneSurrogates(question);
        for (var pass = 0; pass < 4; pass++)
        {
            var next = Clean(Fold(text).Normalize(NormalizationForm.FormKC));
            if (next == text)
            {
                break;
            }

            text = next;
        }

        return text;
    }

    /// <summary>
    /// The compatibility forms people actually paste into English questions, folded by hand: the build runs with
    /// invariant globalization, where <see cref="string.Normalize(NormalizationForm)"/> leaves text unchanged.
    /// </summary>
    private static string Fold(string text)
    {
        StringBuilder? folded = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => ((char)(c - 0xFF01 + 0x21)).ToString(), // full-width ASCII
                '\u3000' => " ", // ideographic space
                '\uFB00' => "ff",
                '\uFB01' => "fi",
                '\uFB02' => "fl",
                '\uFB03' => "ffi",
                '\uFB04' => "ffl",
                '\uFB05' or '\uFB06' => "st",
                _ => null,
            };
            if (replacement is null)
            {
                folded?.Append(c);
                continue;
            }

            folded ??= new StringBuilder(text, 0, i, text.Length);
            folded.Append(replacement);
        }

        return folded?.ToString() ?? text;
    }

    private static string Clean(string folded)
    {
        var text = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                pendingSpace = text.Length > 0;
                continue;
            }

            if (char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            text.Append(c);
        }

        return text.ToString();
    }

    /// <summary>The common case, printable ASCII with single inner spaces, is returned as it is.</summary>
    private static bool IsPlain(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is < ' ' or > '~' || (c == ' ' && text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    private static string WithoutLoneSurrogates(string text)
    {
        StringBuilder? kept = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                kept ??= new StringBuilder(text, 0, i, text.Length);
                continue;
            }

            kept?.Append(c);
        }

        return kept?.ToString() ?? text;
    }
}
