using System.Globalization;
using DiscordBot.Gateway;
using SlackBot.SocketMode;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StoryEngine;

namespace BotHost.Health;

/// <summary>
/// The operators' probes, on Microsoft.Extensions.Diagnostics.HealthChecks. <c>GET /healthz</c> (alive) answers 200
/// whenever the process serves HTTP, indexing or not, so an orchestrator never restarts a bot that is only busy
/// building its index. <c>GET /readyz</c> answers 200 once the stories are indexed and, when the Discord gateway is
/// configured, every shard is connected (and, with Slack's Socket Mode, its connection is open); 503 otherwise, with one line per check that is not ready.
/// <c>GET /healthz/dependencies</c> answers for what replicas share: with <c>Redis:Configuration</c> set,
/// <see cref="SharedStateServiceCollectionExtensions.AddBotSharedState"/> adds the <c>redis</c> check
/// (<see cref="RedisReachableCheck"/>) there, not to readiness: Redis holds only paging state, so an outage must not take
/// every replica out of the load balancer at once while each can still answer every command.
/// </summary>
public static class BotHealth
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";

    public const string DependenciesPath = "/healthz/dependencies";

    /// <summary>Tag of the checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Tag of the checks of services the replicas share (for alerts, not for routing).</summary>
    public const string DependencyTag = "dependency";

    public static IServiceCollection AddBotHealthChecks(this IServiceCollection services, bool discordGateway, bool slackSocketMode = false)
    {
        var checks = services.AddHealthChecks().AddCheck<StoriesIndexedCheck>("stories", tags: [ReadyTag]);
        if (discordGateway)
        {
            checks.AddCheck<DiscordGatewayConnectedCheck>("discord-gateway", tags: [ReadyTag]);
        }

        if (slackSocketMode)
        {
            checks.AddCheck<SlackSocketConnectedCheck>("slack-socket-mode", tags: [ReadyTag]);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapBotHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        // No checks: alive means the process answers.
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = static _ => false, ResponseWriter = WritePlainTextAsync });
        endpoints.MapHealthChecks(ReadyPath, Tagged(ReadyTag));
        endpoints.MapHealthChecks(DependenciesPath, Tagged(DependencyTag));
        return endpoints;
    }

    private static HealthCheckOptions Tagged(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
        ResponseWriter = WritePlainTextAsync,
    };

    /// <summary>"ok", or one "name: why" line per check that is not healthy (never a setting's value).</summary>
    private static Task WritePlainTextAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var text = report.Status == HealthStatus.Healthy
            ? "ok"
            : string.Join('\n', report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}"));
        return context.Response.WriteAsync(text + "\n", context.RequestAborted);
    }
}

internal sealed class StoriesIndexedCheck(IStoryLibrary library) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(library.IsReady
            ? HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{library.Stories.Count} stories indexed"))
            : HealthCheckResult.Unhealthy("the stories are being indexed"));
}

internal sealed class DiscordGatewayConnectedCheck(DiscordGatewayStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status switch
        {
            { Failure: { } failure } => HealthCheckResult.Unhealthy(failure.Message),
            { IsConnected: true } => HealthCheckResult.Healthy(),
            _ => HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture,
                $"{status.ConnectedShards} of {(status.ShardCount > 0 ? status.ShardCount.ToString(CultureInfo.InvariantCulture) : "?")} gateway shards connected")),
        });
}

internal sealed class SlackSocketConnectedCheck(SlackSocketStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status switch
        {
            { Failure: { } failure } => HealthCheckResult.Unhealthy(failure.Message),
            { IsConnected: true } => HealthCheckResult.Healthy(),
            _ => HealthCheckResult.Unhealthy("Slack Socket Mode is not connected"),
        });
}
