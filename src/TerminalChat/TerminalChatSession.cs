using ChatCommands;

namespace TerminalChat;

/// <summary>
/// One conversation over a line reader and a writer: reads lines, runs commands, prints replies.
/// Separate from the hosted service so tests drive it with real text streams or scripted keys.
/// </summary>
public sealed class TerminalChatSession(ICommandDispatcher dispatcher, ILineReader input, TextWriter output, bool ansi)
{
    private static readonly string[] QuitWords = ["/quit", "/exit", "/q"];

    // Only the terminal has these (Discord and Slack page with buttons), so /help adds them here.
    private static readonly ReplyField[] TerminalCommands =
    [
        new("/more", "The next answers of the last command"),
        new("/back", "The previous answers"),
        new("/quit", "End the chat (also /exit, Ctrl+D, Ctrl+C on an empty line or end of input)"),
    ];

    // Only when the line editor reads the keys (an interactive terminal); piped input has no keys to explain.
    private static readonly ReplyField EditingKeys = new(
        "Keys",
        "Up/Down earlier questions; Left/Right, Home/End, Ctrl+A/Ctrl+E move; Ctrl+U, Ctrl+K, Ctrl+W delete to the start, to the end, the previous word; Ctrl+C drops the line");

    private CommandRequest? _last;
    private PageInfo? _lastPage;

    /// <summary>Reads plain lines: redirected input, exactly as a text reader gives them.</summary>
    public TerminalChatSession(ICommandDispatcher dispatcher, TextReader input, TextWriter output, bool ansi)
        : this(dispatcher, new TextLineReader(input), output, ansi)
    {
    }

    /// <summary>Runs until end of input, /quit, or cancellation.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("Ask about the news stories. /help lists commands, /quit ends.");
        while (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ");
            await output.FlushAsync(cancellationToken);

            // Console reads block and ignore cancellation; waiting on a task lets Ctrl+C end the chat at once.
            var line = await Task.Run(input.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);
            if (line is null)
            {
                await output.WriteLineAsync();
                return;
            }

            if (QuitWords.Contains(line.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                await output.WriteLineAsync("Bye.");
                return;
            }

            var reply = await HandleAsync(line, cancellationToken);
            if (reply is not null)
            {
                await output.WriteLineAsync(TerminalReplyRenderer.Render(reply, ansi));
            }
        }
    }

    /// <summary>Answers one line; null for a blank line.</summary>
    public async Task<Reply?> HandleAsync(string line, CancellationToken cancellationToken)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed.Equals("/more", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("/next", StringComparison.OrdinalIgnoreCase))
        {
            return await TurnPageAsync(+1, cancellationToken);
        }

        if (trimmed.Equals("/back", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("/previous", StringComparison.OrdinalIgnoreCase))
        {
            return await TurnPageAsync(-1, cancellationToken);
        }

        var parsed = TextCommandParser.Parse(line, dispatcher.Commands);
        if (parsed.Request is null)
        {
            return Reply.Error(parsed.Error!);
        }

        var reply = await dispatcher.ExecuteAsync(parsed.Request, cancellationToken);
        _last = reply.Page is null ? null : parsed.Request;
        _lastPage = reply.Page;
        if (parsed.Request.Name == "help" && !reply.IsError)
        {
            reply = reply with { Fields = [.. reply.Fields, .. TerminalCommands, .. input is LineEditor ? [EditingKeys] : Array.Empty<ReplyField>()] };
        }

        return reply;
    }

    private async Task<Reply> TurnPageAsync(int step, CancellationToken cancellationToken)
    {
        if (_last is null)
        {
            return Reply.Error("There is nothing to page through. Ask something first.");
        }

        // Paging clamps to the first and last page, so going past either end would print the same answers again.
        if (step > 0 && _lastPage is { HasNext: false })
        {
            return Reply.Info("No more answers", "That was the last page; there is nothing more. /back shows the previous answers.");
        }

        if (step < 0 && _lastPage is { HasPrevious: false })
        {
            return Reply.Info("No earlier answers", "This is the first page. /more shows the next answers.");
        }

        var request = _last with { Page = Math.Max(0, _last.Page + step) };
        var reply = await dispatcher.ExecuteAsync(request, cancellationToken);
        _last = request with { Page = reply.Page?.Index ?? request.Page };
        _lastPage = reply.Page ?? _lastPage;
        return reply;
    }
}
