using DiscordBot.Interactions;
using DiscordBot.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DiscordBot;

public static class DiscordRestServiceCollectionExtensions
{
    /// <summary>Discord's documented User-Agent shape: <c>DiscordBot ($url, $versionNumber)</c>.</summary>
    public const string UserAgent = "DiscordBot (https://github.com/bothost/bothost, 1.0)";

    /// <summary>
    /// Registers <see cref="DiscordRestClient"/> (one shared HttpClient, rate-limited), <see cref="DiscordCommandRegistrar"/>,
    /// and the REST client as <see cref="IDiscordInteractionCallbacks"/> so deferred replies get the rate-limit handling.
    /// Binds and validates <see cref="DiscordOptions"/> from the <c>Discord</c> section. Calling it again does nothing.
    /// </summary>
    public static IServiceCollection AddDiscordRest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Idempotent: gateway mode reaches this twice (the host and AddDiscordGateway), and a second AddHttpClient
        // configuration would add the User-Agent to every request again.
        if (services.Any(d => d.ServiceType == typeof(DiscordRestClient)))
        {
            return services;
        }

        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DiscordRateLimiter>();

        var client = services.AddHttpClient(DiscordRestClient.HttpClientName, (provider, http) =>
            {
                http.BaseAddress = DiscordRestClient.WithTrailingSlash(provider.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBaseUrl);
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                // Each attempt has its own limit (DiscordRateLimitHandler); this one would span every retry and 429 wait.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The client lives as long as the app (a singleton); pooled connections are recycled for DNS changes instead.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The default HttpClient logging writes request URIs, and interaction tokens are in those URIs.
            .RemoveAllLoggers();

        // Outermost to innermost: the one retry layer, then the limiter, so every attempt waits for its bucket.
        client.AddResilienceHandler(DiscordRestResilience.PipelineName, DiscordRestResilience.Configure);
        client.AddHttpMessageHandler(provider => ActivatorUtilities.CreateInstance<DiscordRateLimitHandler>(provider));

        services.TryAddSingleton(provider => ActivatorUtilities.CreateInstance<DiscordRestClient>(
            provider,
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(DiscordRestClient.HttpClientName)));
        services.Replace(ServiceDescriptor.Singleton<IDiscordInteractionCallbacks>(provider => provider.GetRequiredService<DiscordRestClient>()));
        services.TryAddSingleton<DiscordCommandRegistrar>();
        return services;
    }
}
