namespace TerminalChat;

/// <summary>The lines submitted in this session, oldest first, for Up and Down; bounded, without repeats in a row.</summary>
public sealed class LineHistory(int capacity = LineHistory.DefaultCapacity)
{
    public const int DefaultCapacity = 100;

    private readonly int _capacity = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), "The history must hold at least one line.");
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries => _entries;

    /// <summary>Remembers a submitted line; blank lines and a repeat of the last line are not kept.</summary>
    public void Add(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || (_entries.Count > 0 && _entries[^1] == line))
        {
            return;
        }

        if (_entries.Count == _capacity)
        {
            _entries.RemoveAt(0);
        }

        _entries.Add(line);
    }
}
