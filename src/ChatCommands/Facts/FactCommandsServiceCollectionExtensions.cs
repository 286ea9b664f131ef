using Microsoft.Extensions.DependencyInjection;
using StoryFacts;

namespace ChatCommands.Facts;

public static class FactCommandsServiceCollectionExtensions
{
    /// <summary>/whosaid, /quote, /facts, /people, /timeline and /summary, plus the <see cref="IStoryFactsService"/> they use.</summary>
    public static IServiceCollection AddFactCommands(this IServiceCollection services)
    {
        services.AddStoryFacts();
        services.AddSingleton<IChatCommand, WhoSaidCommand>();
        services.AddSingleton<IChatCommand, QuoteCommand>();
        services.AddSingleton<IChatCommand, FactsCommand>();
        services.AddSingleton<IChatCommand, PeopleCommand>();
        services.AddSingleton<IChatCommand, TimelineCommand>();
        services.AddSingleton<IChatCommand, SummaryCommand>();
        return services;
    }
}
