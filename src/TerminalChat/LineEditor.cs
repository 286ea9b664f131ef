using System.Text;

namespace TerminalChat;

/// <summary>
/// Reads a line from key presses on an interactive terminal: cursor movement, deletion and the session's history.
/// Draws the line itself on <paramref name="output"/> with printable characters, backspaces and spaces only, so no
/// terminal capability is assumed; escape sequences and control keys are acted on or dropped, never put in the line.
/// </summary>
public sealed class LineEditor(IKeyReader keys, TextWriter output, LineHistory history) : ILineReader
{
    private const char Escape = '\u001b';

    private string _text = string.Empty;
    private int _cursor;

    public LineEditor(IKeyReader keys, TextWriter output)
        : this(keys, output, new LineHistory())
    {
    }

    public LineHistory History => history;

    /// <summary>
    /// The edited line when Enter is pressed; an empty line after Ctrl+C on a line with text;
    /// null for Ctrl+D or Ctrl+C on an empty line, or when the keys run out with nothing typed.
    /// </summary>
    public string? ReadLine()
    {
        _text = string.Empty;
        _cursor = 0;

        // Up and Down walk the history; index Count is the line being typed, kept while the user looks back.
        var recalled = history.Entries.Count;
        var draft = string.Empty;

        while (keys.TryReadKey(out var key))
        {
            var control = (key.Modifiers & ConsoleModifiers.Control) != 0;

            // Some consoles name Ctrl+letter by its key alone; the line works on the control character either way.
            var typed = key.KeyChar == '\0' && control && key.Key is >= ConsoleKey.A and <= ConsoleKey.Z
                ? (char)(key.Key - ConsoleKey.A + 1)
                : key.KeyChar;

            // Named keys count only when they type nothing printable, so no typed character is mistaken for one.
            switch (typed == '\0' || char.IsControl(typed) ? key.Key : default)
            {
                case ConsoleKey.Enter:
                    return Submit();
                case ConsoleKey.Backspace:
                    DeleteBefore(_cursor);
                    continue;
                case ConsoleKey.Delete:
                    DeleteAfter(_cursor);
                    continue;
                case ConsoleKey.LeftArrow:
                    Show(_text, control ? WordStart(_cursor) : Previous(_cursor));
                    continue;
                case ConsoleKey.RightArrow:
                    Show(_text, control ? WordEnd(_cursor) : Next(_cursor));
                    continue;
                case ConsoleKey.Home:
                    Show(_text, 0);
                    continue;
                case ConsoleKey.End:
                    Show(_text, _text.Length);
                    continue;
                case ConsoleKey.UpArrow:
                    Recall(-1, ref recalled, ref draft);
                    continue;
                case ConsoleKey.DownArrow:
                    Recall(+1, ref recalled, ref draft);
                    continue;
            }

            switch (typed)
            {
                case '\r' or '\n':
                    return Submit();
                case '\b' or '\u007f':
                    DeleteBefore(_cursor);
                    continue;
                case Escape:
                    SkipEscapeSequence();
                    continue;
                case '\u0001': // Ctrl+A
                    Show(_text, 0);
                    continue;
                case '\u0005': // Ctrl+E
                    Show(_text, _text.Length);
                    continue;
                case '\u0002': // Ctrl+B
                    Show(_text, Previous(_cursor));
                    continue;
                case '\u0006': // Ctrl+F
                    Show(_text, Next(_cursor));
                    continue;
                case '\u0010': // Ctrl+P
                    Recall(-1, ref recalled, ref draft);
                    continue;
                case '\u000e': // Ctrl+N
                    Recall(+1, ref recalled, ref draft);
                    continue;
                case '\u0015': // Ctrl+U: clear to the start
                    Show(_text[_cursor..], 0);
                    continue;
                case '\u000b': // Ctrl+K: clear to the end
                    Show(_text[.._cursor], _cursor);
                    continue;
                case '\u0017': // Ctrl+W: delete the previous word
                    var start = WordStart(_cursor);
                    Show(_text[..start] + _text[_cursor..], start);
                    continue;
                case '\u0004' when _text.Length == 0: // Ctrl+D on an empty line: the end of input
                    return null;
                case '\u0004':
                    DeleteAfter(_cursor);
                    continue;
                case '\u0003': // Ctrl+C: drop the line; on an empty line, leave
                    Show(_text, _text.Length);
                    output.Write("^C");
                    if (_text.Length == 0)
                    {
                        output.Flush();
                        return null; // the chat ends the line as it does at the end of input
                    }

                    output.WriteLine();
                    output.Flush();
                    return string.Empty;
            }

            if (typed != '\0' && !char.IsControl(typed))
            {
                Show(_text.Insert(_cursor, typed.ToString()), _cursor + 1);
            }

            // Anything else (function keys, Tab, other control characters) is ignored.
        }

        // Out of keys: what was typed is the last line, as a text reader would return it.
        return _text.Length == 0 ? null : Submit();
    }

