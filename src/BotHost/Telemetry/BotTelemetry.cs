using ChatCommands.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace BotHost.Telemetry;

/// <summary>
/// <c>GET /metrics</c> in Prometheus text format through OpenTelemetry: ASP.NET Core (requests and their duration),
/// HttpClient (calls to Discord's REST API and Slack's response_url hooks), the .NET runtime (GC, thread pool, memory)
/// and the bot's own meter (<see cref="BotMetrics"/>: commands, latency, abstentions, deferrals, signature rejections).
/// </summary>
public static class BotTelemetry
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddBotTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("BotHost"))
            .WithMetrics(metrics => metrics
                .AddMeter(BotMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapBotTelemetry(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath);
        return endpoints;
    }
}
