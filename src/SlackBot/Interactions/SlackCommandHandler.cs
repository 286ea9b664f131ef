using ChatCommands;
using ChatCommands.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlackBot.Endpoint;
using SlackBot.Rendering;
using SlackBot.Wire;

namespace SlackBot.Interactions;

/// <summary>What became of a button press (or another interaction).</summary>
public enum InteractionOutcome
{
    /// <summary>A paging button: the new page goes to the payload's <c>response_url</c>.</summary>
    Accepted,

    /// <summary>Some other interaction (a shortcut, a view, another app's button): acknowledged and ignored.</summary>
    Ignored,

    /// <summary>A paging button without a usable <c>response_url</c>.</summary>
    Malformed,
}

/// <summary>
/// Slack's side of the command layer, whatever carried the request: the HTTP endpoints (signed POSTs) and Socket Mode
/// (envelopes on a WebSocket) both hand over a slash command's fields or an interaction payload and send back what
/// this returns. Commands go to the <see cref="ICommandDispatcher"/>; replies are rendered by <see cref="SlackReplyRenderer"/>.
/// </summary>
public sealed partial class SlackCommandHandler
{
    public const string WorkingText = "Working on it…";
    public const string ExpiredText = "Those buttons have expired; run the command again.";

    /// <summary>The platform tag of this adapter's metrics.</summary>
    public const string Platform = "slack";

    private readonly ICommandDispatcher _dispatcher;
    private readonly SlackReplyRenderer _renderer;
    private readonly SlackPagingStore _paging;
    private readonly SlackResponder _responder;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackCommandHandler> _logger;
    private readonly SlackOptions _options;
    private readonly BotMetrics? _metrics;

    public SlackCommandHandler(
        ICommandDispatcher dispatcher,
        SlackReplyRenderer renderer,
        SlackPagingStore paging,
        SlackResponder responder,
        IOptions<SlackOptions> options,
        TimeProvider time,
        ILogger<SlackCommandHandler> logger,
        BotMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dispatcher = dispatcher;
        _renderer = renderer;
        _paging = paging;
        _responder = responder;
        _time = time;
        _logger = logger;
        _options = options.Value;
        _metrics = metrics;
    }

    /// <summary>
    /// Runs a slash command and returns the message that answers the request: the reply itself when the command
    /// finishes within <see cref="SlackOptions.DeferAfter"/>, otherwise "Working on it…" while the reply is finished in
    /// the background and POSTed to <paramref name="responseUrl"/>. Null when the fields are malformed (nothing ran).
    /// </summary>
    /// <param name="text">The typed text as Slack sends it (with <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> as entities).</param>
    /// <param name="abandoned">Cancelled when the request can no longer be answered; the command then goes on in the background.</param>
    public async Task<SlackMessage?> HandleSlashCommandAsync(string? command, string? text, string? responseUrl, CancellationToken abandoned)
    {
        // Slack sends the typed text with &, < and > as entities; the commands want what the user typed.
        var typed = SlackMrkdwn.Unescape(text ?? string.Empty);
        var replyUrl = ResponseUrlPolicy.Accept(responseUrl, _options.AllowLoopbackResponseUrls);
        if (command is null || command.Length < 2 || command[0] != '/' || command.AsSpan().ContainsAny(' ', '\t', '\n') || replyUrl is null)
        {
            return null;
        }

        var parsed = TextCommandParser.Parse(WithoutPrefix(command) + " " + typed, _dispatcher.Commands);
        if (parsed.Request is not { } request)
        {
            return _renderer.Render(Reply.Error(parsed.Error ?? "That did not parse."), null, ResponseTypes.Ephemeral);
        }

        Log.Command(_logger, request.Name);

        // The command runs on the application's lifetime, not the request's: if it outlives Slack's 3 seconds the
        // request is answered and the reply still has to be finished and posted.
        // The budget starts before the command does, so it counts all of the command's time.
        Task<Reply> work;
        using (var deferral = CancellationTokenSource.CreateLinkedTokenSource(abandoned))
        {
            var delay = Task.Delay(_options.DeferAfter, _time, deferral.Token);
            work = ExecuteAsync(request, _responder.Stopping);
            await Task.WhenAny(work, delay).ConfigureAwait(false);
            await deferral.CancelAsync().ConfigureAwait(false);
        }

        if (work.IsCompleted)
        {
            var reply = await work.ConfigureAwait(false);
            return await RenderAnswerAsync(request, reply, token: null, replaceOriginal: null, abandoned).ConfigureAwait(false);
        }

        Log.Deferred(_logger, request.Name);
        _metrics?.Deferred(Platform, request.Name);
        _responder.Run(async stopping =>
        {
            var reply = await work.ConfigureAwait(false);

            // An ephemeral answer replaces the ephemeral "working" note; a channel answer is a new message.
            var message = await RenderAnswerAsync(request, reply, token: null, replaceOriginal: true, stopping).ConfigureAwait(false);
            if (message.ResponseType != ResponseTypes.Ephemeral)
            {
                message = message with { ReplaceOriginal = null };
            }

            await _responder.PostAsync(replyUrl, message, stopping).ConfigureAwait(false);
        });
        return new SlackMessage(ResponseTypes.Ephemeral, WorkingText, [new ContextBlock([new MrkdwnText(WorkingText)])]);
    }

