using System.Globalization;
using System.Text.Json;
using ChatCommands;
using ChatCommands.Metrics;
using DiscordBot.Rendering;
using DiscordBot.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordBot.Interactions;

/// <summary>
/// Answers one Discord interaction, however it arrived (HTTP endpoint or gateway INTERACTION_CREATE), by talking to
/// the command layer only. Never throws for user input: unknown commands and failures become ephemeral replies.
/// Commands slower than <see cref="DiscordOptions.DeferAfter"/> get a deferred response now and their reply later
/// through <see cref="IDiscordInteractionCallbacks"/>.
/// </summary>
public sealed partial class InteractionProcessor : IDisposable
{
    // An interaction token lasts 15 minutes; past that the edit would fail anyway, so say so while it still can.
    private static readonly TimeSpan DeferredDeadline = TimeSpan.FromMinutes(14);

    private static readonly InteractionResponse ExpiredButtons = Ephemeral(
        "Those results have expired. Run the command again to page through them.");

    private readonly ICommandDispatcher _dispatcher;
    private readonly DiscordReplyRenderer _renderer;
    private readonly PagingStore _paging;
    private readonly IDiscordInteractionCallbacks _callbacks;
    private readonly TimeProvider _time;
    private readonly ILogger<InteractionProcessor> _logger;
    private readonly TimeSpan _deferAfter;
    private readonly BotMetrics? _metrics;

    // Commands outlive the HTTP request when deferred, so they run under the processor's lifetime, not the caller's.
    private readonly CancellationTokenSource _stopping = new();
    private int _pendingDeferred;

    /// <summary>The platform tag of this adapter's metrics.</summary>
    public const string Platform = "discord";

    public InteractionProcessor(
        ICommandDispatcher dispatcher,
        DiscordReplyRenderer renderer,
        PagingStore paging,
        IDiscordInteractionCallbacks callbacks,
        IOptions<DiscordOptions> options,
        TimeProvider time,
        ILogger<InteractionProcessor> logger,
        BotMetrics? metrics = null)
    {
        _dispatcher = dispatcher;
        _metrics = metrics;
        _renderer = renderer;
        _paging = paging;
        _callbacks = callbacks;
        _time = time;
        _logger = logger;
        _deferAfter = options.Value.DeferAfter;
    }

    /// <summary>Deferred replies still being computed or sent.</summary>
    public int PendingDeferredReplies => Volatile.Read(ref _pendingDeferred);

    public async Task<InteractionResponse> ProcessAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        try
        {
            return interaction.Type switch
            {
                InteractionType.Ping => InteractionResponse.Pong,
                InteractionType.ApplicationCommand => await CommandAsync(interaction, cancellationToken).ConfigureAwait(false),
                InteractionType.ApplicationCommandAutocomplete => await AutocompleteAsync(interaction, cancellationToken).ConfigureAwait(false),
                InteractionType.MessageComponent => await ComponentAsync(interaction, cancellationToken).ConfigureAwait(false),
                _ => Unsupported(interaction.Type),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Log.InteractionFailed(_logger, (int)interaction.Type, ex);
            return Ephemeral("Something went wrong while answering. Please try again.");
        }
    }

    /// <summary>The command layer's request for an application command: its name and its options as text.</summary>
    public static CommandRequest ToRequest(InteractionData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        AddOptions(data.Options, options);
        return new CommandRequest(data.Name ?? string.Empty, options);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private Task<InteractionResponse> CommandAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (interaction.Data is not { Name.Length: > 0 } data)
        {
            return Task.FromResult(Ephemeral("That command arrived without a name."));
        }

        return RunAsync(interaction, ToRequest(data), InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.DeferredChannelMessageWithSource, cancellationToken);
    }

    private async Task<InteractionResponse> ComponentAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        // Unknown, expired, or the shared cache is down: all the user can do is run the command again.
        var request = await _paging.RecallAsync(interaction.Data?.CustomId, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return ExpiredButtons;
        }

