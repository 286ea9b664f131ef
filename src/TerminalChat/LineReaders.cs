namespace TerminalChat;

/// <summary>Where the terminal chat gets its next line: null at the end of input.</summary>
public interface ILineReader
{
    /// <summary>Blocks until a whole line is read; null when the input ends or the user leaves.</summary>
    string? ReadLine();
}

/// <summary>Plain lines from a text reader: redirected input (pipes, files, tests), read exactly as before.</summary>
public sealed class TextLineReader(TextReader input) : ILineReader
{
    public string? ReadLine() => input.ReadLine();
}

/// <summary>Key presses, one at a time, so the line editor can be driven by scripted keys in tests.</summary>
public interface IKeyReader
{
    /// <summary>Whether a key is already waiting: tells a terminal's escape sequence from a lone Escape press.</summary>
    bool KeyAvailable { get; }

    /// <summary>Blocks for the next key; false when there are no more keys.</summary>
    bool TryReadKey(out ConsoleKeyInfo key);
}

/// <summary>Keys from the console, not echoed: the line editor draws the line itself.</summary>
public sealed class ConsoleKeyReader : IKeyReader
{
    public bool KeyAvailable => Console.KeyAvailable;

    public bool TryReadKey(out ConsoleKeyInfo key)
    {
        key = Console.ReadKey(intercept: true);
        return true;
    }
}
