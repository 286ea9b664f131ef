using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlackBot.Endpoint;
using SlackBot.Interactions;
using SlackBot.Rendering;
using SlackBot.SocketMode;

namespace SlackBot;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Slack</c> settings (at start) and registers the Slack adapter: the command handler both
    /// transports share, the HTTP endpoints, Socket Mode (runs when <c>Slack:AppToken</c> is set), renderer, paging cache
    /// and the <c>response_url</c> client. Requires an <c>ICommandDispatcher</c> (AddChatCommands).
    /// </summary>
    public static IServiceCollection AddSlackCommands(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SlackOptions>()
            .Bind(configuration.GetSection(SlackOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // Paging state lives in the IDistributedCache: this process's memory unless the host registered a shared one (Redis).
        services.AddDistributedMemoryCache();
        services.TryAddSingleton<SlackPagingStore>();
        services.TryAddSingleton<SlackReplyRenderer>();
        services.TryAddSingleton<SlackCommandHandler>();
        services.TryAddSingleton<SlackEndpoints>();
        services.TryAddSingleton<SlackSocketStatus>();
        services.TryAddSingleton(sp => new SlackAppsClient(
            new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                Timeout = TimeSpan.FromSeconds(15),
            },
            sp.GetRequiredService<IOptions<SlackOptions>>()));

        // Socket Mode only with an app token; the service checks the bound settings again (Slack:Enabled=false wins).
        var section = configuration.GetSection(SlackOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(section[nameof(SlackOptions.AppToken)]))
        {
            services.AddHostedService<SlackSocketModeService>();
        }
        services.TryAddSingleton(sp =>
        {
            // No redirects: a response_url is only ever followed to the host it names, which the policy has checked.
            var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                Timeout = TimeSpan.FromSeconds(15),
            };
            return new SlackResponder(http, sp.GetRequiredService<ILogger<SlackResponder>>());
        });
        return services;
    }

    /// <summary>
    /// Maps <c>POST /slack/commands</c> (every slash command's Request URL) and <c>POST /slack/interactions</c>
    /// (the app's Interactivity Request URL) when <c>Slack:SigningSecret</c> is set (and <c>Slack:Enabled</c> is not
    /// false); otherwise maps nothing.
    /// </summary>
    public static IEndpointRouteBuilder MapSlackCommands(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (options.ServesHttp)
        {
            var handler = endpoints.ServiceProvider.GetRequiredService<SlackEndpoints>();
            endpoints.MapPost("/slack/commands", handler.HandleCommandAsync);
            endpoints.MapPost("/slack/interactions", handler.HandleInteractionAsync);
        }

        return endpoints;
    }
}
