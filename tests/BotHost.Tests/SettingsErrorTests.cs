namespace BotHost.Tests;

/// <summary>
/// A bad setting stops every mode with exit code 1 and one line that names the setting and what it takes: never its
/// value (settings can be secrets) and never a stack trace.
/// </summary>
public sealed class SettingsErrorTests
{
    private const string Key = "abababababababababababababababababababababababababababababababab";

    [Theory]
    [InlineData("Stories:Semantic", "maybe-9f3", "true or false", "ask")]
    [InlineData("Stories:MaxQuestionLength", "lots-9f3", "whole number", "ask")]
    [InlineData("Stories:MaxQuestionLength", "-5739", "between 10 and 10000", "ask")]
    [InlineData("Stories:MinConfidence", "7.2539", "between 0 and 1", "whosaid")]
    [InlineData("Stories:Semantic", "maybe-9f3", "true or false", "eval")]
    [InlineData("Stories:ModelPrecision", "tiny-9f3", "one of Float32, Int8", "ask")]
    [InlineData("Stories:ModelPrecision", "7359", "Float32 or Int8", "ask")]
    [InlineData("Stories:ModelPrecision", "7359", "Float32 or Int8", "eval")]
    [InlineData("Stories:SentenceModels", "huge-9f3", "one of Both, ArcticXs, MiniLM", "ask")]
    [InlineData("Stories:SentenceModels", "7359", "Both, ArcticXs or MiniLM", "ask")]
    [InlineData("Stories:SentenceModels", "7359", "Both, ArcticXs or MiniLM", "eval")]
    [InlineData("Stories:AlignWords", "often-9f3", "true or false", "ask")]
    [InlineData("Stories:AlignWords", "often-9f3", "true or false", "eval")]
    [InlineData("Discord:DeferAfter", "banana-9f3", "00:00:02", "run")]
    [InlineData("Slack:Enabled", "yes-please-9f3", "true or false", "run")]
    [InlineData("Slack:AppToken", "xoxb-0000-1111-bot-token-9f3", "xapp-", "run")]
    [InlineData("Urls", "nowhere-9f3", "http://", "run")]
    [InlineData("Logging:LogLevel:Default", "loud-9f3", "Warning", "ask")]
    [InlineData("Logging:Console:LogLevel:Default", "loud-9f3", "Warning", "run")]
    public async Task A_badly_typed_or_invalid_setting_exits_1_with_one_line_naming_it_but_not_its_value(string setting, string value, string takes, string verb)
    {
        // Urls is given the way operators give it, as --urls.
        var option = setting == "Urls" ? "--urls" : $"--{setting}";
        string[] urls = setting == "Urls" ? [] : ["--urls", "http://127.0.0.1:0"];
        string[] discord = verb == "run" ? ["--Discord:PublicKey", Key, "--Discord:ApplicationId", "1", .. urls] : [];
        string[] args = verb switch
        {
            "run" => [.. discord, "--seeds", BotHostProcess.SeedsFolder, option, value],
            "ask" => ["ask", "who is the envoy", "--seeds", BotHostProcess.SeedsFolder, $"--{setting}", value],
            "eval" => ["eval", Path.Combine(AppContext.BaseDirectory, "Fixtures", "questions", "000_7788cec921cb3b17.json"), "--seeds", BotHostProcess.SeedsFolder, $"--{setting}", value],
            _ => [verb, "--seeds", BotHostProcess.SeedsFolder, $"--{setting}", value],
        };

        var result = await BotHostProcess.RunAsync(null, args);

        AssertOneLineSettingError(result, setting, value, takes);
    }

    [Fact]
    public async Task A_badly_typed_setting_from_the_environment_is_reported_the_same_way()
    {
        var result = await BotHostProcess.RunAsync(
            null,
            new Dictionary<string, string> { ["Discord__DeferAfter"] = "banana-9f3" },
            "--seeds", BotHostProcess.SeedsFolder, "--urls", "http://127.0.0.1:0", "--Discord:PublicKey", Key, "--Discord:ApplicationId", "1");

        AssertOneLineSettingError(result, "Discord:DeferAfter", "banana-9f3", "00:00:02");
    }

    private static void AssertOneLineSettingError(BotHostProcess.Result result, string setting, string value, string takes)
    {
        var everything = result.Stdout + result.Stderr;
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {everything}");
        var line = Assert.Single(everything.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(setting, line, StringComparison.Ordinal);
        Assert.Contains(takes, line, StringComparison.Ordinal);
        Assert.DoesNotContain(value, everything, StringComparison.Ordinal);
    }
}
