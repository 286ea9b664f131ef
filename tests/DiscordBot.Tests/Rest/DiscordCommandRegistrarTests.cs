using ChatCommands;
using DiscordBot.Rest;
using DiscordBot.Tests.Gateway;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordBot.Tests.Rest;

/// <summary><c>register-commands</c>: the dispatcher's commands become Discord application-command JSON, sent to the right route.</summary>
public sealed class DiscordCommandRegistrarTests
{
    private static readonly CommandDefinition Ask = new(
        "ask",
        "Ask a question about the news stories",
        [
            new CommandOption("story", "Limit to one story", CommandOptionType.String, Required: false, Autocomplete: true),
            new CommandOption("question", "What you want to know", CommandOptionType.String, Required: true),
            new CommandOption("page", "Which page", CommandOptionType.Integer, Required: false),
        ]);

    private static readonly CommandDefinition Help = new("Help", "Lists the commands", []);

    [Fact]
    public async Task Guild_registration_bulk_overwrites_the_guild_route_with_typed_options_required_first()
    {
        await using var h = await RestHarness.StartAsync(configure: s => s.AddSingleton<ICommandDispatcher>(new FixedDispatcher(Ask, Help)));
        h.Server.Respond = (_, _) => RestAnswer.Json(200, """[{"id":"1","name":"ask"},{"id":"2","name":"help"}]""");
        var registrar = h.Provider.GetRequiredService<DiscordCommandRegistrar>();

        var exit = await registrar.RegisterAsync("222333444555666777", CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience);

        Assert.Equal(0, exit);
        var request = await h.Server.NextRequestAsync();
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/api/v10/applications/{RestHarness.ApplicationId}/guilds/222333444555666777/commands", request.Path);
        Assert.Equal("Bot " + RestHarness.Token, request.Authorization);

        var commands = request.Json.EnumerateArray().ToList();
        Assert.Equal(2, commands.Count);
        var ask = commands[0];
        Assert.Equal("ask", ask.GetProperty("name").GetString());
        Assert.Equal(1, ask.GetProperty("type").GetInt32());
        Assert.Equal("Ask a question about the news stories", ask.GetProperty("description").GetString());
        var options = ask.GetProperty("options").EnumerateArray().ToList();
        Assert.Equal(["question", "story", "page"], options.Select(o => o.GetProperty("name").GetString()));
        Assert.Equal([3, 3, 4], options.Select(o => o.GetProperty("type").GetInt32()));
        Assert.Equal([true, false, false], options.Select(o => o.GetProperty("required").GetBoolean()));
        Assert.Equal([false, true, false], options.Select(o => o.GetProperty("autocomplete").GetBoolean()));

        // Chat-input names must be lower case.
        Assert.Equal("help", commands[1].GetProperty("name").GetString());
        Assert.Empty(commands[1].GetProperty("options").EnumerateArray());
    }

