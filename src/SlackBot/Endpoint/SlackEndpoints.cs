using System.Text;
using System.Text.Json;
using ChatCommands.Metrics;
using ChatCommands.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using SlackBot.Interactions;
using SlackBot.Wire;

namespace SlackBot.Endpoint;

/// <summary>
/// <c>POST /slack/commands</c> (slash commands) and <c>POST /slack/interactions</c> (button clicks). Each reads the
/// body up to a cap and verifies Slack's signature before looking at anything in it; the command itself goes to
/// <see cref="SlackCommandHandler"/>, which Socket Mode shares.
/// </summary>
public sealed partial class SlackEndpoints
{
    public const string WorkingText = SlackCommandHandler.WorkingText;
    public const string ExpiredText = SlackCommandHandler.ExpiredText;

    /// <summary>The platform tag of this adapter's metrics.</summary>
    public const string Platform = SlackCommandHandler.Platform;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly SlackCommandHandler _commands;
    private readonly ILogger<SlackEndpoints> _logger;
    private readonly SlackSignatureVerifier _verifier;
    private readonly SlackOptions _options;
    private readonly BotMetrics? _metrics;

    public SlackEndpoints(
        SlackCommandHandler commands,
        IOptions<SlackOptions> options,
        TimeProvider time,
        ILogger<SlackEndpoints> logger,
        BotMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metrics = metrics;
        _commands = commands;
        _logger = logger;
        _options = options.Value;
        _verifier = new SlackSignatureVerifier(
            _options.SigningSecret ?? throw new InvalidOperationException("Slack:SigningSecret is not set."),
            time,
            _options.SignatureTolerance);
    }

    public async Task HandleCommandAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var form = await ReadVerifiedFormAsync(context).ConfigureAwait(false);
        if (form is null)
        {
            return;
        }

        var message = await _commands.HandleSlashCommandAsync(Single(form, "command"), Single(form, "text"), Single(form, "response_url"), context.RequestAborted).ConfigureAwait(false);
        if (message is null)
        {
            Log.Malformed(_logger, "slash command", null);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await WriteJsonAsync(context, message).ConfigureAwait(false);
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

        // Slack wants the click acknowledged within 3 seconds; the new page goes to response_url.
        if (_commands.HandleInteraction(payload) == InteractionOutcome.Malformed)
        {
            Log.Malformed(_logger, "interaction", null);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
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
    }
}

/// <summary>Slack's <c>response_type</c> values.</summary>
public static class ResponseTypes
{
    public const string Ephemeral = "ephemeral";
    public const string InChannel = "in_channel";
}
