using ChatCommands.Ask;
using ChatCommands.Help;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCommands;

public static class ServiceCollectionExtensions
{
    /// <summary>The dispatcher and the core commands (/ask, /help). Feature commands add themselves as <see cref="IChatCommand"/> singletons.</summary>
    public static IServiceCollection AddChatCommands(this IServiceCollection services)
    {
        services.AddSingleton<ICommandDispatcher, CommandDispatcher>();
        services.AddSingleton<IChatCommand, AskCommand>();
        services.AddSingleton<IChatCommand, HelpCommand>();
        return services;
    }
}
