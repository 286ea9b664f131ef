using static TerminalChat.Tests.ScriptedKeys;

namespace TerminalChat.Tests;

/// <summary>The terminal chat's line editor, driven by scripted key presses.</summary>
public sealed class LineEditorTests
{
    private static (LineEditor Editor, ScreenRow Screen) EditorFor(params object[] presses)
    {
        var screen = new ScreenRow();
        return (new LineEditor(new ScriptedKeys(presses), screen), screen);
    }

    private static string? Read(params object[] presses) => EditorFor(presses).Editor.ReadLine();

    [Fact]
    public void Typed_text_is_submitted_with_enter()
    {
        Assert.Equal("who is the envoy?", Read("who is the envoy?", Enter));
    }

    [Fact]
    public void Ctrl_U_after_typing_leaves_an_empty_line()
    {
        Assert.Equal(string.Empty, Read("who is the envoy?", Ctrl('u'), Enter));
    }

    [Fact]
    public void Ctrl_U_clears_only_what_is_before_the_cursor()
    {
        Assert.Equal("envoy?", Read("who is the envoy?", Left, Left, Left, Left, Left, Left, Ctrl('u'), Enter));
    }

    [Fact]
    public void Left_then_typing_inserts_in_the_middle()
    {
        Assert.Equal("who is the envoy?", Read("who the envoy?", Home, Right, Right, Right, " is", Enter));
        Assert.Equal("abXc", Read("abc", Left, "X", Enter));
    }

    [Fact]
    public void Home_end_and_their_control_keys_move_to_the_ends()
    {
        Assert.Equal("[who]", Read("who", Home, "[", End, "]", Enter));
        Assert.Equal("[who]", Read("who", Ctrl('a'), "[", Ctrl('e'), "]", Enter));
    }

    [Fact]
    public void Backspace_and_delete_remove_the_character_before_and_under_the_cursor()
    {
        Assert.Equal("ac", Read("abc", Left, Backspace, Enter));
        Assert.Equal("ab", Read("abc", Left, Delete, Enter));
        Assert.Equal("abc", Read("abc", Delete, Enter));
        Assert.Equal("abc", Read("abc", Home, Backspace, Enter));
    }

    [Fact]
    public void Ctrl_K_clears_to_the_end_and_Ctrl_W_deletes_the_previous_word()
    {
        Assert.Equal("who is", Read("who is the envoy?", Left, Left, Left, Left, Left, Left, Left, Left, Left, Left, Left, Ctrl('k'), Enter));
        Assert.Equal("who is ", Read("who is the envoy?", Ctrl('w'), Ctrl('w'), Enter));
        Assert.Equal("who envoy?", Read("who is the envoy?", Left, Left, Left, Left, Left, Left, Ctrl('w'), Ctrl('w'), Enter));
    }

    [Fact]
    public void Up_recalls_the_previous_question_and_down_returns_to_the_draft()
    {
        var keys = new ScriptedKeys("first question", Enter, "second question", Enter, "draft", Up, Up, Down, Down, "!", Enter, Up, Enter);
        var editor = new LineEditor(keys, new ScreenRow());

        Assert.Equal("first question", editor.ReadLine());
        Assert.Equal("second question", editor.ReadLine());
        Assert.Equal("draft!", editor.ReadLine());
        Assert.Equal("draft!", editor.ReadLine());
    }

    [Fact]
    public void A_recalled_question_can_be_edited_and_sent_again()
    {
        var editor = new LineEditor(new ScriptedKeys("who is the envoy?", Enter, Up, Backspace, " now?", Enter), new ScreenRow());

        editor.ReadLine();

        Assert.Equal("who is the envoy now?", editor.ReadLine());
    }

    [Fact]
    public void Up_goes_no_further_than_the_oldest_question_and_down_no_further_than_the_draft()
    {
        var editor = new LineEditor(new ScriptedKeys("only", Enter, Up, Up, Up, Enter, Down, Down, "new", Enter), new ScreenRow());

        editor.ReadLine();

        Assert.Equal("only", editor.ReadLine());
        Assert.Equal("new", editor.ReadLine());
    }

    [Fact]
    public void History_keeps_no_repeat_of_the_previous_line_and_no_blank_lines()
    {
        var editor = new LineEditor(new ScriptedKeys("a", Enter, "a", Enter, "  ", Enter, "b", Enter, "a", Enter), new ScreenRow());
        while (editor.ReadLine() is not null)
        {
        }

        Assert.Equal(["a", "b", "a"], editor.History.Entries);
    }

    [Fact]
    public void History_is_bounded_and_forgets_the_oldest_lines_first()
    {
        var history = new LineHistory(capacity: 3);
        foreach (var line in new[] { "1", "2", "3", "4", "5" })
        {
            history.Add(line);
        }

        Assert.Equal(["3", "4", "5"], history.Entries);
    }

