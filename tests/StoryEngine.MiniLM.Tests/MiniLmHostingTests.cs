using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StoryEngine.Hosting;
using StoryEngine.Search;

namespace StoryEngine.MiniLM.Tests;

public sealed class MiniLmHostingTests
{
    private static IHost BuildHost(bool semantic, Action<IServiceCollection>? registerFirst = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stories:Path"] = Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds"),
            ["Stories:Semantic"] = semantic ? "true" : "false",
        });
        registerFirst?.Invoke(builder.Services);
        builder.Services.AddStoryEngine(builder.Configuration);
        builder.Services.AddMiniLmTextEncoder();
        return builder.Build();
    }

    [Fact]
    public async Task With_semantic_on_the_host_indexes_by_meaning_and_answers()
    {
        using var host = BuildHost(semantic: true);
        await host.StartAsync();

        await host.Services.GetRequiredService<IStoryLibrary>().WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
        var result = host.Services.GetRequiredService<IQuestionAnswerer>().Ask("Who is the Middle East envoy?");

        Assert.Contains("Witkoff", result.Answers[0].Sentence.Text, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task With_semantic_off_the_model_is_never_loaded()
    {
        var loaded = false;
        using var host = BuildHost(semantic: false, services => services.AddSingleton<ITextEncoder>(_ =>
        {
            loaded = true;
            return new MiniLmTextEncoder();
        }));
        await host.StartAsync();

        await host.Services.GetRequiredService<IStoryLibrary>().WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
        var result = host.Services.GetRequiredService<IQuestionAnswerer>().Ask("Who is the Middle East envoy?");

        Assert.Contains("Witkoff", result.Answers[0].Sentence.Text, StringComparison.Ordinal);
        Assert.False(loaded);
        await host.StopAsync();
    }
}