        return await RunAsync(interaction, request, InteractionResponseType.UpdateMessage, InteractionResponseType.DeferredUpdateMessage, cancellationToken).ConfigureAwait(false);
    }

    private async Task<InteractionResponse> RunAsync(
        Interaction interaction,
        CommandRequest request,
        InteractionResponseType answerType,
        InteractionResponseType deferType,
        CancellationToken cancellationToken)
    {
        var pending = _metrics is null
            ? _dispatcher.ExecuteAsync(request, _stopping.Token)
            : _metrics.MeasureAsync(Platform, request, () => _dispatcher.ExecuteAsync(request, _stopping.Token));
        if (pending.IsCompletedSuccessfully)
        {
            // The common case (an in-memory index): no timer, no extra allocation.
            return await AnswerAsync(pending.Result, request, answerType, cancellationToken).ConfigureAwait(false);
        }

        var task = pending.AsTask();
        Reply answered;
        try
        {
            answered = await task.WaitAsync(_deferAfter, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Interlocked.Increment(ref _pendingDeferred);
            Log.Deferred(_logger, request.Name);
            _metrics?.Deferred(Platform, request.Name);
            _ = FinishDeferredAsync(interaction, request, task);
            return new InteractionResponse(deferType);
        }

        return await AnswerAsync(answered, request, answerType, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<InteractionResponse> AnswerAsync(Reply reply, CommandRequest request, InteractionResponseType answerType, CancellationToken cancellationToken)
    {
        var data = _renderer.Render(reply, await PagingTokenAsync(reply, request, cancellationToken).ConfigureAwait(false));

        // A page that fails must not replace the results already on screen: say so privately instead.
        var type = reply.IsError ? InteractionResponseType.ChannelMessageWithSource : answerType;
        return new InteractionResponse(type, data);
    }

    /// <summary>The paging token for a reply of several pages (null for one page, or when the cache could not keep it).</summary>
    private async ValueTask<string?> PagingTokenAsync(Reply reply, CommandRequest request, CancellationToken cancellationToken) =>
        reply is { IsError: false, Page.Count: > 1 } ? await _paging.RememberAsync(request, cancellationToken).ConfigureAwait(false) : null;

    private async Task FinishDeferredAsync(Interaction interaction, CommandRequest request, Task<Reply> work)
    {
        try
        {
            InteractionCallbackData message;
            var isError = true;
            try
            {
                var reply = await work.WaitAsync(DeferredDeadline, _time, _stopping.Token).ConfigureAwait(false);
                message = _renderer.Render(reply, await PagingTokenAsync(reply, request, _stopping.Token).ConfigureAwait(false));
                isError = reply.IsError;
            }
            catch (TimeoutException)
            {
                message = DiscordReplyRenderer.Error("That took too long to answer. Please try again.");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.InteractionFailed(_logger, (int)interaction.Type, ex);
                message = DiscordReplyRenderer.Error("Something went wrong while answering. Please try again.");
            }

            if (!isError)
            {
                await SendDeferredAsync(interaction, Delivery.EditOriginal, message).ConfigureAwait(false);
                return;
            }

            // Discord ignores the ephemeral flag on an edit of @original, so an error edited in would be public (and,
            // after a page button, replace the results on screen). A follow-up honours the flag, except the first one
            // after a deferred command, which Discord takes as the answer with the deferral's (public) visibility: so
            // a command's "thinking" message is deleted first. After a button the results on screen stay as they are.
            if (interaction.Type == InteractionType.ApplicationCommand)
            {
                try
                {
                    await SendDeferredAsync(interaction, Delivery.DeleteOriginal, message).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Still tell the user, even if the placeholder stays.
                    Log.DeferredReplyFailed(_logger, request.Name, ex);
                }
            }

            await SendDeferredAsync(interaction, Delivery.FollowUp, message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: the interaction token expires on its own.
        }
        catch (Exception ex)
        {
            Log.DeferredReplyFailed(_logger, request.Name, ex);
        }
        finally
        {
            Interlocked.Decrement(ref _pendingDeferred);
        }
    }

    /// <summary>
    /// Sends once: the REST client is the one retry layer (429s, transient 5xx, and the 404 of an edit that overtakes
    /// the deferred response it builds on); resending here as well multiplied the requests (up to 4 × 4 PATCHes).
    /// </summary>
    private Task SendDeferredAsync(Interaction interaction, Delivery delivery, InteractionCallbackData message) => delivery switch
    {
        Delivery.FollowUp => _callbacks.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, message, _stopping.Token),
        Delivery.DeleteOriginal => _callbacks.DeleteOriginalResponseAsync(interaction.ApplicationId, interaction.Token, _stopping.Token),
        _ => _callbacks.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, message, _stopping.Token),
    };

    private async Task<InteractionResponse> AutocompleteAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var focused = Focused(interaction.Data?.Options);
        if (interaction.Data is not { Name.Length: > 0 } data || focused is null)
        {
            return Choices([]);
        }

        var partial = ValueText(focused.Value) ?? string.Empty;
        IReadOnlyList<string> suggestions;
        try
        {
            // Discord sends the values already given for the other options too: one can narrow another's choices
            // (the speakers of the story chosen so far).
            // Autocomplete cannot be deferred: an answer too late is no answer, so give up at the budget.
            suggestions = await _dispatcher.CompleteAsync(ToRequest(data), focused.Name, partial, cancellationToken)
                .AsTask().WaitAsync(_deferAfter, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            suggestions = [];
        }

        var choices = new List<ApplicationCommandOptionChoice>(DiscordLimits.AutocompleteChoices);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var suggestion in suggestions)
        {
            if (choices.Count == DiscordLimits.AutocompleteChoices)
            {
                break;
            }

            if (string.IsNullOrWhiteSpace(suggestion) || ChoiceValue(suggestion, focused.Type) is not { } value || !seen.Add(value.GetRawText()))
            {
                continue;
            }

            // Choice names are shown as plain text (no markdown), so they are only shortened.
            choices.Add(new ApplicationCommandOptionChoice(ReplyText.Shorten(suggestion.Trim(), DiscordLimits.ChoiceName), value));
        }

        return Choices(choices);
    }

    private static JsonElement? ChoiceValue(string suggestion, ApplicationCommandOptionType type)
    {
        switch (type)
        {
            case ApplicationCommandOptionType.Integer:
                return long.TryParse(suggestion, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer)
                    ? JsonSerializer.SerializeToElement(integer, DiscordJsonContext.Default.Int64)
                    : null;
            case ApplicationCommandOptionType.Number:
                return double.TryParse(suggestion, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                    ? JsonSerializer.SerializeToElement(number, DiscordJsonContext.Default.Double)
                    : null;
            default:
                // The value is what the command receives, so it is cut, never decorated with an ellipsis.
                var value = suggestion.Trim();
                if (value.Length > DiscordLimits.ChoiceValue)
                {
                    var cut = DiscordLimits.ChoiceValue;
                    if (char.IsHighSurrogate(value[cut - 1]))
                    {
                        cut--;
                    }

                    value = value[..cut];
                }

                return JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.String);
        }
    }

    private static InteractionResponse Choices(IReadOnlyList<ApplicationCommandOptionChoice> choices) =>
        new(InteractionResponseType.ApplicationCommandAutocompleteResult, new InteractionCallbackData(Choices: choices));

    private InteractionResponse Unsupported(InteractionType type)
    {
        Log.UnsupportedInteraction(_logger, (int)type);
        return Ephemeral("This bot does not handle that kind of interaction.");
    }

    private static InteractionResponse Ephemeral(string message) =>
        new(InteractionResponseType.ChannelMessageWithSource, DiscordReplyRenderer.Error(message));

    private static InteractionDataOption? Focused(IReadOnlyList<InteractionDataOption>? options)
    {
        if (options is null)
        {
            return null;
        }

        foreach (var option in options)
        {
            if (option.Focused == true)
            {
                return option;
            }

            if (Focused(option.Options) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    // Sub-commands and groups only nest; the command layer sees their leaf options.
    private static void AddOptions(IReadOnlyList<InteractionDataOption>? options, Dictionary<string, string> target)
    {
        if (options is null)
        {
            return;
        }

        foreach (var option in options)
        {
            if (ValueText(option.Value) is { } text)
            {
                target[option.Name] = text;
            }

            AddOptions(option.Options, target);
        }
    }

    private static string? ValueText(JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => StringText(v),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };

    /// <summary>
    /// An escaped lone surrogate ("\ud800") is valid JSON but not valid UTF-16, and <see cref="JsonElement.GetString"/>
    /// refuses it; such a value is unescaped leniently and left to the command layer, which drops what is not text.
    /// </summary>
    private static string StringText(JsonElement value)
    {
        try
        {
            return value.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            // Every JSON string escape (\" \\ \/ \b \f \n \r \t \uXXXX) means the same to Regex.Unescape.
            var raw = value.GetRawText();
            return System.Text.RegularExpressions.Regex.Unescape(raw[1..^1]);
        }
    }

    private enum Delivery
    {
        EditOriginal,
        DeleteOriginal,
        FollowUp,
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Handling a Discord interaction of type {Type} failed")]
        public static partial void InteractionFailed(ILogger logger, int type, Exception exception);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Command /{Command} is slow; answered 'deferred' and will edit the reply")]
        public static partial void Deferred(ILogger logger, string command);

        [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Sending the deferred reply of /{Command} failed")]
        public static partial void DeferredReplyFailed(ILogger logger, string command, Exception exception);

        // Only the exception's type: messages from HTTP clients can carry the URL, and this one holds the interaction token.
        [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Unsupported interaction type {Type}")]
        public static partial void UnsupportedInteraction(ILogger logger, int type);
    }
}