    private string Submit()
    {
        Show(_text, _text.Length);
        output.WriteLine();
        output.Flush();
        history.Add(_text);
        return _text;
    }

    private void Recall(int step, ref int recalled, ref string draft)
    {
        var entries = history.Entries;
        var to = recalled + step;
        if (to < 0 || to > entries.Count)
        {
            return;
        }

        if (recalled == entries.Count)
        {
            draft = _text;
        }

        recalled = to;
        var line = to == entries.Count ? draft : entries[to];
        Show(line, line.Length);
    }

    /// <summary>
    /// Drops the rest of a sequence the terminal sent for a key the console did not name:
    /// CSI (ESC [ parameters final) and SS3 (ESC O final), or Alt+key (ESC key). A lone Escape press is ignored.
    /// </summary>
    private void SkipEscapeSequence()
    {
        if (!keys.KeyAvailable || !keys.TryReadKey(out var next) || next.KeyChar is not ('[' or 'O'))
        {
            return;
        }

        // Parameter and intermediate bytes lie in 0x20–0x3F; a byte in 0x40–0x7E ends the sequence.
        while (keys.KeyAvailable && keys.TryReadKey(out var key) && key.KeyChar is >= ' ' and <= '?')
        {
        }
    }

    private void DeleteBefore(int at)
    {
        var from = Previous(at);
        Show(_text.Remove(from, at - from), from);
    }

    private void DeleteAfter(int at) => Show(_text.Remove(at, Next(at) - at), at);

    // A surrogate pair is one character on screen: move and delete over both halves.
    private int Previous(int at) =>
        at == 0 ? 0 : at >= 2 && char.IsSurrogatePair(_text[at - 2], _text[at - 1]) ? at - 2 : at - 1;

    private int Next(int at) =>
        at == _text.Length ? at : at + 1 < _text.Length && char.IsSurrogatePair(_text[at], _text[at + 1]) ? at + 2 : at + 1;

    private int WordStart(int at)
    {
        while (at > 0 && char.IsWhiteSpace(_text[at - 1]))
        {
            at--;
        }

        while (at > 0 && !char.IsWhiteSpace(_text[at - 1]))
        {
            at--;
        }

        return at;
    }

    private int WordEnd(int at)
    {
        while (at < _text.Length && char.IsWhiteSpace(_text[at]))
        {
            at++;
        }

        while (at < _text.Length && !char.IsWhiteSpace(_text[at]))
        {
            at++;
        }

        return at;
    }

    /// <summary>Redraws only what changed: back up to the first difference, rewrite the rest, blank what is left over.</summary>
    private void Show(string text, int cursor)
    {
        var screen = new StringBuilder();
        if (text == _text)
        {
            if (cursor < _cursor)
            {
                screen.Append('\b', _cursor - cursor);
            }
            else
            {
                screen.Append(text, _cursor, cursor - _cursor);
            }
        }
        else
        {
            var same = 0;
            while (same < text.Length && same < _text.Length && text[same] == _text[same])
            {
                same++;
            }

            var from = Math.Min(same, _cursor);
            var leftOver = Math.Max(0, _text.Length - text.Length);
            screen.Append('\b', _cursor - from)
                .Append(text, from, text.Length - from)
                .Append(' ', leftOver)
                .Append('\b', leftOver + text.Length - cursor);
        }

        _text = text;
        _cursor = cursor;
        if (screen.Length > 0)
        {
            output.Write(screen.ToString());
            output.Flush();
        }
    }
}
