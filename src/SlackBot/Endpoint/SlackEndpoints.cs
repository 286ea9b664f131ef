using System.Text;
using System.Text.Json;
using ChatCommands;
using ChatCommands.Metrics;
using ChatCommands.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using SlackBot.Interactions;
using SlackBot.Rendering;
using SlackBot.Wire;

namespace SlackBot.Endpoint;

/// <summary>
/// <c>POST /slack/commands</c> (slash commands) and <c>POST /slack/interactions</c> (button clicks). Each reads the
/// body up to a cap and verifies Slack's signature before looking at anything in it; the command itself goes to the
/// <see cref="ICommandDispatcher"/> and its <see cref="Reply"/> is rendered by <see cref="SlackReplyRenderer"/>.
/// </summary>
public sealed partial class SlackEndpoints
{
    public const string WorkingText = "Working on it…";
    public const string ExpiredText = "Those buttons have expired; run the command again.";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ICommandDispatcher _dispatcher;
    private readonly SlackReplyRenderer _renderer;
    private readonly SlackPagingStore _paging;
    private readonly SlackResponder _responder;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackEndpoints> _logger;
    private readonly SlackSignatureVerifier _verifier;
    private readonly SlackOptions _options;
    private readonly BotMetrics? _metrics;

    /// <summary>The platform tag of this adapter's metrics.</summary>
    public const string Platform = "slack";

    public SlackEndpoints(
        ICommandDispatcher dispatcher,
        SlackReplyRenderer renderer,
        SlackPagingStore paging,
        SlackResponder responder,
        IOptions<SlackOptions> options,
        TimeProvider time,
        ILogger<SlackEndpoints> logger,
        BotMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metrics = metrics;
        _dispatcher = dispatcher;
        _renderer = renderer;
        _paging = paging;
        _responder = responder;
        _time = time;
        _logger = logger;
        _options = options.Value;
        _verifier = new SlackSignatureVerifier(
            _options.SigningSecret ?? throw new InvalidOperationException("Slack:SigningSecret is not set."),
            time,
            _options.SignatureTolerance);
    }

    /// <summary><c>/news-ask</c> → <c>/ask</c> when <see cref="SlackOptions.CommandPrefix"/> is <c>news-</c>; others stay as they are.</summary>
    private string WithoutPrefix(string command)
    {
        var prefix = _options.CommandPrefix;
        return prefix.Length > 0 && command.Length > prefix.Length + 1 && command.AsSpan(1).StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? "/" + command[(prefix.Length + 1)..]
            : command;
    }

    public async Task HandleCommandAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var form = await ReadVerifiedFormAsync(context).ConfigureAwait(false);
        if (form is null)
        {
            return;
        }

        var command = Single(form, "command");
        // Slack sends the typed text with &, < and > as entities; the commands want what the user typed.
        var text = SlackMrkdwn.Unescape(Single(form, "text") ?? string.Empty);
        var responseUrl = ResponseUrlPolicy.Accept(Single(form, "response_url"), _options.AllowLoopbackResponseUrls);
        if (command is null || command.Length < 2 || command[0] != '/' || command.AsSpan().ContainsAny(' ', '\t', '\n') || responseUrl is null)
        {
            Log.Malformed(_logger, "slash command", null);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var parsed = TextCommandParser.Parse(WithoutPrefix(command) + " " + text, _dispatcher.Commands);
        if (parsed.Request is not { } request)
        {
            await WriteJsonAsync(context, _renderer.Render(Reply.Error(parsed.Error ?? "That did not parse."), null, ResponseTypes.Ephemeral)).ConfigureAwait(false);
            return;
        }

        Log.Command(_logger, request.Name);

        // The command runs on the application's lifetime, not the request's: if it outlives Slack's 3 seconds the
        // request is answered and the reply still has to be finished and posted.
        // The budget starts before the command does, so it counts all of the command's time.
        Task<Reply> work;
        using (var deferral = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted))
        {
            var delay = Task.Delay(_options.DeferAfter, _time, deferral.Token);
            work = ExecuteAsync(request, _responder.Stopping);
            await Task.WhenAny(work, delay).ConfigureAwait(false);
            await deferral.CancelAsync().ConfigureAwait(false);
        }

