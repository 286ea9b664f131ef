using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StoryEngine.Hosting;
using StoryEngine.Ingest;

namespace StoryEngine.Tests.Search;

public sealed class StoryEngineHostingTests
{
    private static IHost BuildHost(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddStoryEngine(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task Host_indexes_the_stories_folder_and_answers_once_ready()
    {
        using var host = BuildHost(("Stories:Path", Path.Combine(StoriesFixture.FixturesFolder, "seeds")));
        await host.StartAsync();
        var library = host.Services.GetRequiredService<IStoryLibrary>();

        await library.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(library.IsReady);
        Assert.Equal("000_7788cec921cb3b17.txt", Assert.Single(library.Stories).Id);
        var result = host.Services.GetRequiredService<IQuestionAnswerer>().Ask("Who is the Middle East envoy?");
        Assert.Contains("Steve Witkoff", result.Answers[0].Sentence.Text, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task Host_with_a_missing_stories_folder_faults_readiness_with_a_clear_message()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-stories-" + Guid.NewGuid().ToString("N"));
        using var host = BuildHost(("Stories:Path", missing));
        await host.StartAsync();
        var library = host.Services.GetRequiredService<IStoryLibrary>();

        var error = await Assert.ThrowsAsync<StoriesUnavailableException>(
            () => library.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.False(library.IsReady);
        var result = host.Services.GetRequiredService<IQuestionAnswerer>().Ask("Who is the envoy?");
        Assert.True(result.IsRejected);
        Assert.Contains(missing, result.Rejection, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task Semantic_ranking_without_an_encoder_faults_readiness_naming_the_setting()
    {
        using var host = BuildHost(("Stories:Path", Path.Combine(StoriesFixture.FixturesFolder, "seeds")), ("Stories:Semantic", "true"));
        await host.StartAsync();
        var library = host.Services.GetRequiredService<IStoryLibrary>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => library.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.Contains("Stories:Semantic", error.Message, StringComparison.Ordinal);
        Assert.False(library.IsReady);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Stories:MaxQuestionLength", "0")]
    [InlineData("Stories:Path", " ")]
    [InlineData("Stories:MinConfidence", "1.5")]
    public async Task Host_with_invalid_settings_fails_to_start_naming_the_setting(string key, string value)
    {
        using var host = BuildHost((key, value));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Question_answerer_before_the_index_is_ready_says_so_instead_of_failing()
    {
        using var host = BuildHost(("Stories:Path", Path.Combine(StoriesFixture.FixturesFolder, "seeds")));

        // Not started: the indexer has not run.
        var result = host.Services.GetRequiredService<IQuestionAnswerer>().Ask("Who is the envoy?");

        Assert.True(result.IsRejected);
        Assert.Empty(result.Answers);
    }
}
