using BotHost.Cli;
using BotHost.Health;
using BotHost.Telemetry;
using DiscordBot;
using DiscordBot.Gateway;
using DiscordBot.Rest;
using SlackBot;
using SlackBot.SocketMode;
using StoryEngine;
using StoryEngine.Ingest;
using TerminalChat;

namespace BotHost;

/// <summary>Entry point: picks the verb, runs it, and maps failures to exit codes (0 ok, 1 failure, 2 usage).</summary>
public static class BotHostApp
{
    public const string Usage = """
        Usage:
          BotHost [--seeds DIR] [--semantic]         run the bot (terminal chat unless Discord or Slack settings are given)
          BotHost ask "QUESTION" [--top N] [--story NAME] [--json] [--seeds DIR] [--semantic]
          BotHost ask --batch [--top N] [--story NAME] [--seeds DIR]
                                                     one question a line on stdin, one JSON object a line out
          BotHost eval [FILE...] [--seeds DIR] [--stories DIR] [--misses N] [--semantic]
                                                     accuracy on question files, SQuAD-format files, newsqa-dev folders
          BotHost eval-whosaid [--labels DIR] [--seeds DIR]
                                                     who said what on hand-labelled articles (default: the project's own)
          BotHost eval-facts [--labels DIR] [--seeds DIR]
                                                     key facts on hand-labelled articles (default: the project's own)
          BotHost fit [--squad FILE] [--newsqa DIR] [--folds N] [--only KIND] [--write FILE]
                                                     fit the /ask ranking weights, report them held out by story
          BotHost reader-data --out DIR [--squad FILE] [--newsqa DIR] [--top N]
                                                     the sentence reader's training data (tools/reader)
          BotHost pronoun-candidates --stories DIR [--weights FILE]
                                                     each speaking he/she with its candidates' features (tools/speakers)
          BotHost related-words [--wordnet DIR] --write FILE
                                                     regenerate the related-words lexicon from WordNet 3.0
          BotHost whosaid [SPEAKER] [--json]         who said what
          BotHost quote PHRASE [--json]              who said a phrase
          BotHost facts [TOPIC] [--json] | people [--json] | timeline [--json] | summary [--json]
        ask and the facts commands take --story NAME (a file name or words of a title) to answer from one story.
          BotHost register-commands [--guild ID]     register the slash commands with Discord
        --semantic [true|false] ranks by meaning as well as words (the offline MiniLM model), as appsettings.json does
        by default; --semantic false (or --Stories:Semantic false) ranks by words alone (instant start, microseconds a
        question). --help or -h after any command prints this.
        Settings may also be given as --Section:Key value (e.g. --Discord:PublicKey ...).
        """;

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            var cli = CliArguments.Parse(args);
            if (cli.Verb == "run")
            {
                // The Generic Host handles Ctrl+C itself in this mode.
                return await RunBotAsync(cli, error);
            }

