using System.Net.Http.Json;
using DiscordBot.Wire;
using Microsoft.Extensions.Options;

namespace DiscordBot.Interactions;

/// <summary>
/// Minimal default for <see cref="IDiscordInteractionCallbacks"/>: one PATCH per deferred reply, no rate-limit
/// bookkeeping (a deferred edit is one request per interaction). The REST client replaces it when present.
/// </summary>
public sealed class WebhookInteractionCallbacks(HttpClient http, IOptions<DiscordOptions> options) : IDiscordInteractionCallbacks
{
    public async Task EditOriginalResponseAsync(string applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.ApiBaseUrl;
        var relative = $"webhooks/{Uri.EscapeDataString(applicationId)}/{Uri.EscapeDataString(interactionToken)}/messages/@original";
        var uri = new Uri(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"), relative);
        using var content = JsonContent.Create(message, DiscordJsonContext.Default.InteractionCallbackData);
        using var response = await http.PatchAsync(uri, content, cancellationToken).ConfigureAwait(false);

        // The URL carries the interaction token; the exception must not, so report only the status.
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Editing the deferred interaction response failed with HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }
}
