using StoryEngine;

namespace BotHost.Cli;

/// <summary>A started Generic Host with the stories indexed, for verbs that answer once and exit.</summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EngineHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <param name="ranksByMeaning">
    /// False for verbs that never rank by meaning (the facts views): they build no sentence vectors whatever
    /// Stories:Semantic says, since encoding every sentence is most of their time and memory.
    /// </param>
    /// <exception cref="StoryEngine.Ingest.StoriesUnavailableException">The stories folder is missing or has no usable story.</exception>
    public static async Task<EngineHost> StartAsync(CliArguments cli, CancellationToken cancellationToken, bool ranksByMeaning = true)
    {
        var builder = BotServices.CreateHostBuilder(cli);
        builder.Logging.UseQuietConsoleLogging();
        // Answering once and exiting, there is nothing to watch the stories folder for.
        builder.Configuration.AddInMemoryCollection([new($"{StoryEngine.Hosting.StoryEngineOptions.SectionName}:{nameof(StoryEngine.Hosting.StoryEngineOptions.Watch)}", "false")]);
        if (!ranksByMeaning)
        {
            builder.Configuration.AddInMemoryCollection([new($"{StoryEngine.Hosting.StoryEngineOptions.SectionName}:{nameof(StoryEngine.Hosting.StoryEngineOptions.Semantic)}", "false")]);
        }

        var host = builder.Build();
        try
        {
            host.ValidateSettings();
            await host.StartAsync(cancellationToken);
            await host.Services.GetRequiredService<IStoryLibrary>().WaitUntilReadyAsync(cancellationToken);
            return new EngineHost(host);
        }
        catch
        {
            await StopAsync(host);
            throw;
        }
    }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync() => await StopAsync(_host);

    private static async Task StopAsync(IHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await host.StopAsync(timeout.Token);
        host.Dispose();
    }
}
