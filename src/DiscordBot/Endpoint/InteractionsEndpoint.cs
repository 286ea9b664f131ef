using System.Buffers;
using System.Text.Json;
using ChatCommands.Metrics;
using ChatCommands.Signing;
using DiscordBot.Interactions;
using DiscordBot.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordBot.Endpoint;

/// <summary>
/// <c>POST /discord/interactions</c>: reads the body up to a cap, verifies the signature before parsing anything,
/// then hands the interaction to <see cref="InteractionProcessor"/>. Discord probes with bad signatures, so a failed
/// check answers 401 without doing any work.
/// </summary>
public sealed partial class InteractionsEndpoint
{
    private readonly InteractionProcessor _processor;
    private readonly ILogger<InteractionsEndpoint> _logger;
    private readonly int _maxBody;
    private readonly InteractionSignatureVerifier _verifier;
    private readonly BotMetrics? _metrics;

    public InteractionsEndpoint(
        InteractionProcessor processor,
        IOptions<DiscordOptions> options,
        TimeProvider time,
        ILogger<InteractionsEndpoint> logger,
        BotMetrics? metrics = null)
    {
        _processor = processor;
        _metrics = metrics;
        _logger = logger;
        var settings = options.Value;
        _maxBody = settings.MaxRequestBytes;

        _verifier = new InteractionSignatureVerifier(
            settings.PublicKey ?? throw new InvalidOperationException("Discord:PublicKey is not set."),
            time,
            settings.SignatureTolerance);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var verifier = _verifier;

        var signatureHex = request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = request.Headers["X-Signature-Timestamp"].ToString();
        var signature = new byte[InteractionSignatureVerifier.SignatureBytes];
        var check = verifier.CheckHeaders(signatureHex, timestamp, signature);
        if (check != SignatureCheck.Valid)
        {
            Log.Rejected(_logger, check);
            _metrics?.SignatureRejected(InteractionProcessor.Platform, check);
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // Content-Length is only a hint (it may be absent with chunked bodies), but an honest large one can be refused unread.
        if (request.ContentLength > _maxBody)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(InteractionSignatureVerifier.TimestampCapacity + _maxBody + 1);
        try
        {
            var prefix = InteractionSignatureVerifier.WriteTimestamp(timestamp, buffer);
            var bodyLength = await ReadBodyAsync(request.Body, buffer.AsMemory(prefix, _maxBody + 1), context.RequestAborted).ConfigureAwait(false);
            if (bodyLength > _maxBody)
            {
                response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            if (!verifier.Verify(buffer.AsSpan(0, prefix + bodyLength), signature))
            {
                Log.Rejected(_logger, SignatureCheck.Invalid);
                _metrics?.SignatureRejected(InteractionProcessor.Platform, SignatureCheck.Invalid);
                response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            var interaction = Parse(buffer.AsSpan(prefix, bodyLength));
            if (interaction is null)
            {
                response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var answer = await _processor.ProcessAsync(interaction, context.RequestAborted).ConfigureAwait(false);
            var json = JsonSerializer.SerializeToUtf8Bytes(answer, DiscordJsonContext.Default.InteractionResponse);
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json";
            response.ContentLength = json.Length;
            await response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // Discord gave up (or the connection dropped); there is no one left to answer.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads until the end of the body or until <paramref name="destination"/> is full (one byte past the cap
    /// is how an oversized body is noticed without reading all of it).</summary>
    private static async Task<int> ReadBodyAsync(Stream body, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var read = await body.ReadAsync(destination[total..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private Interaction? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var interaction = JsonSerializer.Deserialize(json, DiscordJsonContext.Default.Interaction);

            // Source-generated deserialisation leaves missing constructor arguments null; an interaction needs these.
            if (interaction is null || interaction.Id is null || interaction.ApplicationId is null || interaction.Type == 0)
            {
                Log.Malformed(_logger, null);
                return null;
            }

            return interaction;
        }
        catch (JsonException ex)
        {
            Log.Malformed(_logger, ex);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4010, Level = LogLevel.Debug, Message = "Rejected an interaction request: signature {Check}")]
        public static partial void Rejected(ILogger logger, SignatureCheck check);

        [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Rejected a signed interaction request whose body is not a valid interaction")]
        public static partial void Malformed(ILogger logger, Exception? exception);
    }
}
