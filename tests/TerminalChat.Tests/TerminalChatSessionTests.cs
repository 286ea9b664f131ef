using System.Text.RegularExpressions;
using ChatCommands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StoryEngine;
using StoryEngine.Hosting;

namespace TerminalChat.Tests;

/// <summary>The terminal chat over real text streams, the real command layer and the real index of the seed stories.</summary>
public sealed class TerminalChatSessionTests : IAsyncLifetime
{
    private IHost _host = null!;

    private ICommandDispatcher Dispatcher => _host.Services.GetRequiredService<ICommandDispatcher>();

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stories:Path"] = Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds"),
        });
        builder.Logging.ClearProviders();
        builder.Services.AddStoryEngine(builder.Configuration).AddChatCommands();
        _host = builder.Build();
        await _host.StartAsync();
        await _host.Services.GetRequiredService<IStoryLibrary>().WaitUntilReadyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private async Task<string> ChatAsync(string typed, bool ansi = false)
    {
        var output = new StringWriter();
        var session = new TerminalChatSession(Dispatcher, new StringReader(typed), output, ansi);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await session.RunAsync(timeout.Token);
        return output.ToString();
    }

    // An interactive terminal: the line editor reads scripted keys and draws on the same output.
    private async Task<string> ChatWithKeysAsync(params object[] presses)
    {
        var output = new StringWriter();
        var session = new TerminalChatSession(Dispatcher, new LineEditor(new ScriptedKeys(presses), output), output, ansi: false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await session.RunAsync(timeout.Token);
        return output.ToString();
    }

    private static int Answers(string output) => Regex.Matches(output, @", paragraph \d+, confidence \d+%").Count;

    [Fact]
    public async Task Ctrl_D_on_an_empty_line_ends_the_chat()
    {
        var output = await ChatWithKeysAsync(ScriptedKeys.Ctrl('d'), "who is the envoy?", ScriptedKeys.Enter);

        Assert.Equal(0, Answers(output));
        Assert.StartsWith("Ask about the news stories.", output);
    }

    [Fact]
    public async Task Up_at_the_prompt_asks_the_previous_question_again()
    {
        var once = await ChatWithKeysAsync("who is the envoy?", ScriptedKeys.Enter);
        var twice = await ChatWithKeysAsync("who is the envoy?", ScriptedKeys.Enter, ScriptedKeys.Up, ScriptedKeys.Enter);

        Assert.True(Answers(once) > 0);
        Assert.Equal(2 * Answers(once), Answers(twice));
    }

    [Fact]
    public async Task Arrow_keys_and_escape_sequences_in_a_question_reach_no_command()
    {
        var output = await ChatWithKeysAsync(
            "who is the", ScriptedKeys.Left, ScriptedKeys.Right, ScriptedKeys.Esc, "[1;5D", ScriptedKeys.Esc, "OA", " envoy?", ScriptedKeys.Enter);

        Assert.DoesNotContain("\u001b", output);
        Assert.True(Answers(output) > 0);
    }

    [Fact]
    public async Task Help_at_a_terminal_explains_the_editing_keys_and_piped_help_does_not()
    {
        var terminal = await ChatWithKeysAsync("/help", ScriptedKeys.Enter);
        var piped = await ChatAsync("/help\n");

        Assert.Contains("Ctrl+U", terminal, StringComparison.Ordinal);
        Assert.Contains("Up/Down", terminal, StringComparison.Ordinal);
        Assert.DoesNotContain("Ctrl+U", piped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_prints_the_answer_with_its_story_and_paragraph()
    {
        var output = await ChatAsync("/ask who is the envoy?\n/quit\n");

        Assert.Contains("envoy", output, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"— In a significant diplomatic effort[^\n]*…, paragraph \d+, confidence \d+%", output);
        Assert.EndsWith("Bye." + Environment.NewLine, output);
    }

    [Fact]
    public async Task Matched_words_are_bold_on_a_terminal_and_starred_otherwise()
    {
        Assert.Contains("\u001b[1m", await ChatAsync("who is the envoy?\n", ansi: true));
        var plain = await ChatAsync("who is the envoy?\n");
        Assert.DoesNotContain("\u001b[", plain);
        Assert.Matches(@"\*\*[^*]+\*\*", plain);
    }

    [Fact]
    public async Task Help_lists_the_commands()
    {
        var output = await ChatAsync("/help\n");

        foreach (var command in Dispatcher.Commands)
        {
            Assert.Contains("/" + command.Name, output);
        }
    }

    [Fact]
    public async Task End_of_input_ends_the_chat_cleanly()
    {
        var output = await ChatAsync(string.Empty);

        Assert.StartsWith("Ask about the news stories.", output);
    }

    [Fact]
    public async Task Bad_input_gets_a_message_and_the_chat_goes_on()
    {
        var output = await ChatAsync("/ask\n/nosuchcommand\n*:* AND (\nwho is the envoy?\n");

        Assert.Contains("needs QUESTION", output);
        Assert.Contains("Unknown command /nosuchcommand", output);
        Assert.Contains("envoy", output[output.IndexOf("Unknown command", StringComparison.Ordinal)..], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task More_turns_to_the_next_page_of_the_last_answer()
    {
        var session = new TerminalChatSession(Dispatcher, TextReader.Null, TextWriter.Null, ansi: false);
        var first = await session.HandleAsync("/ask Netanyahu Trump ceasefire Gaza talks", CancellationToken.None);
        Assert.NotNull(first!.Page);

        var second = await session.HandleAsync("/more", CancellationToken.None);
        var back = await session.HandleAsync("/back", CancellationToken.None);

        Assert.Equal(1, second!.Page!.Index);
        Assert.Empty(second.Citations.Select(c => c.Text).Intersect(first.Citations.Select(c => c.Text)));
        Assert.Equal(first.Citations.Select(c => c.Text), back!.Citations.Select(c => c.Text));
    }

    [Fact]
    public async Task Help_also_lists_the_terminal_commands_more_back_and_quit()
    {
        var output = await ChatAsync("/help\n");

        Assert.Contains("/more", output, StringComparison.Ordinal);
        Assert.Contains("/back", output, StringComparison.Ordinal);
        Assert.Contains("/quit", output[output.IndexOf("Commands", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_on_the_last_page_says_there_is_nothing_more_instead_of_repeating_it()
    {
        var session = new TerminalChatSession(Dispatcher, TextReader.Null, TextWriter.Null, ansi: false);
        var page = await session.HandleAsync("/ask Netanyahu Trump ceasefire Gaza talks", CancellationToken.None);
        Assert.NotNull(page!.Page);
        for (var i = 0; i < 10 && page!.Page!.HasNext; i++)
        {
            page = await session.HandleAsync("/more", CancellationToken.None);
        }

        var beyond = await session.HandleAsync("/more", CancellationToken.None);
        var back = await session.HandleAsync("/back", CancellationToken.None);

        Assert.Empty(beyond!.Citations);
        Assert.Contains("nothing more", beyond.Text, StringComparison.Ordinal);
        Assert.Equal(page!.Page!.Index - 1, back!.Page!.Index);
    }

    [Fact]
    public async Task Back_on_the_first_page_says_so_instead_of_repeating_it()
    {
        var session = new TerminalChatSession(Dispatcher, TextReader.Null, TextWriter.Null, ansi: false);
        Assert.NotNull((await session.HandleAsync("/ask Netanyahu Trump ceasefire Gaza talks", CancellationToken.None))!.Page);

        var before = await session.HandleAsync("/back", CancellationToken.None);

        Assert.Empty(before!.Citations);
        Assert.Contains("first page", before.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_before_any_question_is_explained()
    {
        var session = new TerminalChatSession(Dispatcher, TextReader.Null, TextWriter.Null, ansi: false);

        var reply = await session.HandleAsync("/more", CancellationToken.None);

        Assert.True(reply!.IsError);
    }
}

public sealed class TerminalReplyRendererTests
{
    [Fact]
    public void Fields_paired_with_citations_are_printed_once_beside_their_sentence()
    {
        var reply = new Reply(
            ReplyKind.Answer,
            "Who said what",
            null,
            [new Citation("She said the plan works.", "a.txt", 2, null, [], Label: "Ann Lee"), new Citation("He disagreed.", "a.txt", 3, null, [], Label: "Bo Chan")],
            [new ReplyField("Ann Lee", "the plan works (said, ¶2)"), new ReplyField("Bo Chan", "disagreed (said, ¶3)")]);

        var text = TerminalReplyRenderer.Render(reply, ansi: false);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "the plan works \\(said"));
        Assert.Contains("  1. Ann Lee: the plan works (said, ¶2)", text);
        Assert.Contains("“She said the plan works.”", text);
        Assert.Contains("  2. Bo Chan: disagreed (said, ¶3)", text);
    }

    [Fact]
    public void Source_line_names_the_story_by_its_title()
    {
        var reply = new Reply(ReplyKind.Answer, "Q", null, [new Citation("It rained.", "wx_1.txt", 2, 0.5, [], StoryTitle: "Storm hits the coast")], []);

        var text = TerminalReplyRenderer.Render(reply, ansi: false);

        Assert.Contains("     — Storm hits the coast, paragraph 2, confidence 50%", text);
        Assert.DoesNotContain("wx_1.txt", text);
    }

    [Fact]
    public void Each_answer_names_its_own_story_when_the_answers_come_from_several()
    {
        var reply = new Reply(ReplyKind.Answer, "Q", null,
        [
            new Citation("It rained.", "wx_1.txt", 2, 0.5, [], StoryTitle: "Storm hits the coast"),
            new Citation("The vote passed.", "council_2.txt", 3, 0.25, [], StoryTitle: "Council backs the budget"),
        ], []);

        var lines = TerminalReplyRenderer.Render(reply, ansi: false).Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        var first = lines.FindIndex(l => l.Contains("It rained.", StringComparison.Ordinal));
        var second = lines.FindIndex(l => l.Contains("The vote passed.", StringComparison.Ordinal));
        Assert.Equal("     — Storm hits the coast, paragraph 2, confidence 50%", lines[first + 1]);
        Assert.Equal("     — Council backs the budget, paragraph 3, confidence 25%", lines[second + 1]);
    }

    [Fact]
    public void Fields_without_citations_are_listed()
    {
        var text = TerminalReplyRenderer.Render(Reply.Info("Commands", "Try these.", [new ReplyField("/ask QUESTION", "Ask")]), ansi: false);

        Assert.Contains("  /ask QUESTION: Ask", text);
    }
}