            Console.CancelKeyPress += onCancel;
            return cli.Verb switch
            {
                "help" => await PrintUsageAsync(output),
                "ask" => await AskVerb.RunAsync(cli, input, output, error, cancel.Token),
                "eval" => await EvalVerb.RunAsync(cli, output, cancel.Token),
                "eval-whosaid" => await EvalWhosaidVerb.RunAsync(cli, output, cancel.Token),
                "eval-facts" => await EvalFactsVerb.RunAsync(cli, output, cancel.Token),
                "fit" => await FitVerb.RunAsync(cli, output, cancel.Token),
                "reader-data" => await ReaderDataVerb.RunAsync(cli, output, cancel.Token),
                "pronoun-candidates" => await PronounCandidatesVerb.RunAsync(cli, output, cancel.Token),
                "related-words" => await RelatedWordsVerb.RunAsync(cli, output, cancel.Token),
                "register-commands" => await RegisterCommandsAsync(cli, cancel.Token),
                "whosaid" or "quote" or "facts" or "people" or "timeline" or "summary" => await FactsVerbs.RunAsync(cli, output, cancel.Token),
                _ => throw new UsageException($"'{cli.Verb}' is not available in this build."),
            };
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync(ex.Message);
            await error.WriteLineAsync(Usage);
            return 2;
        }
        catch (StoriesUnavailableException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (Exception ex) when (SettingsErrors.Describe(ex) is { } settings)
        {
            // One line naming the setting and what it takes, never its value.
            await error.WriteLineAsync(settings);
            return 1;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> PrintUsageAsync(TextWriter output)
    {
        await output.WriteLineAsync(Usage);
        return 0;
    }

    /// <summary>
    /// Long-running mode. With any chat settings (<c>Discord:PublicKey</c>, <c>Discord:Token</c>, <c>Slack:SigningSecret</c>,
    /// <c>Slack:AppToken</c>)
    /// a web host serves the platforms that are configured, <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>; with none, the terminal chat.
    /// </summary>
    private static async Task<int> RunBotAsync(CliArguments cli, TextWriter error)
    {
        cli.AllowOnly("seeds", "urls", "semantic");
        if (cli.Positionals.Count > 0)
        {
            throw new UsageException($"Unexpected '{cli.Positionals[0]}'.");
        }

        var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        web.Configuration.AddInMemoryCollection(cli.ConfigurationOverrides());
        var discord = web.Configuration.GetSection(DiscordOptions.SectionName);
        var discordHttp = !string.IsNullOrWhiteSpace(discord[nameof(DiscordOptions.PublicKey)]);
        var discordGateway = !discordHttp && !string.IsNullOrWhiteSpace(discord[nameof(DiscordOptions.Token)]);
        // Slack turns on with its signing secret (HTTP) or app token (Socket Mode), as Discord does with its key.
        var slackSection = web.Configuration.GetSection(SlackOptions.SectionName);
        var slackSettings = new SlackOptions
        {
            Enabled = slackSection.GetValue<bool?>(nameof(SlackOptions.Enabled)),
            SigningSecret = slackSection[nameof(SlackOptions.SigningSecret)],
            AppToken = slackSection[nameof(SlackOptions.AppToken)],
        };
        var slack = slackSettings.IsOn;
        var slackSocket = slackSettings.UsesSocketMode;
        if (!discordHttp && !discordGateway && !slack)
        {
            return await RunTerminalChatAsync(cli, error);
        }

        SettingsErrors.CheckFrameworkSettings(web.Configuration, web: true);
        web.Services.AddBotCore(web.Configuration);

        // Before the adapters: their paging state goes to this cache (Redis when Redis:Configuration is set).
        web.Services.AddBotSharedState(web.Configuration);
        if (discordHttp || discordGateway)
        {
            // The rate-limited REST client also carries deferred replies; webhooks need no bot token.
            web.Services.AddDiscordInteractions(web.Configuration).AddDiscordRest(web.Configuration);
        }

        if (discordGateway)
        {
            web.Services.AddDiscordGateway(web.Configuration);
        }

        if (slack)
        {
            web.Services.AddSlackCommands(web.Configuration);
        }

        web.Services.AddBotHealthChecks(discordGateway, slackSocket);
        web.Services.AddBotTelemetry();
        await using var app = web.Build();
        app.MapBotHealthChecks();
        app.MapBotTelemetry();
        if (discordHttp)
        {
            app.MapDiscordInteractions();
        }

        if (slack)
        {
            app.MapSlackCommands();
        }

        var exit = await RunUntilStoppedAsync(app, error);

        // The host exits 0 even when a hosted service fails; a gateway that gave up (bad token...) must not.
        if (discordGateway && app.Services.GetRequiredService<DiscordGatewayStatus>().Failure is { } failure)
        {
            await error.WriteLineAsync(failure.Message);
            return 1;
        }

        // Likewise Socket Mode whose app token Slack refused.
        if (slackSocket && app.Services.GetRequiredService<SlackSocketStatus>().Failure is { } slackFailure)
        {
            await error.WriteLineAsync(slackFailure.Message);
            return 1;
        }

        return exit;
    }

    private static async Task<int> RunTerminalChatAsync(CliArguments cli, TextWriter error)
    {
        var builder = BotServices.CreateHostBuilder(cli);
        builder.Logging.UseQuietConsoleLogging();
        builder.Services.AddTerminalChat();
        using var host = builder.Build();
        return await RunUntilStoppedAsync(host, error);
    }

    /// <summary><c>register-commands [--guild ID]</c>: bulk-overwrites the slash commands through Discord's REST API.</summary>
    private static async Task<int> RegisterCommandsAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        cli.AllowOnly("guild");
        if (cli.Positionals.Count > 0)
        {
            throw new UsageException($"Unexpected '{cli.Positionals[0]}'.");
        }

        var guild = cli.Get("guild");
        if (guild is not null && (guild.Length is 0 or > 20 || !guild.All(char.IsAsciiDigit)))
        {
            throw new UsageException("--guild takes a numeric guild (server) id.");
        }

        var builder = BotServices.CreateHostBuilder(cli);
        builder.Services.AddDiscordRest(builder.Configuration);
        builder.Services.AddDiscordInteractions(builder.Configuration);
        using var host = builder.Build();

        // Only the command definitions are needed, so the stories are not loaded (no StartAsync).
        host.ValidateSettings();
        return await host.Services.GetRequiredService<DiscordCommandRegistrar>().RegisterAsync(guild, cancellationToken);
    }

    /// <summary>Starts the host, fails fast with a clear message when the stories can't be served, then waits for shutdown.</summary>
    private static async Task<int> RunUntilStoppedAsync(IHost host, TextWriter error)
    {
        host.ValidateSettings();
        await host.StartAsync();
        var ready = host.Services.GetRequiredService<IStoryLibrary>().WaitUntilReadyAsync(CancellationToken.None);
        var stopping = Task.Delay(Timeout.Infinite, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);

        // Stopping (Ctrl+C, /quit, end of input) may race a failed load; a failed load wins, so the exit code tells.
        await Task.WhenAny(ready, stopping);
        if (ready.IsFaulted && ready.Exception.InnerException is StoriesUnavailableException unavailable)
        {
            await error.WriteLineAsync(unavailable.Message);
            await host.StopAsync();
            return 1;
        }

        await host.WaitForShutdownAsync();
        return 0;
    }
}
