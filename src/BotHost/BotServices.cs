using ChatCommands;
using ChatCommands.Facts;
using StoryEngine.Hosting;
using StoryEngine.MiniLM;

namespace BotHost;

/// <summary>What every mode of the bot shares: the story engine, the facts and the command layer.</summary>
public static class BotServices
{
    public static IServiceCollection AddBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStoryEngine(configuration);
        services.AddSentenceModels(configuration);
        services.AddChatCommands();
        services.AddFactCommands();
        return services;
    }

    /// <summary>
    /// A Generic Host builder for the verbs and the terminal chat: settings from appsettings.json beside the executable,
    /// the environment and the command line's overrides, with the shared services registered.
    /// </summary>
    public static HostApplicationBuilder CreateHostBuilder(Cli.CliArguments cli)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(cli.ConfigurationOverrides());
        SettingsErrors.CheckFrameworkSettings(builder.Configuration, web: false);
        builder.Services.AddBotCore(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// For verbs and the terminal chat: logs go to standard error, warnings and above, so standard output stays
    /// clean for answers and JSON. Settings under Logging:* still override this.
    /// </summary>
    public static void UseQuietConsoleLogging(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
