using ChatCommands.Facts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StoryEngine;
using StoryEngine.Hosting;

namespace ChatCommands.Tests.Facts;

/// <summary>The real command layer with the fact commands over the real story engine and the seed stories.</summary>
public sealed class FactsBot : IAsyncLifetime
{
    private IHost? _host;

    public ICommandDispatcher Dispatcher => (_host ?? throw new InvalidOperationException("Not started.")).Services.GetRequiredService<ICommandDispatcher>();

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Stories:Path"] = Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds") });
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

    public ValueTask<Reply> RunAsync(string name, int page = 0, params (string Name, string Value)[] options) =>
        Dispatcher.ExecuteAsync(CommandRequest.Create(name, options) with { Page = page }, CancellationToken.None);
}
