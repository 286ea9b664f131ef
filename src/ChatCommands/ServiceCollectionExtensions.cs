using System.Diagnostics.Metrics;
using ChatCommands.Ask;
using ChatCommands.Help;
using ChatCommands.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatCommands;

public static class ServiceCollectionExtensions
{
    /// <summary>The dispatcher and the core commands (/ask, /help). Feature commands add themselves as <see cref="IChatCommand"/> singletons.</summary>
    public static IServiceCollection AddChatCommands(this IServiceCollection services)
    {
        services.AddSingleton<ICommandDispatcher, CommandDispatcher>();
        services.TryAddSingleton(sp => new BotMetrics(sp.GetServices<IChatCommand>(), sp.GetService<IMeterFactory>()));
        services.AddSingleton<IChatCommand, AskCommand>();
        services.AddSingleton<IChatCommand, HelpCommand>();
        return services;
    }
}
