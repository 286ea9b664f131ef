using System.Text.Json;
using DiscordBot.Interactions;
using DiscordBot.Rest;
using DiscordBot.Wire;

namespace DiscordBot.Gateway;

/// <summary>
/// Gateway interactions go through the same <see cref="InteractionProcessor"/> as the HTTP endpoint; only the way the
/// first answer travels differs: a REST callback instead of the HTTP response.
/// </summary>
internal sealed class InteractionProcessorGatewayHandler(InteractionProcessor processor, DiscordRestClient rest) : IGatewayInteractionHandler
{
    public async Task HandleInteractionAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        var parsed = interaction.Deserialize(DiscordJsonContext.Default.Interaction)
            ?? throw new JsonException("INTERACTION_CREATE carried no interaction.");
        var response = await processor.ProcessAsync(parsed, cancellationToken).ConfigureAwait(false);
        await rest.CreateInteractionResponseAsync(parsed.Id, parsed.Token, response, cancellationToken).ConfigureAwait(false);
    }
}
