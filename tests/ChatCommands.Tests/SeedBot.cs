using ChatCommands.Facts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StoryEngine;
using StoryEngine.Hosting;

namespace ChatCommands.Tests;

/// <summary>The real command layer (every command) over the real story engine and the repository's seed stories, started once per test class.</summary>
public sealed class SeedBot() : StoryBot(SeedsFolder)
{
    public static string SeedsFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds");
}

/// <summary>
/// The real command layer over a library of two stories that share words: the seed story (Gaza ceasefire talks) and
/// the Northwind battery plant story (tests/Fixtures/stories), copied into a folder of their own.
/// </summary>
public sealed class LibraryBot() : StoryBot(CopyLibrary())
{
    public const string Gaza = "000_7788cec921cb3b17.txt";
    public const string Northwind = "001_northwind_battery_plant.txt";

    private static string CopyLibrary()
    {
        var folder = Directory.CreateTempSubdirectory("library-bot-").FullName;
        File.Copy(Path.Combine(SeedBot.SeedsFolder, Gaza), Path.Combine(folder, Gaza));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "stories", Northwind), Path.Combine(folder, Northwind));
        return folder;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(StoriesFolder, recursive: true);
    }
}

/// <summary>The real command layer (every command) over the real story engine and the stories of one folder, started once per test class.</summary>
public abstract class StoryBot(string storiesFolder) : IAsyncLifetime
{
    private IHost? _host;

    public string StoriesFolder { get; } = storiesFolder;

    public ICommandDispatcher Dispatcher => Services.GetRequiredService<ICommandDispatcher>();

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Stories:Path"] = StoriesFolder });
        builder.Logging.ClearProviders();
        builder.Services.AddStoryEngine(builder.Configuration);
        builder.Services.AddChatCommands();
        builder.Services.AddFactCommands();
        _host = builder.Build();
        await _host.StartAsync();
        await _host.Services.GetRequiredService<IStoryLibrary>().WaitUntilReadyAsync(CancellationToken.None);
    }

    public virtual async Task DisposeAsync()
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
