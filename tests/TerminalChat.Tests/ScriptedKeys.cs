namespace TerminalChat.Tests;

/// <summary>Key presses written out in advance, as a console would report them, for driving the line editor.</summary>
public sealed class ScriptedKeys : IKeyReader
{
    public static readonly ConsoleKeyInfo Enter = new('\r', ConsoleKey.Enter, false, false, false);
    public static readonly ConsoleKeyInfo Backspace = new('\u007f', ConsoleKey.Backspace, false, false, false);
    public static readonly ConsoleKeyInfo Delete = new('\0', ConsoleKey.Delete, false, false, false);
    public static readonly ConsoleKeyInfo Left = new('\0', ConsoleKey.LeftArrow, false, false, false);
    public static readonly ConsoleKeyInfo Right = new('\0', ConsoleKey.RightArrow, false, false, false);
    public static readonly ConsoleKeyInfo Up = new('\0', ConsoleKey.UpArrow, false, false, false);
    public static readonly ConsoleKeyInfo Down = new('\0', ConsoleKey.DownArrow, false, false, false);
    public static readonly ConsoleKeyInfo Home = new('\0', ConsoleKey.Home, false, false, false);
    public static readonly ConsoleKeyInfo End = new('\0', ConsoleKey.End, false, false, false);
    public static readonly ConsoleKeyInfo Esc = new('\u001b', ConsoleKey.Escape, false, false, false);
    public static readonly ConsoleKeyInfo F5 = new('\0', ConsoleKey.F5, false, false, false);
    public static readonly ConsoleKeyInfo Tab = new('\t', ConsoleKey.Tab, false, false, false);

    private readonly Queue<ConsoleKeyInfo> _keys = new();

    public ScriptedKeys(params object[] presses)
    {
        foreach (var press in presses)
        {
            switch (press)
            {
                case string text:
                    foreach (var c in text)
                    {
                        _keys.Enqueue(Char(c));
                    }

                    break;
                case ConsoleKeyInfo key:
                    _keys.Enqueue(key);
                    break;
                default:
                    throw new ArgumentException($"Not a key press: {press}", nameof(presses));
            }
        }
    }

    public bool KeyAvailable => _keys.Count > 0;

    /// <summary>Ctrl+letter, as consoles report it: the letter's key with Control and the control character.</summary>
    public static ConsoleKeyInfo Ctrl(char letter) =>
        new((char)(char.ToUpperInvariant(letter) - 'A' + 1), ConsoleKey.A + (char.ToUpperInvariant(letter) - 'A'), false, false, true);

    /// <summary>A typed character; letters carry their key, other characters none, as for keys the console cannot name.</summary>
    public static ConsoleKeyInfo Char(char c) =>
        new(c, char.IsAsciiLetter(c) ? ConsoleKey.A + (char.ToUpperInvariant(c) - 'A') : default, char.IsAsciiLetterUpper(c), false, false);

    public bool TryReadKey(out ConsoleKeyInfo key) => _keys.TryDequeue(out key);
}

/// <summary>
/// One terminal row, enough to check what the editor draws: characters overwrite in place, a backspace moves left,
/// a line break keeps the row in <see cref="Rows"/> and starts a new one.
/// </summary>
public sealed class ScreenRow : TextWriter
{
    private readonly List<char> _cells = [];
    private readonly List<string> _rows = [];

    public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

    public int Column { get; private set; }

    public string Text => new string([.. _cells]).TrimEnd();

    public int LineBreaks => _rows.Count;

    public IReadOnlyList<string> Rows => _rows;

    public override void Write(char value)
    {
        switch (value)
        {
            case '\b':
                Column = Math.Max(0, Column - 1);
                break;
            case '\r':
                Column = 0;
                break;
            case '\n':
                _rows.Add(Text);
                _cells.Clear();
                Column = 0;
                break;
            default:
                Assert.False(char.IsControl(value), $"The editor drew control character U+{(int)value:X4}.");
                if (Column == _cells.Count)
                {
                    _cells.Add(value);
                }
                else
                {
                    _cells[Column] = value;
                }

                Column++;
                break;
        }
    }
}
