using BotHost.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StoryEngine.Hosting;

namespace BotHost.Tests;

/// <summary>What the one-shot verbs' host builds, in process.</summary>
public sealed class EngineHostTests
{
    [Fact]
    public async Task A_verb_that_never_ranks_by_meaning_builds_no_sentence_vectors_even_with_semantic_on()
    {
        var cli = CliArguments.Parse(["whosaid", "--seeds", BotHostProcess.SeedsFolder, "--Stories:Semantic", "true"]);

        await using var engine = await EngineHost.StartAsync(cli, CancellationToken.None, ranksByMeaning: false);

        Assert.False(engine.Services.GetRequiredService<IOptions<StoryEngineOptions>>().Value.Semantic);
    }

    [Fact]
    public async Task A_verb_that_ranks_keeps_the_configured_semantic_setting()
    {
        var cli = CliArguments.Parse(["ask", "who?", "--seeds", BotHostProcess.SeedsFolder, "--Stories:Semantic", "true"]);

        await using var engine = await EngineHost.StartAsync(cli, CancellationToken.None);

        Assert.True(engine.Services.GetRequiredService<IOptions<StoryEngineOptions>>().Value.Semantic);
    }
}
