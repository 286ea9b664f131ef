namespace BotHost.Tests;

/// <summary>With no chat settings the bot is a terminal chat over the stories.</summary>
public sealed class TerminalModeTests
{
    [Fact]
    public async Task Without_chat_settings_the_bot_chats_on_the_terminal_and_quits_cleanly()
    {
        var result = await BotHostProcess.RunAsync("/ask who is the envoy?\n/help\n/quit\n", "--seeds", BotHostProcess.SeedsFolder);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("envoy", result.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/ask QUESTION", result.Stdout);
        Assert.Contains("Bye.", result.Stdout);
    }

    [Fact]
    public async Task End_of_input_stops_the_bot_with_exit_code_0()
    {
        var result = await BotHostProcess.RunAsync(string.Empty, "--seeds", BotHostProcess.SeedsFolder);

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task An_empty_stories_folder_is_a_clear_error_at_start()
    {
        var empty = Directory.CreateTempSubdirectory("bothost-empty-").FullName;
        try
        {
            var result = await BotHostProcess.RunAsync("/quit\n", "--seeds", empty);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains(empty, result.Stderr);
            Assert.DoesNotContain("   at ", result.Stderr); // a message, not a stack trace
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
