using ChatCommands;
using ChatCommands.Facts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StoryEngine;
using StoryEngine.Hosting;

namespace ChatAdapters.Testing;

/// <summary>
/// The start-up every adapter endpoint test shares: a loopback <see cref="WebApplication"/> with the real command
/// dispatcher over the real story engine and the seed stories (copied to <c>Fixtures/seeds</c>), plus the test's own
/// commands, on the test's clock. The adapter adds its own services and routes.
/// </summary>
public static class StoryLoopbackApp
{
    /// <param name="time">The clock the app sees (a fake one, so stale signatures and deferral need no waiting).</param>
    /// <param name="settings">The adapter's configuration; the stories folder is added to it.</param>
    /// <param name="commands">Test commands registered after the real ones, in this order.</param>
    public static WebApplicationBuilder CreateBuilder(TimeProvider time, IReadOnlyDictionary<string, string?> settings, IEnumerable<IChatCommand> commands)
    {
        var builder = LoopbackWebApp.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Stories:Path"] = Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds"),
        });
        builder.Services.AddSingleton(time);
        builder.Services.AddStoryEngine(builder.Configuration);
        builder.Services.AddChatCommands();
        builder.Services.AddFactCommands();
        foreach (var command in commands)
        {
            builder.Services.AddSingleton(command);
        }

        return builder;
    }

    /// <summary>Starts the app and waits until the story index is ready.</summary>
    public static async Task<LoopbackWebApp> StartAsync(WebApplicationBuilder builder, Action<WebApplication> map)
    {
        var app = await LoopbackWebApp.StartAsync(builder, map);

        // /ask waits for the index; tests want answers, not a deferral caused by start-up.
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.Services.GetRequiredService<IStoryLibrary>().WaitUntilReadyAsync(ready.Token);
        return app;
    }
}
