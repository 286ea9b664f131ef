using ChatCommands;
using DiscordBot.Rest;
using DiscordBot.Tests.Gateway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DiscordBot.Tests.Rest;

/// <summary>The REST client as the app registers it (AddDiscordRest), pointed at a loopback server, on a fake clock, logs captured.</summary>
internal sealed class RestHarness : IAsyncDisposable
{
    public const string Token = GatewayShardTests.Token;
    public const string ApplicationId = "111111111111111111";

    private RestHarness(LoopbackRestServer server, FakeTimeProvider time, CapturingLoggerProvider logs, ServiceProvider provider)
    {
        Server = server;
        Time = time;
        Logs = logs;
        Provider = provider;
    }

    public LoopbackRestServer Server { get; }

    public FakeTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; }

    public ServiceProvider Provider { get; }

    public DiscordRestClient Rest => Provider.GetRequiredService<DiscordRestClient>();

    public static Task<RestHarness> StartAsync(string? token = Token, Action<IServiceCollection>? configure = null) =>
        StartAsync(token, configure is null ? null : (services, _) => configure(services));

    /// <param name="configure">Runs before AddDiscordRest, with the harness's settings.</param>
    public static async Task<RestHarness> StartAsync(string? token, Action<IServiceCollection, IConfiguration>? configure)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var server = await LoopbackRestServer.StartAsync(time);
        var logs = new CapturingLoggerProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = token,
            ["Discord:ApplicationId"] = ApplicationId,
            ["Discord:ApiBaseUrl"] = server.ApiBase.AbsoluteUri,
        }).Build();

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(time);
        configure?.Invoke(services, configuration);
        services.AddDiscordRest(configuration);
        return new RestHarness(server, time, logs, services.BuildServiceProvider(validateScopes: true));
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        await Server.DisposeAsync();
    }
}
