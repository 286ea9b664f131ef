using DiscordBot.Wire;

namespace DiscordBot.Interactions;

/// <summary>
/// The REST calls the interaction layer needs after it has answered Discord's request: finishing a deferred
/// reply. Interaction webhooks are authorised by the interaction token in the URL, not the bot token.
/// </summary>
/// <remarks>
/// Owned by the interactions layer, implemented by the REST client (src/DiscordBot/Rest), which should register
/// its implementation with <c>services.Replace(ServiceDescriptor.Singleton&lt;IDiscordInteractionCallbacks, ...&gt;())</c>
/// or before <c>AddDiscordInteractions</c> so its rate-limit handling is used. Until then
/// <see cref="WebhookInteractionCallbacks"/> (a plain HttpClient against <c>Discord:ApiBaseUrl</c>) is the default.
/// </remarks>
public interface IDiscordInteractionCallbacks
{
    /// <summary><c>PATCH /webhooks/{applicationId}/{token}/messages/@original</c>: replaces a deferred (type 5/6) response.</summary>
    Task EditOriginalResponseAsync(string applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /webhooks/{applicationId}/{token}</c>: a further message. Unlike an edit it honours <c>flags: 64</c>
    /// (ephemeral), so errors after a deferral go this way and leave what is on screen alone.
    /// </summary>
    Task CreateFollowupMessageAsync(string applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken);

    /// <summary>
    /// <c>DELETE /webhooks/{applicationId}/{token}/messages/@original</c>: removes a deferred command's public "thinking"
    /// message. Until it is gone Discord takes the first follow-up as the answer and shows it publicly, flags or not.
    /// </summary>
    Task DeleteOriginalResponseAsync(string applicationId, string interactionToken, CancellationToken cancellationToken);
}