        if (work.IsCompleted)
        {
            var reply = await work.ConfigureAwait(false);
            await WriteJsonAsync(context, await RenderAnswerAsync(request, reply, token: null, replaceOriginal: null, context.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false);
            return;
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

            await _responder.PostAsync(responseUrl, message, stopping).ConfigureAwait(false);
        });
        await WriteJsonAsync(context, new SlackMessage(ResponseTypes.Ephemeral, WorkingText, [new ContextBlock([new MrkdwnText(WorkingText)])])).ConfigureAwait(false);
    }

    public async Task HandleInteractionAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var form = await ReadVerifiedFormAsync(context).ConfigureAwait(false);
        if (form is null)
        {
            return;
        }

        var payload = ParsePayload(Single(form, "payload"));
        if (payload is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var action = payload.Type == "block_actions"
            ? payload.Actions?.FirstOrDefault(a => a.ActionId is SlackReplyRenderer.NextActionId or SlackReplyRenderer.PreviousActionId)
            : null;
        if (action is null)
        {
            // Some other interaction (a shortcut, a view, another app's button): acknowledged and ignored.
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var responseUrl = ResponseUrlPolicy.Accept(payload.ResponseUrl, _options.AllowLoopbackResponseUrls);
        if (responseUrl is null)
        {
            Log.Malformed(_logger, "interaction", null);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // Slack wants the click acknowledged within 3 seconds; the new page goes to response_url. The paging cache is
        // asked there too, so a slow or unreachable cache never delays the acknowledgement.
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
        context.Response.StatusCode = StatusCodes.Status200OK;
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

    /// <summary>
    /// Reads, caps and verifies the body, then parses it as a form. Null means the request is already answered: on
    /// failure the response status is set, and Slack's <c>ssl_check</c> ping gets its 200.
    /// </summary>
    private async Task<Dictionary<string, StringValues>?> ReadVerifiedFormAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var timestamp = request.Headers[SlackSignatureVerifier.TimestampHeader].ToString();
        var signature = new byte[32];
        var check = _verifier.CheckHeaders(request.Headers[SlackSignatureVerifier.SignatureHeader].ToString(), timestamp, signature);
        if (check != SignatureCheck.Valid)
        {
            Log.Rejected(_logger, check);
            _metrics?.SignatureRejected(Platform, check);
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return null;
        }

        // Content-Length is only a hint (chunked bodies have none), but an honest large one can be refused unread.
        var max = _options.MaxBodyBytes;
        if (request.ContentLength > max)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }

        byte[] body;
        try
        {
            body = await ReadBodyAsync(request.Body, max, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // The client went away or sent a broken body; nothing to answer.
            response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        if (body.Length > max)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }

        if (!_verifier.Verify(timestamp, body, signature))
        {
            Log.Rejected(_logger, SignatureCheck.Invalid);
            _metrics?.SignatureRejected(Platform, SignatureCheck.Invalid);
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return null;
        }

        Dictionary<string, StringValues> form;
        try
        {
            using var reader = new FormReader(StrictUtf8.GetString(body));
            form = reader.ReadForm();
        }
        catch (Exception ex) when (ex is DecoderFallbackException or InvalidDataException)
        {
            Log.Malformed(_logger, "form", ex);
            response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        // Slack checks the certificate of a new Request URL with a ping on either endpoint; it wants a 200 and nothing else.
        if (Single(form, "ssl_check") == "1")
        {
            response.StatusCode = StatusCodes.Status200OK;
            return null;
        }

        return form;
    }

    /// <summary>Reads the whole body, or stops one byte past <paramref name="max"/> (that is how an oversized body is noticed).</summary>
    private static async Task<byte[]> ReadBodyAsync(Stream body, int max, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(max + 1, 16 * 1024)];
        var total = 0;
        while (total <= max)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, Math.Min(max + 1, buffer.Length * 2));
            }

            var read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total == buffer.Length ? buffer : buffer[..total];
    }

    private InteractionPayload? ParsePayload(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            Log.Malformed(_logger, "interaction", null);
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize(json, SlackJsonContext.Default.InteractionPayload);
            if (payload?.Type is null)
            {
                Log.Malformed(_logger, "interaction", null);
                return null;
            }

            return payload;
        }
        catch (JsonException ex)
        {
            Log.Malformed(_logger, "interaction", ex);
            return null;
        }
    }

    /// <summary>The field's value; null when absent or repeated (Slack never repeats one, so a repeat is not trusted).</summary>
    private static string? Single(Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private static async Task WriteJsonAsync(HttpContext context, SlackMessage message)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(message, SlackJsonContext.Default.SlackMessage);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6010, Level = LogLevel.Debug, Message = "Rejected a Slack request: signature {Check}")]
        public static partial void Rejected(ILogger logger, SignatureCheck check);

        [LoggerMessage(EventId = 6011, Level = LogLevel.Information, Message = "Rejected a signed Slack request whose {Part} is malformed")]
        public static partial void Malformed(ILogger logger, string part, Exception? exception);

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

/// <summary>Slack's <c>response_type</c> values.</summary>
public static class ResponseTypes
{
    public const string Ephemeral = "ephemeral";
    public const string InChannel = "in_channel";
}
