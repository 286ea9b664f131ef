using ChatCommands;

namespace ChatAdapters.Testing;

/// <summary>Small real commands with known output, so rendering and paging can be checked exactly.</summary>
public sealed class HeadlinesCommand : IChatCommand
{
    public const int Items = 7;
    public const int PageSize = 3;

    public CommandDefinition Definition { get; } = new(
        "headlines",
        "Lists numbered headlines",
        [new CommandOption("topic", "What about", CommandOptionType.String, Required: false)]);

    public ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var topic = request.Option("topic") ?? "news";
        var all = Enumerable.Range(1, Items)
            .Select(i => new Citation($"Headline {i} about {topic} today.", $"story-{i}.txt", i, 0.5, [new Highlight(9, 1 + (i >= 10 ? 1 : 0))]))
            .ToArray();
        var page = Paging.Slice(all, request.Page, PageSize, out var info);
        return ValueTask.FromResult(new Reply(ReplyKind.Answer, $"Headlines about {topic}", null, page, [], info));
    }
}

/// <summary>Returns whatever reply the test put in <see cref="Next"/>.</summary>
public sealed class CannedCommand : IChatCommand
{
    public Reply Next { get; set; } = Reply.Info("canned", "nothing yet");

    public CommandDefinition Definition { get; } = new("canned", "Returns a prepared reply", []);

    public ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(Next);
}

/// <summary>Counts executions, to prove rejected requests do no work.</summary>
/// <param name="kind">
/// The kind of reply each run gives. Adapters treat kinds differently (e.g. Slack may post answers in channel), so each
/// adapter's tests keep the kind they were written against.
/// </param>
public sealed class CountingCommand(ReplyKind kind = ReplyKind.Info) : IChatCommand
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public CommandDefinition Definition { get; } = new("count", "Counts", []);

    public ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _count);
        return ValueTask.FromResult(new Reply(kind, "Counted", $"{n}", [], []));
    }
}

/// <summary>Blocks until the test releases it, to exercise deferred replies without relying on timing.</summary>
public sealed class SlowCommand : IChatCommand
{
    private TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<Reply> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CommandDefinition Definition { get; } = new("slow", "Takes its time", []);

    public Task Started => _started.Task;

    public void Release(Reply reply) => _release.TrySetResult(reply);

    public void Fail(Exception exception) => _release.TrySetException(exception);

    public void Reset()
    {
        _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        _started.TrySetResult();
        return await _release.Task.WaitAsync(cancellationToken);
    }
}

public sealed class ThrowingCommand : IChatCommand
{
    public CommandDefinition Definition { get; } = new("boom", "Fails", []);

    public ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("broken on purpose");
}
