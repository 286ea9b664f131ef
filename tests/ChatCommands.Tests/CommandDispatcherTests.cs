namespace ChatCommands.Tests;

public sealed class CommandDispatcherTests(SeedBot bot) : IClassFixture<SeedBot>
{
    [Fact]
    public async Task Unknown_command_is_an_error_reply_naming_it()
    {
        var reply = await bot.RunAsync("frobnicate");

        Assert.True(reply.IsError);
        Assert.Contains("/frobnicate", reply.Text);
    }

    [Fact]
    public async Task Unknown_command_name_is_not_echoed_with_markup_or_mentions()
    {
        var reply = await bot.RunAsync("<@123>@everyone" + new string('x', 200));

        Assert.True(reply.IsError);
        Assert.DoesNotContain("@", reply.Text);
        Assert.DoesNotContain("<", reply.Text);
        Assert.True(reply.Text!.Length < 120);
    }

    [Fact]
    public async Task Help_lists_every_registered_command()
    {
        var reply = await bot.RunAsync("help");

        Assert.Equal(ReplyKind.Info, reply.Kind);
        foreach (var command in bot.Dispatcher.Commands)
        {
            Assert.Contains(reply.Fields, f => f.Name.StartsWith("/" + command.Name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_command_that_throws_becomes_an_error_reply()
    {
        var dispatcher = new CommandDispatcher(
            [new ThrowingCommand()],
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CommandDispatcher>.Instance);

        var reply = await dispatcher.ExecuteAsync(CommandRequest.Create("boom"), CancellationToken.None);

        Assert.True(reply.IsError);
    }

    [Fact]
    public async Task Completion_for_an_unknown_command_is_empty()
    {
        var choices = await bot.Dispatcher.CompleteAsync("nope", "x", "a", CancellationToken.None);

        Assert.Empty(choices);
    }

    private sealed class ThrowingCommand : IChatCommand
    {
        public CommandDefinition Definition { get; } = new("boom", "Always fails", []);

        public ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("bug");
    }
}
