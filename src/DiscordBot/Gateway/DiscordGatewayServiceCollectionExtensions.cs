using DiscordBot.Gateway;
using DiscordBot.Interactions;
using DiscordBot.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DiscordBot;

public static class DiscordGatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers the gateway client on top of <see cref="DiscordRestServiceCollectionExtensions.AddDiscordRest"/>. The hosted
    /// service is only added when <c>Discord:Token</c> is set and <c>Discord:PublicKey</c> is not (with a public key Discord
    /// delivers interactions to the HTTP endpoint instead). Gateway interactions are answered by <see cref="InteractionProcessor"/>
    /// (registered here through AddDiscordInteractions), so an <c>ICommandDispatcher</c> must be registered (AddChatCommands).
    /// </summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Gateway interactions are answered by the same InteractionProcessor as the HTTP endpoint (its registration is idempotent).
        services.AddDiscordInteractions(configuration);
        services.AddDiscordRest(configuration);
        services.TryAddSingleton<IGatewayConnectionFactory, WebSocketGatewayConnectionFactory>();
        services.TryAddSingleton<IGatewayInteractionHandler, InteractionProcessorGatewayHandler>();
        services.TryAddSingleton<DiscordGatewayStatus>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGatewayIdentifyGateFactory, InProcessIdentifyGateFactory>();

        var section = configuration.GetSection(DiscordOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.Token)]) && string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.PublicKey)]))
        {
            services.AddHostedService<DiscordGatewayService>();
        }

        return services;
    }
}
