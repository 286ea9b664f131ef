using ChatCommands;
using ChatCommands.Facts;
using StoryEngine.Hosting;

namespace BotHost;

/// <summary>What every mode of the bot shares: the story engine, the facts and the command layer.</summary>
public static class BotServices
{
    public static IServiceCollection AddBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStoryEngine(configuration);
        services.AddChatCommands();
        services.AddFactCommands();
        return services;
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
