using System.Net.Http.Json;
using DiscordBot.Wire;
using Microsoft.Extensions.Options;

namespace DiscordBot.Interactions;

/// <summary>
/// Minimal default for <see cref="IDiscordInteractionCallbacks"/>: one request per deferred reply, no rate-limit
/// bookkeeping (a deferred reply is one request per interaction). The REST client replaces it when present.
/// </summary>
public sealed class WebhookInteractionCallbacks(HttpClient http, IOptions<DiscordOptions> options) : IDiscordInteractionCallbacks
{
    public Task EditOriginalResponseAsync(string applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, $"webhooks/{Uri.EscapeDataString(applicationId)}/{Uri.EscapeDataString(interactionToken)}/messages/@original", message, cancellationToken);

    public Task CreateFollowupMessageAsync(string applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"webhooks/{Uri.EscapeDataString(applicationId)}/{Uri.EscapeDataString(interactionToken)}", message, cancellationToken);

    public Task DeleteOriginalResponseAsync(string applicationId, string interactionToken, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"webhooks/{Uri.EscapeDataString(applicationId)}/{Uri.EscapeDataString(interactionToken)}/messages/@original", null, cancellationToken);

    private async Task SendAsync(HttpMethod method, string relative, InteractionCallbackData? message, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.ApiBaseUrl;
        var uri = new Uri(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"), relative);
        using var request = new HttpRequestMessage(method, uri)
        {
            Content = message is null ? null : JsonContent.Create(message, DiscordJsonContext.Default.InteractionCallbackData),
        };
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);

        // The URL carries the interaction token; the exception must not, so report only the status.
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method.Method} of a deferred interaction reply failed with HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }
}