    [Fact]
    public void The_editor_remembers_the_last_hundred_lines()
    {
        var presses = Enumerable.Range(1, 150).SelectMany(i => new object[] { $"question {i}", Enter }).ToArray();
        var editor = new LineEditor(new ScriptedKeys(presses), new ScreenRow());
        while (editor.ReadLine() is not null)
        {
        }

        Assert.Equal(100, editor.History.Entries.Count);
        Assert.Equal("question 51", editor.History.Entries[0]);
    }

    [Theory]
    [InlineData("[A")] // Up, unnamed
    [InlineData("[1;5C")] // Ctrl+Right
    [InlineData("[200~")] // bracketed paste start
    [InlineData("OP")] // F1
    [InlineData("[3~")] // Delete
    public void Escape_sequences_never_end_up_in_the_line(string sequence)
    {
        var line = Read("who is", Esc, sequence, " the envoy?", Enter);

        Assert.Equal("who is the envoy?", line);
    }

    [Fact]
    public void Named_keys_and_control_characters_are_not_typed_into_the_line()
    {
        var line = Read("who", Up, Down, F5, Tab, Char('\u0007'), Char('\0'), " is", Ctrl('l'), Ctrl('g'), Enter);

        Assert.Equal("who is", line);
        Assert.DoesNotContain(line!, c => char.IsControl(c));
    }

    [Fact]
    public void A_lone_escape_press_drops_nothing_typed_after_it()
    {
        var editor = new LineEditor(new LoneEscapeThenTyping(), new ScreenRow());

        Assert.Equal("ok", editor.ReadLine());
    }

    [Fact]
    public void Ctrl_D_on_an_empty_line_ends_the_input_and_deletes_a_character_otherwise()
    {
        Assert.Null(Read(Ctrl('d'), "never read", Enter));
        Assert.Equal("ac", Read("abc", Left, Left, Ctrl('d'), Enter));
    }

    [Fact]
    public void Ctrl_C_drops_the_line_and_on_an_empty_line_ends_the_input()
    {
        var (editor, screen) = EditorFor("half a question", Ctrl('c'), Ctrl('c'));

        Assert.Equal(string.Empty, editor.ReadLine());
        Assert.Empty(editor.History.Entries);
        Assert.Equal(["half a question^C"], screen.Rows);
        Assert.Null(editor.ReadLine());
        Assert.Equal("^C", screen.Text);
    }

    [Fact]
    public void The_end_of_the_keys_returns_what_was_typed_then_null()
    {
        var editor = new LineEditor(new ScriptedKeys("last"), new ScreenRow());

        Assert.Equal("last", editor.ReadLine());
        Assert.Null(editor.ReadLine());
    }

    [Fact]
    public void Surrogate_pairs_move_and_delete_as_one_character()
    {
        Assert.Equal("a", Read("a😀b", Backspace, Backspace, Enter));
        Assert.Equal("ab", Read("a😀b", Left, Backspace, Enter));
        Assert.Equal("ab", Read("a😀b", Home, Right, Delete, Enter));
    }

    [Fact]
    public void The_screen_shows_the_line_and_the_cursor_where_the_editor_has_them_after_every_key()
    {
        object[] presses =
        [
            "who the envoy", Home, Ctrl('f'), Ctrl('f'), Ctrl('f'), " is", End, "?", Ctrl('w'), "envoy?", Left, Left,
            Backspace, Delete, "oy", Ctrl('k'), Home, Delete, Ctrl('e'), Ctrl('w'), Ctrl('u'), "short", Up, Down, Ctrl('b'),
        ];
        for (var n = 0; n <= presses.Length; n++)
        {
            // A marker typed at the cursor lands where the screen's cursor is only if the two agree.
            var (editor, screen) = EditorFor([.. presses[..n], "#", Enter]);

            var line = editor.ReadLine();

            Assert.Equal(line, Assert.Single(screen.Rows));
        }
    }

    [Fact]
    public void A_recalled_shorter_line_leaves_nothing_of_the_longer_one_on_screen()
    {
        var (editor, screen) = EditorFor("a long question about the envoy", Enter, "hi", Up, Up, Down, Enter);

        editor.ReadLine();

        Assert.Equal("hi", editor.ReadLine());
        Assert.Equal(["a long question about the envoy", "hi"], screen.Rows);
    }

    /// <summary>Escape pressed on its own: nothing else is waiting when it is read.</summary>
    private sealed class LoneEscapeThenTyping : IKeyReader
    {
        private readonly Queue<ConsoleKeyInfo> _keys = new([Esc, Char('o'), Char('k'), Enter]);
        private bool _escapeRead;

        public bool KeyAvailable => !_escapeRead;

        public bool TryReadKey(out ConsoleKeyInfo key)
        {
            var read = _keys.TryDequeue(out key);
            _escapeRead |= read && key.KeyChar == '\u001b';
            return read;
        }
    }
}
