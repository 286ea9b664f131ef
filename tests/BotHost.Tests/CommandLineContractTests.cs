using System.Text.Json;

namespace BotHost.Tests;

/// <summary>How the verbs read their options, ask for help, report errors and print JSON, on the real executable.</summary>
public sealed class CommandLineContractTests
{
    [Theory]
    [InlineData("--semantic", "false")]
    [InlineData("--semantic", "true")]
    [InlineData("--Stories:Semantic", "false")]
    public async Task A_semantic_switch_with_a_value_sets_the_ranking_and_is_not_part_of_the_question(string option, string value)
    {
        var result = await BotHostProcess.RunAsync(null, "ask", "who is the envoy", option, value, "--json", "--seeds", BotHostProcess.SeedsFolder);

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(Assert.Single(result.StdoutLines));
        Assert.Equal("who is the envoy", json.RootElement.GetProperty("question").GetString());
    }

    [Theory]
    [InlineData("ask", "--help")]
    [InlineData("ask", "-h")]
    [InlineData("whosaid", "--help")]
    [InlineData("eval", "--help")]
    [InlineData("register-commands", "--help")]
    public async Task Help_after_a_verb_prints_usage_and_exits_0(string verb, string help)
    {
        var result = await BotHostProcess.RunAsync(null, verb, help);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task A_stories_error_is_printed_once()
    {
        var missing = Path.Combine(Path.GetTempPath(), "bothost-missing-" + Guid.NewGuid().ToString("N"));

        var result = await BotHostProcess.RunAsync(null, "ask", "anything", "--seeds", missing);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single((result.Stdout + result.Stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(missing, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("whosaid")]
    [InlineData("facts")]
    [InlineData("people")]
    [InlineData("timeline")]
    [InlineData("summary")]
    [InlineData("ask")]
    public async Task Json_output_is_one_object_on_one_line(string verb)
    {
        string[] args = verb == "ask" ? ["ask", "who is the envoy"] : [verb];

        var result = await BotHostProcess.RunAsync(null, [.. args, "--json", "--seeds", BotHostProcess.SeedsFolder, "--Stories:Semantic", "false"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(Assert.Single(result.StdoutLines));
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
    }
}