    [Fact]
    public async Task Without_a_guild_the_global_route_is_overwritten()
    {
        await using var h = await RestHarness.StartAsync(configure: s => s.AddSingleton<ICommandDispatcher>(new FixedDispatcher(Ask)));
        var registrar = h.Provider.GetRequiredService<DiscordCommandRegistrar>();

        var exit = await registrar.RegisterAsync(null, CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience);

        Assert.Equal(0, exit);
        var request = await h.Server.NextRequestAsync();
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/api/v10/applications/{RestHarness.ApplicationId}/commands", request.Path);
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("12 34")]
    [InlineData("")]
    public async Task A_guild_id_that_is_not_a_snowflake_fails_without_calling_discord(string guild)
    {
        await using var h = await RestHarness.StartAsync(configure: s => s.AddSingleton<ICommandDispatcher>(new FixedDispatcher(Ask)));
        var registrar = h.Provider.GetRequiredService<DiscordCommandRegistrar>();

        var exit = await registrar.RegisterAsync(guild, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Equal(0, h.Server.RequestCount);
    }

    [Fact]
    public async Task Missing_token_fails_with_a_message_naming_the_setting()
    {
        await using var h = await RestHarness.StartAsync(token: null, configure: s => s.AddSingleton<ICommandDispatcher>(new FixedDispatcher(Ask)));
        var registrar = h.Provider.GetRequiredService<DiscordCommandRegistrar>();

        var exit = await registrar.RegisterAsync(null, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("Discord:Token", h.Logs.AllText, StringComparison.Ordinal);
        Assert.Equal(0, h.Server.RequestCount);
    }

    [Fact]
    public async Task Discord_refusing_the_commands_gives_exit_code_1_and_logs_its_reason()
    {
        await using var h = await RestHarness.StartAsync(configure: s => s.AddSingleton<ICommandDispatcher>(new FixedDispatcher(Ask)));
        h.Server.Respond = (_, _) => RestAnswer.Json(400, """{"message":"Invalid Form Body","code":50035}""");
        var registrar = h.Provider.GetRequiredService<DiscordCommandRegistrar>();

        var exit = await registrar.RegisterAsync(null, CancellationToken.None).WaitAsync(LoopbackGatewayServer.Patience);

        Assert.Equal(1, exit);
        Assert.Contains("50035", h.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(RestHarness.Token, h.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_descriptions_are_cut_to_discords_limit_and_empty_ones_get_a_fallback()
    {
        var longText = string.Join(' ', Enumerable.Repeat("words", 60));
        var commands = DiscordCommandRegistrar.ToApplicationCommands(
            [new CommandDefinition("facts", longText, [new CommandOption("story", "  ", CommandOptionType.String, Required: true)])]);

        var command = Assert.Single(commands);
        Assert.InRange(command.Description.Length, 1, DiscordCommandRegistrar.MaxDescriptionLength);
        Assert.EndsWith("…", command.Description, StringComparison.Ordinal);
        Assert.Equal("story", Assert.Single(command.Options).Description);
    }

    [Theory]
    [InlineData("who said")]
    [InlineData("ask!")]
    [InlineData("")]
    [InlineData("a-name-that-is-far-too-long-for-discord")]
    public void Names_discord_would_reject_are_refused_up_front(string name)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            DiscordCommandRegistrar.ToApplicationCommands([new CommandDefinition(name, "d", [])]));

        Assert.Contains("name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ascii_letters_are_valid_names()
    {
        var commands = DiscordCommandRegistrar.ToApplicationCommands([new CommandDefinition("fakten-über", "Fakten", [])]);

        Assert.Equal("fakten-über", Assert.Single(commands).Name);
    }

    [Fact]
    public void Too_many_options_or_duplicate_names_are_refused()
    {
        var many = Enumerable.Range(0, 26).Select(i => new CommandOption($"o{i}", "x", CommandOptionType.String, false)).ToList();

        Assert.Throws<ArgumentException>(() => DiscordCommandRegistrar.ToApplicationCommands([new CommandDefinition("big", "d", many)]));
        Assert.Throws<ArgumentException>(() => DiscordCommandRegistrar.ToApplicationCommands([new CommandDefinition("a", "d", []), new CommandDefinition("A", "d", [])]));
    }

    [Fact]
    public async Task An_invalid_command_definition_fails_registration_without_calling_discord()
    {
        await using var h = await RestHarness.StartAsync(configure: s => s.AddSingleton<ICommandDispatcher>(new FixedDispatcher(new CommandDefinition("bad name", "d", []))));
        var registrar = h.Provider.GetRequiredService<DiscordCommandRegistrar>();

        var exit = await registrar.RegisterAsync(null, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Equal(0, h.Server.RequestCount);
    }

    private sealed class FixedDispatcher(params CommandDefinition[] commands) : ICommandDispatcher
    {
        public IReadOnlyList<CommandDefinition> Commands { get; } = commands;

        public ValueTask<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Reply.Error("none"));

        public ValueTask<IReadOnlyList<string>> CompleteAsync(string command, string option, string partial, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<string>>([]);
    }
}