    /// <summary>
    /// A button press: the caller acknowledges at once (Slack wants that within 3 seconds) and the new page is posted
    /// to the payload's <c>response_url</c> in the background.
    /// </summary>
    public InteractionOutcome HandleInteraction(InteractionPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var action = payload.Type == "block_actions"
            ? payload.Actions?.FirstOrDefault(a => a.ActionId is SlackReplyRenderer.NextActionId or SlackReplyRenderer.PreviousActionId)
            : null;
        if (action is null)
        {
            return InteractionOutcome.Ignored;
        }

        var responseUrl = ResponseUrlPolicy.Accept(payload.ResponseUrl, _options.AllowLoopbackResponseUrls);
        if (responseUrl is null)
        {
            return InteractionOutcome.Malformed;
        }

        // The new page goes to response_url; the paging cache is asked there too, so a slow or unreachable cache
        // (Redis) never delays the acknowledgement.
        var value = action.Value;
        _responder.Run(async stopping =>
        {
            // Unknown, expired, or the shared cache is down: all the user can do is run the command again.
            if (await _paging.RecallAsync(value, stopping).ConfigureAwait(false) is not { } found)
            {
                var expired = _renderer.Render(Reply.Error(ExpiredText), null, ResponseTypes.Ephemeral) with { ReplaceOriginal = false };
                await _responder.PostAsync(responseUrl, expired, stopping).ConfigureAwait(false);
                return;
            }

            Log.Page(_logger, found.Request.Name, found.Request.Page);
            var reply = await ExecuteAsync(found.Request, stopping).ConfigureAwait(false);
            var page = await RenderAnswerAsync(found.Request, reply, found.Token, replaceOriginal: true, stopping).ConfigureAwait(false);
            await _responder.PostAsync(responseUrl, page, stopping).ConfigureAwait(false);
        });
        return InteractionOutcome.Accepted;
    }

    /// <summary><c>/news-ask</c> → <c>/ask</c> when <see cref="SlackOptions.CommandPrefix"/> is <c>news-</c>; others stay as they are.</summary>
    private string WithoutPrefix(string command)
    {
        var prefix = _options.CommandPrefix;
        return prefix.Length > 0 && command.Length > prefix.Length + 1 && command.AsSpan(1).StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? "/" + command[(prefix.Length + 1)..]
            : command;
    }

    private async ValueTask<SlackMessage> RenderAnswerAsync(CommandRequest request, Reply reply, string? token, bool? replaceOriginal, CancellationToken cancellationToken)
    {
        if (reply.Page is { Count: > 1 } && token is null)
        {
            // Null when the cache could not keep it: the page is still shown, without buttons.
            token = await _paging.RememberAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var responseType = reply.Kind is ReplyKind.Error or ReplyKind.Info || !_options.AnswersInChannel
            ? ResponseTypes.Ephemeral
            : ResponseTypes.InChannel;
        return _renderer.Render(reply, token, responseType, replaceOriginal);
    }

    private async Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return _metrics is null
                ? await _dispatcher.ExecuteAsync(request, cancellationToken).ConfigureAwait(false)
                : await _metrics.MeasureAsync(Platform, request, () => _dispatcher.ExecuteAsync(request, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The dispatcher turns user errors into replies; anything reaching here is ours, and the user still gets an answer.
            Log.CommandFailed(_logger, request.Name, ex);
            return Reply.Error("Something went wrong answering that. Please try again.");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6012, Level = LogLevel.Debug, Message = "Slack command /{Command}")]
        public static partial void Command(ILogger logger, string command);

        [LoggerMessage(EventId = 6013, Level = LogLevel.Debug, Message = "Slack command /{Command} outlived its budget; answering through response_url")]
        public static partial void Deferred(ILogger logger, string command);

        [LoggerMessage(EventId = 6014, Level = LogLevel.Debug, Message = "Slack paging /{Command} to page {Page}")]
        public static partial void Page(ILogger logger, string command, int page);

        [LoggerMessage(EventId = 6015, Level = LogLevel.Error, Message = "Slack command /{Command} failed")]
        public static partial void CommandFailed(ILogger logger, string command, Exception exception);
    }
}
