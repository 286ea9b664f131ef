using Microsoft.Extensions.Logging;
using StoryEngine;

namespace ChatCommands;

public sealed partial class CommandDispatcher : ICommandDispatcher
{
    private readonly Dictionary<string, IChatCommand> _commands;
    private readonly ILogger<CommandDispatcher> _logger;
    private readonly IStoryLibrary? _library;

    /// <param name="library">When given, readiness follows the story library; otherwise the commands are always ready.</param>
    public CommandDispatcher(IEnumerable<IChatCommand> commands, ILogger<CommandDispatcher> logger, IStoryLibrary? library = null)
    {
        _library = library;
        _commands = commands.ToDictionary(c => c.Definition.Name, StringComparer.OrdinalIgnoreCase);
        _logger = logger;
        Commands = [.. _commands.Values.Select(c => c.Definition).OrderBy(d => d.Name, StringComparer.Ordinal)];
    }

    public IReadOnlyList<CommandDefinition> Commands { get; }

    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) =>
        _library?.WaitUntilReadyAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!_commands.TryGetValue(request.Name, out var command))
        {
            return Reply.Error($"Unknown command /{Sanitize(request.Name)}. Try /help.");
        }

        try
        {
            return await command.ExecuteAsync(AsPlainText(request), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A bug in one command must not take the adapter down; the user gets a plain error.
            Log.CommandFailed(_logger, request.Name, ex);
            return Reply.Error("Something went wrong while answering. Please try again.");
        }
    }

    public ValueTask<IReadOnlyList<string>> CompleteAsync(string command, string option, string partial, CancellationToken cancellationToken) =>
        CompleteAsync(new CommandRequest(command, new Dictionary<string, string>()), option, partial, cancellationToken);

    public async ValueTask<IReadOnlyList<string>> CompleteAsync(CommandRequest request, string option, string partial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_commands.TryGetValue(request.Name, out var handler))
        {
            return [];
        }

        try
        {
            return await handler.CompleteAsync(AsPlainText(request), option, QuestionText.Normalize(partial), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CommandFailed(_logger, request.Name, ex);
            return [];
        }
    }

    /// <summary>
    /// Every option is text a user typed or pasted: made plain once here, for every command and adapter, so no reply
    /// echoes control characters and odd forms (full-width letters, zero-width spaces) match like plain ones.
    /// </summary>
    private static CommandRequest AsPlainText(CommandRequest request)
    {
        Dictionary<string, string>? plain = null;
        foreach (var (name, value) in request.Options)
        {
            var normalised = QuestionText.Normalize(value);
            if (normalised != value)
            {
                plain ??= new Dictionary<string, string>(request.Options, StringComparer.OrdinalIgnoreCase);
                plain[name] = normalised;
            }
        }

        return plain is null ? request : request with { Options = plain };
    }

    // Command names come from users; keep the echo short and printable.
    private static string Sanitize(string name) =>
        new([.. name.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_').Take(32)]);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Command /{Command} failed")]
        public static partial void CommandFailed(ILogger logger, string command, Exception exception);
    }
}
