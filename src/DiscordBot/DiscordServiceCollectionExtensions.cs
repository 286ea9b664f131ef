using DiscordBot.Endpoint;
using DiscordBot.Interactions;
using DiscordBot.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DiscordBot;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Discord</c> settings (at start) and registers the interaction layer:
    /// <see cref="InteractionProcessor"/> (used by the HTTP endpoint and the gateway), the renderer, the paging store and
    /// a default <see cref="IDiscordInteractionCallbacks"/>. Requires an <c>ICommandDispatcher</c> (AddChatCommands).
    /// </summary>
    public static IServiceCollection AddDiscordInteractions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // Paging state lives in the IDistributedCache: this process's memory unless the host registered a shared one (Redis).
        services.AddDistributedMemoryCache();
        services.TryAddSingleton<PagingStore>();
        services.TryAddSingleton<DiscordReplyRenderer>();
        services.TryAddSingleton<InteractionProcessor>();
        services.TryAddSingleton<InteractionsEndpoint>();
        services.TryAddSingleton<IDiscordInteractionCallbacks>(sp =>
        {
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };

            // Discord asks every API client to identify itself this way.
            http.DefaultRequestHeaders.UserAgent.ParseAdd(DiscordRestServiceCollectionExtensions.UserAgent);
            return new WebhookInteractionCallbacks(http, sp.GetRequiredService<IOptions<DiscordOptions>>());
        });
        return services;
    }

    /// <summary>
    /// Maps, when <c>Discord:PublicKey</c> is set, <c>POST /discord/interactions</c>
    /// (the application's "Interactions Endpoint URL"). Without a public key no request could be verified, so the
    /// endpoint is not served at all rather than answering every request with 401.
    /// </summary>
    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        if (options.InteractionsEndpointEnabled)
        {
            var handler = endpoints.ServiceProvider.GetRequiredService<InteractionsEndpoint>();
            endpoints.MapPost("/discord/interactions", handler.HandleAsync);
        }

        return endpoints;
    }
}
