using ChatCommands.Facts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StoryEngine;
using StoryEngine.Hosting;

namespace ChatCommands.Tests;

/// <summary>The real command layer (every command) over the real story engine and the repository's seed stories, started once per test class.</summary>
public sealed class SeedBot : IAsyncLifetime
{
    private IHost? _host;

    public ICommandDispatcher Dispatcher => Services.GetRequiredService<ICommandDispatcher>();

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("Not started.");

    public static string SeedsFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds");

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Stories:Path"] = SeedsFolder });
        builder.Logging.ClearProviders();
        builder.Services.AddStoryEngine(builder.Configuration);
        builder.Services.AddChatCommands();
        builder.Services.AddFactCommands();
        _host = builder.Build();
        await _host.StartAsync();
        await _host.Services.GetRequiredService<IStoryLibrary>().WaitUntilReadyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    public ValueTask<Reply> RunAsync(string name, params (string Name, string Value)[] options) =>
        RunAsync(name, 0, options);

    public ValueTask<Reply> RunAsync(string name, int page, params (string Name, string Value)[] options) =>
        Dispatcher.ExecuteAsync(CommandRequest.Create(name, options) with { Page = page }, CancellationToken.None);
}
